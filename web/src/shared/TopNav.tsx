import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useSession } from './session/useSession.ts';
import classes from './TopNav.module.css';

export type ShellApp = 'portal' | 'office' | 'admin';

interface NavItem {
  key: string;
  to: string;
  label: ReactNode;
  active: boolean;
}

/**
 * Portal · office · admin; the current one is marked (aria-current comes from NavLink). In the portal,
 * the procedure catalog (/thu-tuc), the page most people come for, has its own link after the
 * portal's (shortened to "Thủ tục" on a phone, and beside a signed-in officer's name, where the full
 * name does not fit the header's one line).
 */
export function TopNav({ current }: { current: ShellApp }) {
  const { t } = useTranslation();
  const inCatalog = useLocation().pathname.startsWith('/thu-tuc');
  const signedIn = useSession().state.status === 'signedIn';
  const items: NavItem[] = [
    { key: 'portal', to: '/', label: t('nav.portal'), active: current === 'portal' && !inCatalog },
    { key: 'office', to: '/office', label: t('nav.office'), active: current === 'office' },
    { key: 'admin', to: '/admin', label: t('nav.admin'), active: current === 'admin' },
  ];
  if (current === 'portal') {
    items.splice(1, 0, {
      key: 'procedures',
      to: '/thu-tuc',
      // Beside a signed-in officer's name the full label would push the header onto two lines.
      label: (
        <>
          <span className={signedIn ? classes.never : classes.long}>{t('catalog.nav.procedures')}</span>
          <span className={signedIn ? undefined : classes.short}>{t('catalog.nav.proceduresShort')}</span>
        </>
      ),
      active: inCatalog,
    });
  }
  return (
    <nav aria-label={t('nav.label')} className={classes.nav}>
      <Group gap={4} wrap="nowrap" className={classes.links}>
        {items.map((item) => (
          <Button key={item.key} component={NavLink} to={item.to} end={item.key === 'portal'} size="sm" className={classes.link} variant={item.active ? 'light' : 'subtle'}>
            {item.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
