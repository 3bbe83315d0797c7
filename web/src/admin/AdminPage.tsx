import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { navigate, paths } from '../app/router';
import { useSession } from '../auth/session';

const ListsPage = lazy(() => import('./lists/ListsPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const AutomationPage = lazy(() => import('./automation/AutomationPage'));
const AuditLogPage = lazy(() => import('./audit/AuditLogPage'));

/**
 * Renders the administration screen at the path. Other users get an explanation instead: the API
 * refuses their changes anyway, and a blank or broken screen would not say why.
 */
export default function AdminPage({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdministrator = user.role === 'administrator';

  useEffect(() => {
    if (isAdministrator && (pathname === paths.admin.root || pathname === `${paths.admin.root}/`)) {
      navigate(paths.admin.lists, { replace: true });
    }
  }, [isAdministrator, pathname]);

  if (!isAdministrator) {
    return (
      <div className="page">
        <h1 className="page-title">{t('nav.admin')}</h1>
        <div className="notice notice-info admin-access" role="status">
          <p className="notice-title">{t('admin.access.title')}</p>
          <p>{t('admin.access.text')}</p>
        </div>
      </div>
    );
  }

  if (pathname === paths.admin.lists) return <ListsPage />;
  if (pathname === paths.admin.users) return <UsersPage />;
  if (pathname === paths.admin.automation) return <AutomationPage />;
  if (pathname === paths.admin.audit) return <AuditLogPage />;
  if (pathname === paths.admin.root || pathname === `${paths.admin.root}/`) return null;

  return (
    <div className="page">
      <h1 className="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </div>
  );
}
