import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client';
import { useUsers } from '../../api/queries';
import type { Language } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../../ui/feedback';
import { adminKeys, auditLog, type AuditEntry, type AuditLogFilter } from '../adminApi';
import { describeChanges } from './auditChanges';

/** Entity types the API records; an entry of another type still shows, with its code name. */
const ENTITIES = ['company', 'person', 'category', 'leadStatus', 'user', 'selection', 'automationRules'] as const;
const ACTIONS = ['create', 'update', 'delete', 'restore', 'reorder', 'makeStatic'] as const;

const NO_FILTER: AuditLogFilter = { entity: '', userId: '', from: '', to: '' };

function isFiltered(filter: AuditLogFilter): boolean {
  return filter.entity !== '' || filter.userId !== '' || filter.from !== '' || filter.to !== '';
}

/** Beheer → Auditlog: who changed what, newest first. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditLogFilter>(NO_FILTER);
  const invalidRange = filter.from !== '' && filter.to !== '' && filter.from > filter.to;
  const pages = useInfiniteQuery({
    queryKey: adminKeys.auditLog(filter),
    queryFn: ({ pageParam, signal }) => auditLog.page(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: !invalidRange,
    retry: (count, error) => !(error instanceof ApiError && (error.status === 404 || error.status === 403)) && count < 2,
  });
  const entries = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(filter);

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('admin.audit.title')}</h1>
          <p className="page-intro">{t('admin.audit.intro')}</p>
        </div>
      </header>

      <AuditFilters filter={filter} invalidRange={invalidRange} onChange={setFilter} />

      {!invalidRange && pages.isPending ? <Spinner label={t('common.loading')} /> : null}
      {pages.isError && pages.data === undefined ? (
        pages.error instanceof ApiError && pages.error.status === 404 ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">{t('admin.audit.unavailableTitle')}</p>
            <p>{t('admin.audit.unavailableText')}</p>
            <button type="button" className="button button-secondary button-small" onClick={() => void pages.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />
        )
      ) : null}

      {pages.data !== undefined && entries.length === 0 ? (
        <EmptyState
          title={filtered ? t('admin.audit.emptyFilteredTitle') : t('admin.audit.emptyTitle')}
          action={
            filtered ? (
              <button type="button" className="button button-secondary" onClick={() => setFilter(NO_FILTER)}>
                {t('admin.audit.clearFilters')}
              </button>
            ) : undefined
          }
        >
          {filtered ? t('admin.audit.emptyFilteredText') : t('admin.audit.emptyText')}
        </EmptyState>
      ) : null}

      {entries.length > 0 ? (
        <div className="admin-table-frame">
          <table className="simple-table admin-table admin-audit-table">
            <thead>
              <tr>
                <th>{t('admin.audit.at')}</th>
                <th>{t('admin.audit.user')}</th>
                <th>{t('admin.audit.what')}</th>
                <th>{t('admin.audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {pages.isError && pages.data !== undefined ? <ErrorNotice error={pages.error} onRetry={() => void pages.fetchNextPage()} /> : null}
      {pages.hasNextPage ? (
        <div className="history-more">
          <button type="button" className="button button-secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {pages.isFetchingNextPage ? t('common.loading') : t('admin.audit.more')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function AuditFilters({ filter, invalidRange, onChange }: { filter: AuditLogFilter; invalidRange: boolean; onChange: (filter: AuditLogFilter) => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const set = (patch: Partial<AuditLogFilter>) => onChange({ ...filter, ...patch });

  return (
    <div className="admin-filters" role="group" aria-label={t('admin.audit.filters')}>
      <label className="inline-field">
        {t('admin.audit.entity')}
        <select value={filter.entity} onChange={(event) => set({ entity: event.target.value })}>
          <option value="">{t('admin.audit.allEntities')}</option>
          {ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {t(`admin.audit.entities.${entity}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        {t('admin.audit.user')}
        <select value={filter.userId} onChange={(event) => set({ userId: event.target.value })} disabled={users.isPending}>
          <option value="">{t('admin.audit.allUsers')}</option>
          {(users.data ?? []).map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        {t('admin.audit.from')}
        <input type="date" value={filter.from} max={filter.to || undefined} onChange={(event) => set({ from: event.target.value })} aria-invalid={invalidRange || undefined} />
      </label>
      <label className="inline-field">
        {t('admin.audit.to')}
        <input type="date" value={filter.to} min={filter.from || undefined} onChange={(event) => set({ to: event.target.value })} aria-invalid={invalidRange || undefined} />
      </label>
      {isFiltered(filter) ? (
        <button type="button" className="button button-ghost button-small" onClick={() => onChange(NO_FILTER)}>
          {t('admin.audit.clearFilters')}
        </button>
      ) : null}
      {invalidRange ? (
        <p className="field-error admin-filters-error" role="alert">
          {t('admin.audit.invalidRange')}
        </p>
      ) : null}
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const entity = (ENTITIES as readonly string[]).includes(entry.entity) ? t(`admin.audit.entities.${entry.entity as (typeof ENTITIES)[number]}`) : entry.entity;
  const action = (ACTIONS as readonly string[]).includes(entry.action) ? t(`admin.audit.actions.${entry.action as (typeof ACTIONS)[number]}`) : entry.action;
  const changes = describeChanges(entry.changes, { empty: t('admin.audit.emptyValue'), yes: t('common.yes'), no: t('common.no') });
  // A reorder concerns the whole list, which the API records with id 0.
  const what = entry.entityId === 0 ? t('admin.audit.whatList', { entity, action }) : t('admin.audit.whatRecord', { entity, id: entry.entityId, action });

  return (
    <tr>
      <td className="nowrap">
        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
      </td>
      <td>{entry.user?.name ?? <span className="muted">{t('admin.audit.system')}</span>}</td>
      <td>{what}</td>
      <td className="admin-audit-changes">
        {typeof changes === 'string' ? (
          <code>{changes}</code>
        ) : changes.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul>
            {changes.map((line) => (
              <li key={line.field}>
                <span className="admin-audit-field">{fieldLabel(t, line.field)}:</span>{' '}
                {line.kind === 'pair' ? (
                  <>
                    <span className="admin-audit-old">{line.from}</span> <span aria-label={t('admin.audit.becomes')}>→</span> <span>{line.to}</span>
                  </>
                ) : (
                  <span>{line.value}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/**
 * Uses the interface's label of a field where one exists, and the API's field name otherwise. A
 * reference such as `companyId` gets the label of the field it refers to.
 */
function fieldLabel(t: TFunction, field: string): string {
  const own = t(`admin.audit.fields.${field}` as 'admin.audit.fields.ids', { defaultValue: '' });
  if (own !== '') return own;
  const labelled = field.endsWith('Id') ? field.slice(0, -2) : field;
  return t(`fields.${labelled}` as 'fields.name', { defaultValue: field });
}
