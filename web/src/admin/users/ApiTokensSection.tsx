import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../ui/errors';
import { EmptyState, ErrorNotice, Spinner } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { adminKeys, apiTokens, type ApiToken, type CreatedApiToken } from '../adminApi';

const TOKEN_NAME_MAX = 100;

/** Lists, creates and revokes the signed-in administrator's API tokens, which scripts and integrations use. */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const toast = useToast();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: adminKeys.apiTokens, queryFn: apiTokens.list, select: (response) => response.items });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  async function revoke(token: ApiToken) {
    setBusy(true);
    setRevokeError(null);
    try {
      await apiTokens.revoke(token.id);
      await queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens });
      setRevoking(null);
      toast(t('admin.tokens.revoked', { name: token.name }));
    } catch (error) {
      setRevokeError(error);
    } finally {
      setBusy(false);
    }
  }

  const items = [...(tokens.data ?? [])].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.id - a.id);

  return (
    <section className="panel admin-panel" aria-labelledby="api-tokens-title">
      <div className="admin-panel-header">
        <div>
          <h2 id="api-tokens-title" className="panel-title">
            {t('admin.tokens.title')}
          </h2>
          <p className="muted">{t('admin.tokens.intro')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => setCreating(true)}>
          <span className="icon icon-plus" aria-hidden="true" />
          {t('admin.tokens.create')}
        </button>
      </div>

      {tokens.isPending ? <Spinner label={t('common.loading')} /> : null}
      {tokens.isError ? <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.data !== undefined && items.length === 0 ? (
        <EmptyState title={t('admin.tokens.emptyTitle')}>{t('admin.tokens.emptyText')}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className="admin-table-frame">
          <table className="simple-table admin-table admin-table-compact">
            <thead>
              <tr>
                <th>{t('fields.name')}</th>
                <th>{t('admin.tokens.createdAt')}</th>
                <th>{t('admin.tokens.lastUsedAt')}</th>
                <th>{t('admin.tokens.status')}</th>
                <th className="admin-col-actions">
                  <span className="visually-hidden">{t('admin.lists.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <tr key={token.id} className={token.revokedAt === null ? undefined : 'admin-row-deleted'}>
                  <td className="admin-item-name-main">{token.name}</td>
                  <td className="nowrap">{formatDateTime(token.createdAt, language)}</td>
                  <td className="nowrap">{token.lastUsedAt === null ? <span className="muted">{t('admin.tokens.neverUsed')}</span> : formatDateTime(token.lastUsedAt, language)}</td>
                  <td>
                    {token.revokedAt === null ? (
                      <span className="badge admin-badge-active">{t('admin.tokens.active')}</span>
                    ) : (
                      <span className="badge badge-muted">{t('admin.tokens.revokedAt', { date: formatDateTime(token.revokedAt, language) })}</span>
                    )}
                  </td>
                  <td className="admin-col-actions">
                    {token.revokedAt === null ? (
                      <button
                        type="button"
                        className="button button-ghost button-small button-danger-text"
                        aria-label={t('admin.tokens.revokeToken', { name: token.name })}
                        onClick={() => {
                          setRevokeError(null);
                          setRevoking(token);
                        }}
                      >
                        {t('admin.tokens.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.tokens.revokeTitle', { name: revoking?.name ?? '' })}
        text={t('admin.tokens.revokeText')}
        confirmLabel={t('admin.tokens.revoke')}
        danger
        busy={busy}
        error={revokeError}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking !== null) void revoke(revoking);
        }}
      />
    </section>
  );
}

function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return <CreateTokenForm onClose={onClose} />;
}

/** Asks for a name, then shows the new secret once, with a copy button. */
function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('validation.required'));
      return;
    }
    if (trimmed.length > TOKEN_NAME_MAX) {
      setError(t('validation.tooLongMax', { max: TOKEN_NAME_MAX }));
      return;
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      setCreated(await apiTokens.create(trimmed));
      await queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState('copied');
    } catch {
      // Browsers refuse the clipboard outside secure contexts; the user can still select the text.
      setCopyState('failed');
    }
  }

  if (created !== null) {
    return (
      <Dialog
        title={t('admin.tokens.createdTitle', { name: created.name })}
        open
        onClose={onClose}
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('admin.tokens.createdDone')}
          </button>
        }
      >
        <div className="form-stack">
          <div className="notice notice-warning" role="alert">
            <p className="notice-title">{t('admin.tokens.onceTitle')}</p>
            <p>{t('admin.tokens.onceText')}</p>
          </div>
          <Field label={t('admin.tokens.secret')}>
            {(control) => (
              <div className="admin-secret">
                <input {...control} type="text" readOnly value={created.token} className="admin-secret-value" onFocus={(event) => event.target.select()} />
                <button type="button" className="button button-secondary" onClick={() => void copy(created.token)}>
                  {t('admin.tokens.copy')}
                </button>
              </div>
            )}
          </Field>
          <p className="field-hint" role="status">
            {copyState === 'copied' ? t('admin.tokens.copied') : copyState === 'failed' ? t('admin.tokens.copyFailed') : t('admin.tokens.usage')}
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('admin.tokens.createTitle')}
      open
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="api-token-form" className="button button-primary" disabled={busy}>
            {t('admin.tokens.createSubmit')}
          </button>
        </>
      }
    >
      <form id="api-token-form" onSubmit={(event) => void handleSubmit(event)} noValidate className="form-stack">
        {failure !== null ? (
          <div className="notice notice-error" role="alert">
            <p>{describeError(t, failure)}</p>
          </div>
        ) : null}
        <Field label={t('admin.tokens.name')} error={error} required hint={t('admin.tokens.nameHint')}>
          {(control) => <input {...control} type="text" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
