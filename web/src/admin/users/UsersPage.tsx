import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../api/queries';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorNotice, Spinner } from '../../ui/feedback';
import { useToast } from '../../ui/toast';
import { adminKeys, users, type AdminUser } from '../adminApi';
import { ApiTokensSection } from './ApiTokensSection';
import { PasswordDialog } from './PasswordDialog';
import { UserDialog } from './UserDialog';

type Pending =
  | { action: 'edit'; user: AdminUser | null }
  | { action: 'password'; user: AdminUser }
  | { action: 'deactivate'; user: AdminUser }
  | null;

/** Beheer → Gebruikers: who signs in, with which role and language, and the API tokens. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { user: self, changeLanguage } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: adminKeys.users,
    queryFn: users.list,
    select: (response) => [...response.items].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name)),
  });
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  async function refresh() {
    // Owner pickers everywhere list the active users, so they refetch as well.
    await Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.users }), queryClient.invalidateQueries({ queryKey: queryKeys.users })]);
  }

  async function setActive(user: AdminUser, active: boolean) {
    setBusy(true);
    setActionError(null);
    try {
      await users.update(user.id, user.version, { active });
      await refresh();
      setPending(null);
      toast(active ? t('admin.users.activated', { name: user.name }) : t('admin.users.deactivated', { name: user.name }));
    } catch (error) {
      setActionError(error);
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  function open(next: Pending) {
    setActionError(null);
    setPending(next);
  }

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('admin.users.title')}</h1>
          <p className="page-intro">{t('admin.users.intro')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => open({ action: 'edit', user: null })}>
          <span className="icon icon-plus" aria-hidden="true" />
          {t('admin.users.create')}
        </button>
      </header>

      {actionError !== null && pending === null ? <ErrorNotice error={actionError} /> : null}
      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data !== undefined && list.data.length === 0 ? (
        <EmptyState title={t('admin.users.emptyTitle')}>{t('admin.users.emptyText')}</EmptyState>
      ) : null}
      {list.data !== undefined && list.data.length > 0 ? (
        <div className="admin-table-frame">
          <table className="simple-table admin-table">
            <thead>
              <tr>
                <th>{t('admin.users.nameAndEmail')}</th>
                <th>{t('admin.users.role')}</th>
                <th>{t('admin.users.language')}</th>
                <th>{t('admin.users.status')}</th>
                <th>{t('admin.users.distribution')}</th>
                <th className="admin-col-actions">
                  <span className="visually-hidden">{t('admin.lists.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === self.id}
                  onEdit={() => open({ action: 'edit', user })}
                  onPassword={() => open({ action: 'password', user })}
                  onDeactivate={() => open({ action: 'deactivate', user })}
                  onActivate={() => void setActive(user, true)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <ApiTokensSection />

      <UserDialog
        open={pending?.action === 'edit'}
        user={pending?.action === 'edit' ? pending.user : null}
        selfId={self.id}
        onClose={() => setPending(null)}
        onSaved={(saved, created) => {
          setPending(null);
          void refresh();
          toast(created ? t('admin.users.created', { name: saved.name }) : t('admin.users.saved', { name: saved.name }));
          // The screens switch at once when administrators change their own language.
          if (saved.id === self.id && saved.language !== self.language) changeLanguage(saved.language).catch(setActionError);
        }}
      />
      <PasswordDialog
        user={pending?.action === 'password' ? pending.user : null}
        onClose={() => setPending(null)}
        onSaved={(saved) => {
          setPending(null);
          void refresh();
          toast(t('admin.users.passwordChanged', { name: saved.name }));
        }}
      />
      <ConfirmDialog
        open={pending?.action === 'deactivate'}
        title={t('admin.users.deactivateTitle', { name: pending?.user?.name ?? '' })}
        text={t('admin.users.deactivateText')}
        confirmLabel={t('admin.users.deactivate')}
        danger
        busy={busy}
        error={actionError}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending?.action === 'deactivate') void setActive(pending.user, false);
        }}
      />
    </div>
  );
}

interface UserRowProps {
  user: AdminUser;
  isSelf: boolean;
  onEdit: () => void;
  onPassword: () => void;
  onDeactivate: () => void;
  onActivate: () => void;
}

function UserRow({ user, isSelf, onEdit, onPassword, onDeactivate, onActivate }: UserRowProps) {
  const { t } = useTranslation();
  const selfReason = isSelf ? t('admin.users.selfDeactivate') : undefined;

  return (
    <tr className={user.active ? undefined : 'admin-row-deleted'}>
      <td>
        <span className="admin-item-name">
          <span>
            <span className="admin-item-name-main">{user.name}</span>
            {isSelf ? <span className="badge badge-muted">{t('admin.users.you')}</span> : null}
          </span>
          <span className="admin-item-name-other admin-cell-email" title={user.email}>
            {user.email}
          </span>
        </span>
      </td>
      <td className="nowrap">{t(`roles.${user.role}`)}</td>
      <td className="nowrap">{t(`languages.${user.language}`)}</td>
      <td>
        {user.active ? (
          <span className="badge admin-badge-active">{t('admin.users.active')}</span>
        ) : (
          <span className="badge badge-muted admin-badge-inline">{t('admin.users.inactive')}</span>
        )}
      </td>
      <td className="nowrap">{user.availableForDistribution ? t('admin.users.available') : <span className="muted">{t('admin.users.notAvailable')}</span>}</td>
      <td className="admin-col-actions">
        <div className="admin-actions">
          <button type="button" className="button button-ghost button-small" aria-label={t('admin.users.editUser', { name: user.name })} onClick={onEdit}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button-ghost button-small" aria-label={t('admin.users.passwordUser', { name: user.name })} onClick={onPassword}>
            {t('admin.users.password')}
          </button>
          {user.active ? (
            <button
              type="button"
              className="button button-ghost button-small button-danger-text"
              aria-label={t('admin.users.deactivateUser', { name: user.name })}
              aria-description={selfReason}
              title={selfReason}
              disabled={isSelf}
              onClick={onDeactivate}
            >
              {t('admin.users.deactivate')}
            </button>
          ) : (
            <button type="button" className="button button-secondary button-small" aria-label={t('admin.users.activateUser', { name: user.name })} onClick={onActivate}>
              {t('admin.users.activate')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
