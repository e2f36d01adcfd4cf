import { useLocation } from 'react-router';
import { useSignedInUser } from '../../shared/session/useSession.ts';
import { AdminSections } from './AdminSections.tsx';
import { NotAllowed } from './NotAllowed.tsx';

/**
 * The server checks every call; this only spares a non-admin a page of refusals. The working calendar
 * is the exception: every officer may look at it (read-only; its page hides what they may not change).
 */
export function AdminGate() {
  const user = useSignedInUser();
  const { pathname } = useLocation();
  if (user.roles.some((grant) => grant.role === 'admin')) return <AdminSections />;
  if (pathname === '/admin/calendar' || pathname.startsWith('/admin/calendar/')) return <AdminSections sections={['calendar']} />;
  return <NotAllowed username={user.username} />;
}
