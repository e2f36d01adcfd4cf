import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/session/useSession.ts';
import { counterUnits, holdsRole } from './officeRoles.ts';

type Section = 'home' | 'receive' | 'queue' | 'dashboard';

const PATHS: Record<Section, string> = { home: '/office', receive: '/office/receive', queue: '/office/queue', dashboard: '/office/dashboard' };

function sectionOf(pathname: string): Section | null {
  if (pathname.startsWith('/office/receive')) return 'receive';
  if (pathname.startsWith('/office/dashboard')) return 'dashboard';
  if (pathname.startsWith('/office/queue') || pathname.startsWith('/office/dossiers')) return 'queue';
  return pathname === '/office' || pathname === '/office/' ? 'home' : null;
}

/** Workspace · reception (counter officers) · queue · dashboard (supervisors, leaders); a dossier page counts as the queue. */
export function OfficeNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const user = useSignedInUser();
  const sections: Section[] = counterUnits(user).length > 0 ? ['home', 'receive', 'queue'] : ['home', 'queue'];
  if (holdsRole(user, ['supervisor', 'leader', 'admin'])) sections.push('dashboard');
  return (
    <Tabs value={sectionOf(pathname)} onChange={(value) => value && navigate(PATHS[value as Section])} data-print-hide>
      <Tabs.List aria-label={t('office.nav.label')}>
        {sections.map((section) => (
          <Tabs.Tab key={section} value={section}>
            {section === 'dashboard' ? t('reports.nav') : t(`office.nav.${section}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
