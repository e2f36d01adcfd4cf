import { AppShell, Container, Group, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SessionMenu } from './session/SessionMenu.tsx';
import { useSession } from './session/useSession.ts';
import { TopNav, type ShellApp } from './TopNav.tsx';

function appOf(pathname: string): ShellApp {
  if (pathname === '/office' || pathname.startsWith('/office/')) return 'office';
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return 'admin';
  return 'portal';
}

/** The frame of the portal, office and admin apps: title, app switcher, session, language. */
export function MainLayout() {
  const { t } = useTranslation();
  const app = appOf(useLocation().pathname);
  const heading = t('common.headerTitle', { title: t(`apps.${app}`) });
  useDocumentTitle(heading);
  // Signed in, the sign-out button wraps to a third row on phones and small tablets.
  const signedIn = useSession().state.status === 'signedIn';
  const height = signedIn ? { base: 148, md: 112, lg: 64 } : { base: 112, lg: 64 };
  return (
    <AppShell header={{ height }} padding="md">
      <AppShell.Header data-print-hide>
        <Group h="100%" px="md" py={6} justify="space-between" gap="xs">
          <Title order={1} size="h3" c="red.8">
            {heading}
          </Title>
          <Group gap="sm">
            <TopNav current={app} />
            <SessionMenu />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Container size="lg" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
