import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProcedureSearch } from '../../../shared/catalog/ProcedureSearch.tsx';
import { catalogAdminPaths } from './catalogAdminPaths.ts';

/** /admin/catalog: the portal's search, each result opening the editor. */
export function CatalogAdminList() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('catalog.admin.list.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalog.admin.list.intro')}
        </Text>
      </div>
      <ProcedureSearch procedureHref={catalogAdminPaths.procedure} browseLinks={false} />
    </Stack>
  );
}
