import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, onSessionExpired, setCsrfToken } from './api';
import { clearAllDrafts, setDraftOwner } from './drafts';
import type { User } from './types';

interface SessionReply {
  user: User;
  csrfToken: string;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'setup' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; user: User };

interface SessionApi {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  /**
   * Creates the first account and signs in to it; the app opens on `enter()`, so the setup page can
   * first do more with the new session (add the demo network) and show how that goes.
   */
  setup(input: { email: string; password: string; displayName: string; timeZone: string }): Promise<{ enter(): void }>;
  signOut(): Promise<void>;
  /** Replaces the signed-in user after a change to their settings. */
  setUser(user: User): void;
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const queryClient = useQueryClient();

  const lastUser = useRef<string | null>(null);

  const signedIn = useCallback(
    (reply: SessionReply) => {
      setCsrfToken(reply.csrfToken);
      setDraftOwner(reply.user.id);
      // Another account's cached pages must not show; the same user's (and what the first page
      // fetched while the session was being checked) can stay.
      if (lastUser.current !== null && lastUser.current !== reply.user.id) queryClient.clear();
      // Requests refused while signed out would otherwise show as errors until refetched.
      else queryClient.removeQueries({ predicate: (query) => query.state.status === 'error' });
      lastUser.current = reply.user.id;
      setState({ status: 'signedIn', user: reply.user });
    },
    [queryClient],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        // Signed in is the common case: ask for the session first, and about setup only without one.
        const reply = await api.get<SessionReply>('/session');
        if (!cancelled) signedIn(reply);
      } catch (error) {
        if (cancelled) return;
        try {
          if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
          const { needed } = await api.get<{ needed: boolean }>('/setup');
          if (!cancelled) setState(needed ? { status: 'setup' } : { status: 'signedOut', expired: false });
        } catch (failure) {
          if (!cancelled) setState({ status: 'error', error: failure instanceof ApiError ? failure : new ApiError(0, 'UNKNOWN', String(failure)) });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt, signedIn]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setState((previous) => (previous.status === 'signedIn' ? { status: 'signedOut', expired: true } : previous));
      }),
    [],
  );

  const value = useMemo<SessionApi>(
    () => ({
      state,
      async signIn(email, password) {
        signedIn(await api.post<SessionReply>('/session', { email, password }));
      },
      async setup(input) {
        const reply = await api.post<SessionReply>('/setup', input);
        setCsrfToken(reply.csrfToken);
        return { enter: () => signedIn(reply) };
      },
      async signOut() {
        try {
          await api.del('/session');
        } finally {
          clearAllDrafts();
          queryClient.clear();
          setState({ status: 'signedOut', expired: false });
        }
      },
      setUser(user) {
        setState({ status: 'signedIn', user });
      },
      retry: () => setAttempt((n) => n + 1),
    }),
    [state, signedIn, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in app. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser while signed out');
  return state.user;
}
