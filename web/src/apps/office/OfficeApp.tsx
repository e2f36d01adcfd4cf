import { Stack } from '@mantine/core';
import { Outlet } from 'react-router';
import { RequireSession } from '../../shared/session/RequireSession.tsx';
import { OfficeNav } from './OfficeNav.tsx';

/** The staff app (/office): sign-in, then the workspace, reception, the work queue and dossiers. */
export function OfficeApp() {
  return (
    <RequireSession>
      <Stack gap="lg">
        <OfficeNav />
        <Outlet />
      </Stack>
    </RequireSession>
  );
}
