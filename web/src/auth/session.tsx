import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';

import { isApiError, onUnauthenticated, setCsrfToken } from '../api/client';
import { auth } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { Language, Session, SessionUser } from '../api/types';
import { applyLanguage, readStoredLanguage, storeLanguage } from '../i18n';

interface SessionContextValue {
  user: SessionUser;
  signOut: () => Promise<void>;
  changeLanguage: (language: Language) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Returns the signed-in user. Only screens behind the sign-in page may call this. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession is used outside a signed-in screen');
  return value;
}

/** Reads the current session, or null when no user is signed in. */
async function fetchSession(): Promise<Session | null> {
  try {
    return await auth.me();
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED') || (isApiError(error) && error.status === 401)) return null;
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: queryKeys.session, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password, language }: { email: string; password: string; language: Language | null }) => {
      const session = await auth.login(email, password);
      setCsrfToken(session.csrfToken);
      if (language === null || language === session.user.language) return session;
      // The user picked a language on the sign-in page, so it becomes their saved language.
      try {
        await auth.setLanguage(language);
        return { ...session, user: { ...session.user, language } };
      } catch (error) {
        console.warn(`Saving language ${language} after sign-in failed; keeping ${session.user.language}.`, error);
        return session;
      }
    },
    onSuccess: async (session) => {
      storeLanguage(session.user.language);
      await applyLanguage(session.user.language);
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    setCsrfToken(session.csrfToken);
    void applyLanguage(session.user.language);
  }, [session.csrfToken, session.user.language]);

  useEffect(() => {
    // A request that finds the session gone sends the user back to the sign-in page.
    onUnauthenticated(() => queryClient.setQueryData(queryKeys.session, null));
    return () => onUnauthenticated(null);
  }, [queryClient]);

  async function signOut() {
    try {
      await auth.logout();
    } finally {
      setCsrfToken(null);
      void applyLanguage(readStoredLanguage());
      // Showing the sign-in page first unmounts the screens, so no screen refetches what is removed.
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    }
  }

  async function changeLanguage(language: Language) {
    await auth.setLanguage(language);
    storeLanguage(language);
    await applyLanguage(language);
    queryClient.setQueryData<Session | null>(queryKeys.session, (current) =>
      current ? { ...current, user: { ...current.user, language } } : current,
    );
    // Records carry list item names in the user's language, so every loaded record is stale now.
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  }

  return (
    <SessionContext.Provider value={{ user: session.user, signOut, changeLanguage }}>{children}</SessionContext.Provider>
  );
}
