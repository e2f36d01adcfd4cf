import { useMemo } from 'react';
import { Loader, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commune } from '@motcua/core/units/schemas.ts';
import { unitPaths } from '../api/units.ts';
import { problemOf } from './problems.ts';
import { foldedOptionsFilter } from './searchText.ts';
import { useApiData } from './useApiData.ts';
import { useLang } from './useLang.ts';

interface CommuneSelectProps {
  provinceCode: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
  /** Defaults to the admin form's "Xã/phường". */
  label?: string;
  required?: boolean;
}

/** The province's current communes and wards (100–170 of them), searchable with or without diacritics. */
export function CommuneSelect({ provinceCode, value, onChange, error, label, required }: CommuneSelectProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const communes = useApiData<Commune[]>(unitPaths.communes(provinceCode));
  const options = useMemo(
    () => (communes.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    [communes.data],
  );
  const loadError = problemOf(communes.error)?.message[lang];
  return (
    <Select
      label={label ?? t('admin.units.commune')}
      required={required}
      placeholder={t('admin.units.communePlaceholder')}
      nothingFoundMessage={t('admin.units.communeNothing')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      selectFirstOptionOnChange
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      filter={foldedOptionsFilter}
      maxDropdownHeight={280}
      rightSection={communes.loading ? <Loader size="xs" /> : undefined}
      error={error ?? loadError}
    />
  );
}
