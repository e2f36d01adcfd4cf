import { useContext } from 'react';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';
import { SessionContext } from './sessionContext.ts';

export function useSession() {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in officer; only for components rendered inside <RequireSession>. */
export function useSignedInUser(): StaffAccount {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedInUser outside <RequireSession>');
  return state.user;
}
