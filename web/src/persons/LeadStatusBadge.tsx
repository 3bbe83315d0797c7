import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { LeadStatusRef } from '../api/types';

interface LeadStatusBadgeProps {
  status: LeadStatusRef;
  /** A retained status: kept while the company's category has lead status off. */
  retained?: boolean;
}

/**
 * Renders a lead status with its description as tooltip (title) and as accessible description, so
 * both mouse and screen reader users learn the meaning of the status.
 */
export function LeadStatusBadge({ status, retained = false }: LeadStatusBadgeProps) {
  const { t } = useTranslation();
  const descriptionId = useId();
  const suffix = [status.deleted ? t('common.deletedSuffix') : null, retained ? t('leadStatus.retainedSuffix') : null]
    .filter((part) => part !== null)
    .join(' ');

  return (
    <span
      className={`status-badge${retained ? ' status-badge-retained' : ''}${status.deleted ? ' status-badge-deleted' : ''}`}
      title={status.description ?? undefined}
      aria-describedby={status.description ? descriptionId : undefined}
      tabIndex={status.description ? 0 : undefined}
    >
      {retained ? <span className="icon icon-lock" aria-hidden="true" /> : null}
      {status.name}
      {suffix === '' ? null : <span className="status-badge-suffix"> {suffix}</span>}
      {status.description ? (
        <span id={descriptionId} className="visually-hidden">
          {status.description}
        </span>
      ) : null}
    </span>
  );
}
