import { createContext } from 'react';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: StaffAccount }
  | { status: 'error'; error: unknown };

export interface SessionApi {
  state: SessionState;
  /** Asks the server once (GET /api/auth/me); pages that need no session never ask. */
  ensureLoaded: () => void;
  reload: () => void;
  /** Throws the ApiError (401 invalid_credentials, 423 account_locked, 429 rate_limited …). */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);
