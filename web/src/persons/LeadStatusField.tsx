import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { persons } from '../api/endpoints';
import { queryKeys, useLeadStatuses } from '../api/queries';
import type { Language, Person } from '../api/types';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toast';
import { LeadStatusBadge } from './LeadStatusBadge';

/**
 * Shows the lead status on the person card. When lead status is enabled, the field is a picker of
 * the non-deleted statuses in list order. Otherwise one line gives the reason, and a retained status
 * is shown read-only.
 */
export function LeadStatusField({ person, labelId, readOnly }: { person: Person; labelId: string; readOnly: boolean }) {
  const { t } = useTranslation();

  if (person.leadStatusEnabled && readOnly) {
    return person.leadStatus === null ? <span className="muted">{t('leadStatus.none')}</span> : <LeadStatusBadge status={person.leadStatus} />;
  }
  if (person.leadStatusEnabled) return <LeadStatusPicker person={person} labelId={labelId} />;

  return (
    <div className="lead-status-off">
      <p className="lead-status-reason">
        <span className="icon icon-info" aria-hidden="true" />
        {notEnabledReason(t, person)}
      </p>
      {person.leadStatusRetained && person.leadStatus !== null ? (
        <p className="lead-status-retained">
          <span className="muted">{t('leadStatus.retained')}:</span> <LeadStatusBadge status={person.leadStatus} retained />
        </p>
      ) : null}
    </div>
  );
}

/** Returns the one-line reason why a person's lead status is not enabled. */
export function notEnabledReason(t: TFunction, person: Person): string {
  if (person.company === null) return t('leadStatus.reasonNoCompany');
  if (person.category === null) return t('leadStatus.reasonNoCategory', { company: person.company.name });
  return t('leadStatus.reasonCategory', { category: person.category.name });
}

/** Keys with which a closed native select steps to another option without opening its list. */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * Native select whose keyboard changes are drafts: each arrow press on a closed select fires a change
 * event, and saving each one would write a history record per step. A draft is saved with Enter,
 * the Save button or by leaving the field, and Escape or Cancel drops it. A choice made with the
 * mouse in the opened list is saved at once.
 */
function LeadStatusPicker({ person, labelId }: { person: Person; labelId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const statuses = useLeadStatuses(language);
  const descriptionId = useId();
  const hintId = useId();
  const container = useRef<HTMLDivElement>(null);
  const changedByKey = useRef(false);
  const [draft, setDraft] = useState<number | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const selectedId = draft ?? pending ?? person.leadStatusId;
  const options = (statuses.data ?? [])
    .filter((status) => !status.deleted || status.id === person.leadStatusId)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const selected = options.find((status) => status.id === selectedId);
  const description = selected?.description ?? (selectedId === person.leadStatusId ? person.leadStatus?.description : null) ?? null;
  const conflict = isApiError(error, 'VERSION_CONFLICT');

  async function change(statusId: number, version: number) {
    setDraft(null);
    setPending(statusId);
    setError(null);
    try {
      const saved = await persons.update(person.id, version, { leadStatusId: statusId });
      queryClient.setQueryData(queryKeys.person(person.id), saved);
      setPending(null);
      toast(t('leadStatus.saved', { status: saved.leadStatus?.name ?? '' }));
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
    } catch (caught) {
      setError(caught);
      if (!isApiError(caught, 'VERSION_CONFLICT')) {
        setPending(null);
        // The company may have changed category meanwhile; show the card as it is now.
        if (isApiError(caught, 'LEAD_STATUS_NOT_ENABLED')) await queryClient.invalidateQueries({ queryKey: queryKeys.person(person.id) });
      }
    }
  }

  function saveDraft() {
    if (draft !== null) void change(draft, person.version);
  }

  async function retryOnLatest() {
    if (pending === null) return;
    try {
      const latest = await queryClient.fetchQuery({ queryKey: queryKeys.person(person.id), queryFn: () => persons.get(person.id), staleTime: 0 });
      await change(pending, latest.version);
    } catch (caught) {
      setError(caught);
    }
  }

  async function reload() {
    setPending(null);
    setError(null);
    await queryClient.invalidateQueries({ queryKey: queryKeys.person(person.id) });
  }

  return (
    <div className="lead-status-picker" ref={container}>
      <select
        aria-labelledby={labelId}
        aria-describedby={[description ? descriptionId : null, draft !== null ? hintId : null].filter(Boolean).join(' ') || undefined}
        title={description ?? undefined}
        value={selectedId === null ? '' : String(selectedId)}
        disabled={statuses.isPending || (pending !== null && !conflict)}
        onPointerDown={() => {
          changedByKey.current = false;
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && draft !== null) {
            event.preventDefault();
            saveDraft();
          } else if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            setDraft(null);
          } else if (STEP_KEYS.has(event.key) || event.key.length === 1) {
            // Arrow keys and type-ahead letters change a closed select without a deliberate choice.
            changedByKey.current = true;
          }
        }}
        onChange={(event) => {
          if (event.target.value === '') return;
          const statusId = Number(event.target.value);
          if (!changedByKey.current) void change(statusId, person.version);
          else setDraft(statusId === person.leadStatusId ? null : statusId);
        }}
        onBlur={(event) => {
          // Moving to Save or Cancel is not leaving the field: those buttons decide.
          if (container.current?.contains(event.relatedTarget as Node | null)) return;
          changedByKey.current = false;
          saveDraft();
        }}
      >
        {selectedId === null ? <option value="">{t('leadStatus.none')}</option> : null}
        {options.map((status) => (
          <option key={status.id} value={String(status.id)} disabled={status.deleted}>
            {status.name}
            {status.deleted ? ` ${t('common.deletedSuffix')}` : ''}
          </option>
        ))}
      </select>
      {description ? (
        <span id={descriptionId} className="visually-hidden">
          {description}
        </span>
      ) : null}
      {draft !== null ? (
        <div className="lead-status-draft">
          <p id={hintId} className="field-hint">
            {t('leadStatus.draftHint', { status: selected?.name ?? '' })}
          </p>
          <div className="notice-actions">
            <button type="button" className="button button-primary button-small" onClick={saveDraft}>
              {t('common.save')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {pending !== null && !conflict && error === null ? <span className="saving">{t('common.saving')}</span> : null}
      {error !== null ? (
        <div className={`notice ${conflict ? 'notice-warning' : 'notice-error'}`} role="alert">
          <p>{conflict ? t('leadStatus.conflict', { status: selected?.name ?? '' }) : describeError(t, error)}</p>
          {conflict ? (
            <div className="notice-actions">
              <button type="button" className="button button-secondary button-small" onClick={() => void reload()}>
                {t('conflict.reload')}
              </button>
              <button type="button" className="button button-primary button-small" onClick={() => void retryOnLatest()}>
                {t('leadStatus.saveAnyway')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
