import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type Ref } from 'react';

/**
 * A small History API router: the app has a handful of screens, and their paths are matched in
 * App. Links are real anchors, so opening one in a new tab or copying its address works.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export interface Location {
  pathname: string;
  searchParams: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, searchParams: url.searchParams };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; ref?: Ref<HTMLAnchorElement> };

export function Link({ to, onClick, ...props }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified || props.target === '_blank') return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...props} />;
}

export const paths = {
  signIn: '/sign-in',
  companies: '/companies',
  company: (id: number) => `/companies/${id}`,
  persons: '/persons',
  person: (id: number) => `/persons/${id}`,
  board: '/board',
  find: '/find',
  selections: '/selections',
  selection: (id: number) => `/selections/${id}`,
  selectionBoard: (id: number) => `/selections/${id}/board`,
  admin: {
    root: '/admin',
    lists: '/admin/lists',
    users: '/admin/users',
    automation: '/admin/automation',
    audit: '/admin/audit',
  },
  dashboards: '/dashboards',
  dashboard: (id: number) => `/dashboards/${id}`,
};
