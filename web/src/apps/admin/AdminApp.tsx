import { RequireSession } from '../../shared/session/RequireSession.tsx';
import { AdminGate } from './AdminGate.tsx';

/** The admin app (/admin): the same sign-in as the office app, then admins only. */
export function AdminApp() {
  return (
    <RequireSession>
      <AdminGate />
    </RequireSession>
  );
}
