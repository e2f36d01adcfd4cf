import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/session/useSession.ts';
import { counterUnits, holdsRole } from './officeRoles.ts';

type Section = 'home' | 'receive' | 'queue' | 'counter' | 'queueStats' | 'petitions';

const PATHS: Record<Section, string> = {
  home: '/office',
  receive: '/office/receive',
  queue: '/office/queue',
  counter: '/office/counter',
  queueStats: '/office/queue-stats',
  petitions: '/office/petitions',
};

function sectionOf(pathname: string): Section | null {
  if (pathname.startsWith('/office/receive')) return 'receive';
  if (pathname.startsWith('/office/counter')) return 'counter';
  if (pathname.startsWith('/office/queue-stats')) return 'queueStats';
  if (pathname.startsWith('/office/queue') || pathname.startsWith('/office/dossiers')) return 'queue';
  if (pathname.startsWith('/office/petitions')) return 'petitions';
  return pathname === '/office' || pathname === '/office/' ? 'home' : null;
}

/** Workspace · reception (counter officers) · queue; a dossier page counts as the queue. */
export function OfficeNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const user = useSignedInUser();
  const sections: Section[] = counterUnits(user).length > 0 ? ['home', 'counter', 'receive', 'queue'] : ['home', 'queue'];
  sections.push('petitions');
  if (holdsRole(user, ['supervisor', 'leader', 'admin'])) sections.push('queueStats');
  return (
    <Tabs value={sectionOf(pathname)} onChange={(value) => value && navigate(PATHS[value as Section])} data-print-hide>
      <Tabs.List aria-label={t('office.nav.label')}>
        {sections.map((section) => (
          <Tabs.Tab key={section} value={section}>
            {section === 'counter'
              ? t('queue.counterPage.title')
              : section === 'queueStats'
                ? t('queue.stats.title')
                : section === 'petitions'
                  ? t('notify.petitions.officeTab')
                  : t(`office.nav.${section}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
