import { useState } from 'react';
import { Box, Button, Group, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { procedurePaths, type FacetCount, type SearchFilters } from '../../api/procedures.ts';
import { useApiData } from '../useApiData.ts';
import { LEVELS, ONLINE_LEVELS, isOneOf } from './catalogValues.ts';
import { FacetSelect } from './FacetSelect.tsx';
import { NO_FILTERS, activeFilterCount } from './useSearchFilters.ts';

interface SearchFiltersPanelProps {
  filters: SearchFilters;
  onChange: (patch: Partial<SearchFilters>) => void;
}

/** Field, level, agency, online level. On a phone they fold under one "Bộ lọc" button. */
export function SearchFiltersPanel({ filters, onChange }: SearchFiltersPanelProps) {
  const { t } = useTranslation();
  const fields = useApiData<FacetCount[]>(procedurePaths.fields);
  const agencies = useApiData<FacetCount[]>(procedurePaths.agencies);
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(filters);
  return (
    <Box data-print-hide>
      <Group hiddenFrom="sm" gap="xs" mb={open ? 'xs' : 0}>
        <Button variant="default" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="procedure-filters">
          {active > 0 ? t('catalog.search.filtersActive', { count: active }) : t('catalog.search.filters')}
        </Button>
        {active > 0 && (
          <Button variant="subtle" size="sm" onClick={() => onChange({ ...NO_FILTERS })}>
            {t('catalog.search.clearFilters')}
          </Button>
        )}
      </Group>
      <Box id="procedure-filters" display={{ base: open ? 'block' : 'none', sm: 'block' }} role="group" aria-label={t('catalog.search.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <FacetSelect label={t('catalog.search.field')} facet={fields} value={filters.field} onChange={(field) => onChange({ field })} />
          <Select
            label={t('catalog.search.level')}
            placeholder={t('catalog.search.any')}
            data={LEVELS.map((level) => ({ value: level, label: t(`catalog.levels.${level}`) }))}
            value={filters.level}
            onChange={(value) => onChange({ level: isOneOf(LEVELS, value) ? value : null })}
            clearable
            clearButtonProps={{ 'aria-label': t('catalog.search.clearNamed', { name: t('catalog.search.level') }) }}
          />
          <FacetSelect label={t('catalog.search.agency')} facet={agencies} value={filters.agency} onChange={(agency) => onChange({ agency })} />
          <Select
            label={t('catalog.search.online')}
            placeholder={t('catalog.search.any')}
            data={ONLINE_LEVELS.map((level) => ({ value: level, label: t(`catalog.onlineLevels.${level}`) }))}
            value={filters.online}
            onChange={(value) => onChange({ online: isOneOf(ONLINE_LEVELS, value) ? value : null })}
            clearable
            clearButtonProps={{ 'aria-label': t('catalog.search.clearNamed', { name: t('catalog.search.online') }) }}
          />
        </SimpleGrid>
        {active > 0 && (
          <Button visibleFrom="sm" variant="subtle" size="compact-sm" mt="xs" onClick={() => onChange({ ...NO_FILTERS })}>
            {t('catalog.search.clearFilters')}
          </Button>
        )}
      </Box>
    </Box>
  );
}
