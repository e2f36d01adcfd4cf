import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import * as auth from '../../api/auth.ts';
import { ApiError, setCsrfToken } from '../../api/client.ts';
import { SessionContext, type SessionApi, type SessionState } from './sessionContext.ts';

/** The staff session shared by the office and admin apps (an HttpOnly cookie plus a CSRF token). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'unknown' });
  const inFlight = useRef(false);

  const load = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ status: 'loading' });
    auth
      .fetchSession()
      .then(
        (session) => {
          setCsrfToken(session.csrfToken);
          setState({ status: 'signedIn', user: session.user });
        },
        (error: unknown) => {
          setCsrfToken(null);
          setState(error instanceof ApiError && error.status === 401 ? { status: 'signedOut' } : { status: 'error', error });
        },
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, []);

  const asked = useRef(false);
  const ensureLoaded = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    load();
  }, [load]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await auth.login(username, password);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', user: session.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } catch (error) {
      // Already expired on the server: the outcome the user wanted.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'signedOut' });
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ state, ensureLoaded, reload: load, login, logout }),
    [state, ensureLoaded, load, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
