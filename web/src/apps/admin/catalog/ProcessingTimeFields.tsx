import { Group, NativeSelect, NumberInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TIME_UNITS, isOneOf } from '../../../shared/catalog/catalogValues.ts';
import type { TimeDraft } from './procedureDraft.ts';

interface ProcessingTimeFieldsProps {
  time: TimeDraft;
  onChange: (time: TimeDraft) => void;
  /** Names the row in each input's accessible name ("Thời hạn — Nộp trực tiếp"). */
  context: string;
  /** Form path of this time (`channels[0].processingTime`) and the server's errors by path. */
  path: string;
  errors: Record<string, string>;
}

/** A processing time: number (halves allowed), unit, and the catalog's words. */
export function ProcessingTimeFields({ time, onChange, context, path, errors }: ProcessingTimeFieldsProps) {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  const named = (label: string) => ({ label, 'aria-label': `${label} — ${context}` });
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <NumberInput
        {...named(t('catalog.admin.edit.timeValue'))}
        value={time.value}
        onChange={(value) => onChange({ ...time, value: typeof value === 'number' ? value : '' })}
        min={0}
        max={10000}
        step={0.5}
        decimalScale={2}
        decimalSeparator={vi ? ',' : '.'}
        w={110}
        error={errors[`${path}.value`]}
      />
      <NativeSelect
        {...named(t('catalog.admin.edit.timeUnit'))}
        data={TIME_UNITS.map((unit) => ({ value: unit, label: t(`catalog.timeUnits.${unit}`) }))}
        value={time.unit}
        onChange={(event) => {
          const unit = event.currentTarget.value;
          if (isOneOf(TIME_UNITS, unit)) onChange({ ...time, unit });
        }}
        w={190}
        error={errors[`${path}.unit`]}
      />
      <Textarea
        {...named(t('catalog.admin.edit.timeText'))}
        value={time.text}
        onChange={(event) => onChange({ ...time, text: event.currentTarget.value })}
        autosize
        minRows={1}
        maxRows={5}
        style={{ flex: '1 1 220px' }}
        error={errors[`${path}.text`]}
      />
    </Group>
  );
}
