import { useMemo, useState } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { procedurePaths, type FacetCount } from '../../../api/procedures.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { foldForSearch } from '../../../shared/searchText.ts';
import { searchOf } from '../../../shared/catalog/useSearchFilters.ts';
import { useApiData } from '../../../shared/useApiData.ts';

type Facet = 'fields' | 'agencies';

const TEXT = {
  fields: { title: 'catalog.browse.fieldsTitle', intro: 'catalog.browse.fieldsIntro', list: 'catalog.browse.fieldsList', other: '/thu-tuc/co-quan', otherLabel: 'catalog.browse.byAgency' },
  agencies: { title: 'catalog.browse.agenciesTitle', intro: 'catalog.browse.agenciesIntro', list: 'catalog.browse.agenciesList', other: '/thu-tuc/linh-vuc', otherLabel: 'catalog.browse.byField' },
} as const;

/** /thu-tuc/linh-vuc and /thu-tuc/co-quan: every field (or agency) with its number of procedures, each opening the filtered search. */
export function FacetBrowsePage({ facet }: { facet: Facet }) {
  const { t } = useTranslation();
  const text = TEXT[facet];
  const { data, error, loading, reload } = useApiData<FacetCount[]>(facet === 'fields' ? procedurePaths.fields : procedurePaths.agencies);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const folded = foldForSearch(filter);
    const items = (data ?? []).filter((item) => !folded || foldForSearch(item.name).includes(folded));
    return items.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, [data, filter]);
  const hrefOf = (name: string) => `/thu-tuc${searchOf(facet === 'fields' ? { field: name } : { agency: name })}`;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t(text.title)}</Title>
        <Text c="dimmed" size="sm">
          {t(text.intro)}
        </Text>
        <Group gap="md" mt={4} style={{ rowGap: 4 }} data-print-hide>
          <Anchor component={Link} to="/thu-tuc" size="sm">
            {t('catalog.browse.search')}
          </Anchor>
          <Anchor component={Link} to={text.other} size="sm">
            {t(text.otherLabel)}
          </Anchor>
        </Group>
      </div>
      <TextInput
        label={t('catalog.browse.filter')}
        placeholder={t('catalog.browse.filterPlaceholder')}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={480}
        data-print-hide
      />
      <ProblemAlert error={error} onRetry={reload} />
      {data ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('catalog.browse.shown', { count: shown.length, total: data.length })}
          </Text>
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(text.list)}>
            {shown.map((item) => (
              <li key={item.name}>
                <Paper withBorder px="md" py="xs" h="100%">
                  <Group justify="space-between" wrap="nowrap" gap="sm" h="100%">
                    <Anchor component={Link} to={hrefOf(item.name)} size="sm">
                      {item.name}
                    </Anchor>
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      {item.count}
                      <VisuallyHidden> {t('catalog.browse.procedures', { count: item.count })}</VisuallyHidden>
                    </Badge>
                  </Group>
                </Paper>
              </li>
            ))}
          </SimpleGrid>
        </>
      ) : (
        loading && <PageLoader />
      )}
    </Stack>
  );
}
