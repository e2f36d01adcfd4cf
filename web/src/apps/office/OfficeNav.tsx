import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/session/useSession.ts';
import { counterUnits, holdsRole } from './officeRoles.ts';

type Section = 'home' | 'receive' | 'queue' | 'counter' | 'queueStats' | 'petitions' | 'dashboard';

const PATHS: Record<Section, string> = {
  home: '/office',
  receive: '/office/receive',
  queue: '/office/queue',
  counter: '/office/counter',
  queueStats: '/office/queue-stats',
  petitions: '/office/petitions',
  dashboard: '/office/dashboard',
};

function sectionOf(pathname: string): Section | null {
  if (pathname.startsWith('/office/receive')) return 'receive';
  if (pathname.startsWith('/office/counter')) return 'counter';
  if (pathname.startsWith('/office/queue-stats')) return 'queueStats';
  if (pathname.startsWith('/office/dashboard')) return 'dashboard';
  if (pathname.startsWith('/office/queue') || pathname.startsWith('/office/dossiers')) return 'queue';
  if (pathname.startsWith('/office/petitions')) return 'petitions';
  return pathname === '/office' || pathname === '/office/' ? 'home' : null;
}

const LABELS: Partial<Record<Section, 'queue.counterPage.title' | 'queue.stats.title' | 'notify.petitions.officeTab' | 'reports.nav'>> = {
  counter: 'queue.counterPage.title',
  queueStats: 'queue.stats.title',
  petitions: 'notify.petitions.officeTab',
  dashboard: 'reports.nav',
};

/** Workspace · counter and reception (counter officers) · queue · petitions · figures for those who watch. */
export function OfficeNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const user = useSignedInUser();
  const sections: Section[] = counterUnits(user).length > 0 ? ['home', 'counter', 'receive', 'queue'] : ['home', 'queue'];
  sections.push('petitions');
  if (holdsRole(user, ['supervisor', 'leader', 'admin'])) sections.push('dashboard', 'queueStats');
  return (
    <Tabs value={sectionOf(pathname)} onChange={(value) => value && navigate(PATHS[value as Section])} data-print-hide>
      <Tabs.List aria-label={t('office.nav.label')}>
        {sections.map((section) => {
          const label = LABELS[section];
          return (
            <Tabs.Tab key={section} value={section}>
              {label ? t(label) : t(`office.nav.${section as 'home' | 'receive' | 'queue'}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
    </Tabs>
  );
}
