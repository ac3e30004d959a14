// The signed-in session (GET /auth/session, ADR 0017): loaded once at start, cleared on sign-out or
// when any API call answers 401.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { ApiError, call, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { Session } from '../api/types';

/** What the sign-in page may offer; the server says so in the 401 of GET /auth/session. */
export interface SignInOptions {
  oidc: boolean;
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; options: SignInOptions }
  | { status: 'signedIn'; session: Session }
  | { status: 'error'; message: string };

const SessionContext = createContext<SessionState>({ status: 'loading' });

export const SESSION_KEY = ['auth', 'session'] as const;

async function loadSession(): Promise<SessionState> {
  const response = await fetch('/auth/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    const body = (await response.json().catch(() => null)) as { signIn?: { oidc?: boolean } } | null;
    setCsrfToken(null);
    return { status: 'signedOut', options: { oidc: body?.signIn?.oidc === true } };
  }
  if (!response.ok) throw new ApiError(response.status, 'Error', `Roster answered ${response.status} when checking your session.`);
  const session = (await response.json()) as Session;
  setCsrfToken(session.csrfToken);
  return { status: 'signedIn', session };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: Infinity, retry: 1 });
  useEffect(() => {
    setUnauthenticatedHandler(() => void client.invalidateQueries({ queryKey: SESSION_KEY }));
  }, [client]);
  const state: SessionState = query.data
    ?? (query.isError ? { status: 'error', message: query.error.message } : { status: 'loading' });
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  return useContext(SessionContext);
}

/** The session of a signed-in page (the shell renders pages only when signed in). */
export function useSession(): Session {
  const state = useContext(SessionContext);
  if (state.status !== 'signedIn') throw new Error('useSession outside a signed-in page');
  return state.session;
}

export async function signIn(userPrincipalName: string, password: string): Promise<void> {
  await call<unknown>('/auth/login', { method: 'POST', body: { userPrincipalName, password } });
}

export async function signOut(): Promise<void> {
  await call<unknown>('/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}
