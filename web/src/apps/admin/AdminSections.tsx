import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

export const ADMIN_SECTIONS = ['units', 'staff', 'calendar', 'catalog', 'papers', 'queue', 'eforms', 'notifications'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

const TAB_LABELS = { units: 'admin.unitsTab', staff: 'admin.staffTab', calendar: 'admin.calendarTab', catalog: 'catalog.admin.tab', papers: 'documents.templates.tab', queue: 'queue.admin.tab', eforms: 'citizen.admin.tab', notifications: 'notify.templates.tab' } as const;

/** Tabs for the admin sections the officer may open; each is its own route (/admin/units, /admin/staff, /admin/calendar, /admin/catalog). */
export function AdminSections({ sections = ADMIN_SECTIONS }: { sections?: readonly AdminSection[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = sections.find((s) => pathname.startsWith(`/admin/${s}`)) ?? sections[0];
  return (
    <Stack gap="lg">
      <Tabs value={current ?? null} onChange={(value) => value && navigate(`/admin/${value}`)} data-print-hide>
        <Tabs.List aria-label={t('admin.sectionsLabel')}>
          {sections.map((section) => (
            <Tabs.Tab key={section} value={section}>
              {t(TAB_LABELS[section])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
