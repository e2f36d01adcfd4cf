import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { foldedOptionsFilter } from '../../../shared/searchText.ts';

interface CompetentUnitSelectProps {
  units: Unit[];
  value: string | null;
  /** Chosen from the applicant's commune (not by the officer). */
  automatic: boolean;
  onChange: (unitId: string | null) => void;
  error?: string | undefined;
}

/** The agency that decides the dossier: any active agency of the province, searchable without diacritics. */
export function CompetentUnitSelect({ units, value, automatic, onChange, error }: CompetentUnitSelectProps) {
  const { t } = useTranslation();
  const options = useMemo(
    () => units.filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name })),
    [units, value],
  );
  return (
    <Select
      label={t('office.reception.competentUnit')}
      description={value && automatic ? t('office.reception.competentAuto') : value ? undefined : t('office.reception.competentChoose')}
      required
      data={options}
      value={value}
      onChange={onChange}
      searchable
      selectFirstOptionOnChange
      filter={foldedOptionsFilter}
      maxDropdownHeight={280}
      allowDeselect={false}
      error={error}
    />
  );
}
