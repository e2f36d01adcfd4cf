import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { catalogAdminPaths } from './catalogAdminPaths.ts';

/** Procedures · synonyms · imports (links, so each is its own address). */
export function CatalogAdminNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [
    { to: catalogAdminPaths.list, label: t('catalog.admin.nav.procedures'), active: pathname === catalogAdminPaths.list || pathname.startsWith('/admin/catalog/procedures') },
    { to: catalogAdminPaths.synonyms, label: t('catalog.admin.nav.synonyms'), active: pathname.startsWith(catalogAdminPaths.synonyms) },
    { to: catalogAdminPaths.imports, label: t('catalog.admin.nav.imports'), active: pathname.startsWith(catalogAdminPaths.imports) },
  ];
  return (
    <nav aria-label={t('catalog.admin.nav.label')} data-print-hide>
      <Group gap="xs">
        {items.map((item) => (
          <Button key={item.to} component={NavLink} to={item.to} end size="compact-md" variant={item.active ? 'light' : 'subtle'}>
            {item.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
