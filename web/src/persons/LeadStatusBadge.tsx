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
  // The name leads the title because a narrow column cuts it off with an ellipsis.
  const title = [status.name, status.description, retained ? t('leadStatus.retained') : null].filter(Boolean).join(' · ');

  return (
    <span
      className={`status-badge${retained ? ' status-badge-retained' : ''}${status.deleted ? ' status-badge-deleted' : ''}`}
      title={title}
      aria-describedby={status.description ? descriptionId : undefined}
      tabIndex={status.description ? 0 : undefined}
    >
      {retained ? <span className="icon icon-lock" aria-hidden="true" /> : null}
      <span className="status-badge-name">{status.name}</span>
      {status.deleted ? <span className="status-badge-suffix"> {t('common.deletedSuffix')}</span> : null}
      {/* The lock icon marks a retained status on screen; screen readers get the word. */}
      {retained ? <span className="visually-hidden"> {t('leadStatus.retainedSuffix')}</span> : null}
      {status.description ? (
        <span id={descriptionId} className="visually-hidden">
          {status.description}
        </span>
      ) : null}
    </span>
  );
}
