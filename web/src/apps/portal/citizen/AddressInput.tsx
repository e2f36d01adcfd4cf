import { useEffect, useState } from 'react';
import { Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Province, Unit } from '@motcua/core/units/schemas.ts';
import { unitPaths } from '../../../api/units.ts';
import { CommuneSelect } from '../../../shared/CommuneSelect.tsx';
import { useApiData } from '../../../shared/useApiData.ts';

export interface AddressValue {
  communeCode?: string | undefined;
  detail?: string | undefined;
}

/** An address in the current units: province → commune (from /api/units data), then the street detail. */
export function AddressInput({ value, onChange, label, required, errors }: { value: AddressValue | undefined; onChange: (v: AddressValue) => void; label?: string; required?: boolean; errors?: { communeCode?: string; detail?: string } }) {
  const { t } = useTranslation();
  const provinces = useApiData<Province[]>(unitPaths.provinces);
  const units = useApiData<Unit[]>(unitPaths.publicUnits);
  const home = units.data?.[0]?.provinceCode ?? null;
  const [province, setProvince] = useState<string | null>(null);
  useEffect(() => {
    if (province === null && home) setProvince(home);
  }, [home, province]);
  return (
    <Stack gap={6} role="group" aria-label={label}>
      {label && <strong style={{ fontSize: 'var(--mantine-font-size-sm)' }}>{label}{required ? ' *' : ''}</strong>}
      <Select
        label={t('citizen.address.province')}
        data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        value={province}
        onChange={(v) => {
          setProvince(v);
          onChange({ ...value, communeCode: undefined });
        }}
        searchable
        allowDeselect={false}
      />
      {province && <CommuneSelect provinceCode={province} label={t('citizen.address.commune')} value={value?.communeCode ?? null} onChange={(c) => onChange({ ...value, communeCode: c ?? undefined })} required={required} error={errors?.communeCode} />}
      <TextInput label={t('citizen.address.detail')} value={value?.detail ?? ''} onChange={(e) => onChange({ ...value, detail: e.currentTarget.value })} required={required} error={errors?.detail} />
    </Stack>
  );
}
