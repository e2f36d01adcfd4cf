import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProcedureSearch } from '../../../shared/catalog/ProcedureSearch.tsx';

export const procedurePagePath = (code: string) => `/thu-tuc/${encodeURIComponent(code)}`;

/** /thu-tuc?q=&field=&level=&agency=&online=&page= — find a procedure. */
export function ProcedureSearchPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('catalog.search.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalog.search.intro')}
        </Text>
        <Group gap="md" mt={4} style={{ rowGap: 4 }} data-print-hide>
          <Anchor component={Link} to="/thu-tuc/linh-vuc" size="sm">
            {t('catalog.browse.byField')}
          </Anchor>
          <Anchor component={Link} to="/thu-tuc/co-quan" size="sm">
            {t('catalog.browse.byAgency')}
          </Anchor>
        </Group>
      </div>
      <ProcedureSearch procedureHref={procedurePagePath} />
    </Stack>
  );
}
