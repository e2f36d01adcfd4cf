import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { CitizenProfile } from '@motcua/core/citizens/schemas.ts';
import { ApiError } from '../../../api/client.ts';
import { citizenApi, setCitizenCsrf } from './citizenApi.ts';

/** The signed-in citizen, shared by every portal page (one /api/citizen/me per page load). */
type State = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; citizen: CitizenProfile };

let state: State = { status: 'loading' };
let started = false;
const listeners = new Set<() => void>();
const set = (next: State) => {
  state = next;
  listeners.forEach((l) => l());
};

export async function refreshCitizen() {
  try {
    const session = await citizenApi.me();
    setCitizenCsrf(session.csrfToken);
    set({ status: 'signedIn', citizen: session.citizen });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) set({ status: 'signedOut' });
    else set({ status: 'signedOut' });
  }
}

export function signedInAs(citizen: CitizenProfile, csrfToken: string) {
  setCitizenCsrf(csrfToken);
  set({ status: 'signedIn', citizen });
}

export function useCitizen() {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
  useEffect(() => {
    if (!started) {
      started = true;
      void refreshCitizen();
    }
  }, []);
  const signOut = useCallback(async () => {
    await citizenApi.logout().catch(() => undefined);
    setCitizenCsrf(null);
    set({ status: 'signedOut' });
  }, []);
  return { state: current, signOut };
}
