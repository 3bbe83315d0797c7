import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import { Link, navigate, paths } from '../app/router';
import { useSession } from '../auth/session';
import { formatDate } from '../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { dashboardKeys, dashboards, type DashboardSummary } from './dashboardApi';
import { NameDialog } from './NameDialog';

/** Puts the default dashboard first, then the others by name. */
function sortDashboards(items: DashboardSummary[], language: Language): DashboardSummary[] {
  return [...items].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, language));
}

/** Lists the user's own dashboards and the shared ones, and creates new ones. */
export default function DashboardListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { user } = useSession();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: dashboardKeys.list, queryFn: dashboards.list, select: (response) => response.items, staleTime: 0 });
  const [creating, setCreating] = useState(false);

  const create = useMutation({
    mutationFn: (name: string) => dashboards.create({ name, tiles: [] }),
    onSuccess: (created) => {
      queryClient.setQueryData(dashboardKeys.record(created.id), created);
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list });
      navigate(paths.dashboard(created.id));
    },
  });

  let body;
  if (list.isPending) {
    body = <Spinner label={t('common.loading')} />;
  } else if (list.isError) {
    body = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  } else if (list.data.length === 0) {
    body = (
      <div className="panel">
        <EmptyState title={t('dashboards.emptyListTitle')}>{t('dashboards.emptyListText')}</EmptyState>
      </div>
    );
  } else {
    body = (
      <ul className="dashboard-list">
        {sortDashboards(list.data, language).map((dashboard) => (
          <li key={dashboard.id}>
            <Link to={paths.dashboard(dashboard.id)} className="dashboard-list-item">
              <span className="dashboard-list-icon">
                <span className="icon icon-dashboards" aria-hidden="true" />
              </span>
              <span className="dashboard-list-text">
                <span className="dashboard-list-name">{dashboard.name}</span>
                <span className="dashboard-list-meta">
                  {dashboard.owner === null
                    ? t('dashboards.ownedBySystem')
                    : dashboard.owner.id === user.id
                      ? t('dashboards.ownedByYou')
                      : t('dashboards.ownedBy', { name: dashboard.owner.name })}
                  {' · '}
                  {t('dashboards.updatedOn', { date: formatDate(dashboard.updatedAt, language) })}
                </span>
              </span>
              <span className="dashboard-list-badges">
                {dashboard.isDefault ? <span className="badge">{t('dashboards.default')}</span> : null}
                {dashboard.shared ? <span className="badge badge-muted">{t('dashboards.shared')}</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="page page-dashboards">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('dashboards.title')}</h1>
          <p className="page-intro">{t('dashboards.intro')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          <span className="icon icon-plus" aria-hidden="true" />
          {t('dashboards.new')}
        </button>
      </header>
      {body}
      <NameDialog
        open={creating}
        title={t('dashboards.newTitle')}
        initialName=""
        submitLabel={t('dashboards.create')}
        busy={create.isPending}
        error={create.error}
        onSubmit={(name) => create.mutate(name)}
        onClose={() => {
          create.reset();
          setCreating(false);
        }}
      />
    </div>
  );
}
