import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { SessionProvider, useSessionQuery } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { ErrorNotice, Spinner } from '../ui/feedback';
import { AppShell } from './AppShell';
import { navigate, paths, useLocation } from './router';

// Screens load on first use so the sign-in page and the shell stay small.
const CompanyListPage = lazy(() => import('../companies/CompanyListPage'));
const CompanyCardPage = lazy(() => import('../companies/CompanyCardPage'));
const PersonListPage = lazy(() => import('../persons/PersonListPage'));
const PersonCardPage = lazy(() => import('../persons/PersonCardPage'));
const BoardPage = lazy(() => import('../board/BoardPage'));
const FindPage = lazy(() => import('../find/FindPage'));
const SelectionListPage = lazy(() => import('../selections/SelectionListPage'));
const SelectionPage = lazy(() => import('../selections/SelectionPage'));
const AdminPage = lazy(() => import('../admin/AdminPage'));
// The dashboards bring the chart library, which only their chunk loads.
const DashboardListPage = lazy(() => import('../dashboards/DashboardListPage'));
const DashboardPage = lazy(() => import('../dashboards/DashboardPage'));

export function App() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const location = useLocation();

  const signedIn = session.data !== undefined && session.data !== null;
  const signedOut = session.data === null;

  useEffect(() => {
    if (signedOut && location.pathname !== paths.signIn) {
      // The query string belongs to the address too: a copied search or filter link keeps it.
      const address = location.pathname + (location.searchParams.size > 0 ? `?${location.searchParams.toString()}` : '');
      const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(address)}`;
      navigate(`${paths.signIn}${next}`, { replace: true });
    }
    if (signedIn && (location.pathname === paths.signIn || location.pathname === '/')) {
      const next = location.searchParams.get('next');
      navigate(next !== null && next.startsWith('/') && !next.startsWith('//') ? next : paths.companies, {
        replace: true,
      });
    }
  }, [signedIn, signedOut, location.pathname, location.searchParams]);

  if (session.isPending) {
    return (
      <main className="page-centered">
        <Spinner label={t('common.loading')} />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main className="page-centered">
        <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (session.data === null) return <SignInPage />;

  return (
    <SessionProvider session={session.data}>
      <AppShell>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <Screen pathname={location.pathname} />
        </Suspense>
      </AppShell>
    </SessionProvider>
  );
}

function Screen({ pathname }: { pathname: string }) {
  const { t } = useTranslation();

  if (pathname === paths.companies) return <CompanyListPage />;
  if (pathname === paths.persons) return <PersonListPage />;
  if (pathname === paths.board) return <BoardPage />;
  if (pathname === paths.find) return <FindPage />;
  if (pathname === paths.selections) return <SelectionListPage />;
  if (pathname === paths.admin.root || pathname.startsWith(`${paths.admin.root}/`)) return <AdminPage pathname={pathname} />;
  if (pathname === paths.dashboards) return <DashboardListPage />;

  const dashboard = /^\/dashboards\/(\d+)$/.exec(pathname);
  if (dashboard?.[1] !== undefined) return <DashboardPage key={dashboard[1]} dashboardId={Number(dashboard[1])} />;

  const selection = /^\/selections\/(\d+)(\/board)?$/.exec(pathname);
  if (selection?.[1] !== undefined) {
    const id = Number(selection[1]);
    return selection[2] === undefined ? <SelectionPage key={id} selectionId={id} /> : <BoardPage key={id} selectionId={id} />;
  }

  const company = /^\/companies\/(\d+)$/.exec(pathname);
  if (company?.[1] !== undefined) return <CompanyCardPage key={company[1]} companyId={Number(company[1])} />;

  const person = /^\/persons\/(\d+)$/.exec(pathname);
  if (person?.[1] !== undefined) return <PersonCardPage key={person[1]} personId={Number(person[1])} />;

  if (pathname === '/' || pathname === paths.signIn) return <Spinner label={t('common.loading')} />;

  return (
    <div className="page">
      <h1 className="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </div>
  );
}
