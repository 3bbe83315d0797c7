import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import { useSession } from '../auth/session';
import { AutomationSuggestionDialog } from '../automation/AutomationSuggestionDialog';
import { LANGUAGES } from '../i18n';
import { describeError } from '../ui/errors';
import { Link, paths, useLocation } from './router';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { user } = useSession();

  const sections = [
    { to: paths.companies, label: t('nav.companies'), icon: 'building' },
    { to: paths.persons, label: t('nav.persons'), icon: 'person' },
    { to: paths.find, label: t('nav.find'), icon: 'find' },
    { to: paths.selections, label: t('nav.selections'), icon: 'selections' },
    { to: paths.board, label: t('nav.board'), icon: 'board' },
    { to: paths.dashboards, label: t('nav.dashboards'), icon: 'dashboards' },
  ] as const;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')} className="nav">
          <ul>
            {sections.map((section) => {
              const current = pathname === section.to || pathname.startsWith(`${section.to}/`);
              return (
                <li key={section.to}>
                  <Link
                    to={section.to}
                    className={`nav-link${current ? ' nav-link-current' : ''}`}
                    aria-current={current ? 'page' : undefined}
                  >
                    <span className={`icon icon-${section.icon}`} aria-hidden="true" />
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
          {user.role === 'administrator' ? <AdminNavigation pathname={pathname} /> : null}
        </nav>
        <UserPanel />
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <AutomationSuggestionDialog />
    </div>
  );
}

/** Renders the Beheer entry and its screens; only administrators see it. */
function AdminNavigation({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const screens = [
    { to: paths.admin.lists, label: t('admin.nav.lists') },
    { to: paths.admin.users, label: t('admin.nav.users') },
    { to: paths.admin.automation, label: t('admin.nav.automation') },
    { to: paths.admin.audit, label: t('admin.nav.audit') },
  ];

  return (
    <>
      <p className="nav-heading" id="nav-admin">
        <span className="icon icon-admin" aria-hidden="true" />
        {t('nav.admin')}
      </p>
      <ul aria-labelledby="nav-admin" className="nav-sub">
        {screens.map((screen) => {
          const current = pathname === screen.to;
          return (
            <li key={screen.to}>
              <Link to={screen.to} className={`nav-link${current ? ' nav-link-current' : ''}`} aria-current={current ? 'page' : undefined}>
                {screen.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function UserPanel() {
  const { t } = useTranslation();
  const { user, signOut, changeLanguage } = useSession();
  const [error, setError] = useState<unknown>(null);

  async function handleLanguage(language: Language) {
    setError(null);
    try {
      await changeLanguage(language);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="user-panel">
      <div className="user-identity">
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span>
          <span className="user-name">{user.name}</span>
          <span className="user-role">{t(`roles.${user.role}`)}</span>
        </span>
      </div>
      <label className="user-language">
        <span>{t('user.language')}</span>
        <select value={user.language} onChange={(event) => void handleLanguage(event.target.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      {error === null ? null : (
        <p className="field-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      <button type="button" className="button button-ghost button-block" onClick={() => void signOut()}>
        {t('user.signOut')}
      </button>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
