import { Fieldset, Group, NumberInput, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DURATION_UNITS, type DurationUnit } from './receptionDraft.ts';

interface DurationFieldsProps {
  value: number | string;
  unit: DurationUnit;
  onValue: (value: number | string) => void;
  onUnit: (unit: DurationUnit) => void;
  error?: string | undefined;
}

/** The processing time the officer sets when the catalog gives no number (the server then requires it). */
export function DurationFields({ value, unit, onValue, onUnit, error }: DurationFieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('office.reception.durationTitle')} bg="yellow.0" style={{ borderColor: 'var(--mantine-color-yellow-5)' }}>
      <Text size="xs" c="dimmed" mb={6}>
        {t('office.reception.durationHint')}
      </Text>
      <Group gap="sm" align="flex-start">
        <NumberInput
          label={t('office.reception.durationValue')}
          required
          w={140}
          min={0}
          max={3650}
          decimalScale={1}
          value={value}
          onChange={onValue}
          error={error}
        />
        <Select
          label={t('office.reception.durationUnit')}
          w={200}
          data={DURATION_UNITS.map((u) => ({ value: u, label: t(`office.reception.durationUnits.${u}`) }))}
          value={unit}
          onChange={(next) => next && onUnit(next as DurationUnit)}
          allowDeselect={false}
        />
      </Group>
    </Fieldset>
  );
}
