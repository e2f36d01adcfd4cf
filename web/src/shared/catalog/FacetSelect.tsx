import { useMemo } from 'react';
import { Loader, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacetCount } from '../../api/procedures.ts';
import type { ApiData } from '../useApiData.ts';
import { foldForSearch, foldedOptionsFilter } from '../searchText.ts';

interface FacetSelectProps {
  label: string;
  facet: ApiData<FacetCount[]>;
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A field or an agency with its number of procedures; hundreds of them, so searchable without diacritics. */
export function FacetSelect({ label, facet, value, onChange }: FacetSelectProps) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const items = (facet.data ?? []).map((f) => ({ value: f.name, label: t('catalog.search.facetOption', { name: f.name, count: f.count }) }));
    // A value from a shared link that the list no longer has is still shown (and can be cleared).
    if (value && !items.some((item) => item.value === value)) items.unshift({ value, label: value });
    return items.sort((a, b) => foldForSearch(a.label).localeCompare(foldForSearch(b.label), 'vi'));
  }, [facet.data, value, t]);
  return (
    <Select
      label={label}
      placeholder={t('catalog.search.any')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('catalog.search.clearNamed', { name: label }) }}
      filter={foldedOptionsFilter}
      nothingFoundMessage={t('catalog.search.nothingInList')}
      maxDropdownHeight={320}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      rightSection={facet.loading ? <Loader size="xs" /> : undefined}
    />
  );
}
