import { ActionIcon, Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TO_YEAR, DEFAULT_FROM_YEAR } from '@motcua/core/calendar/index.ts';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { UnitSelect } from './UnitSelect.tsx';

const YEARS = Array.from({ length: DEFAULT_TO_YEAR - DEFAULT_FROM_YEAR + 1 }, (_, i) => String(DEFAULT_FROM_YEAR + i));

interface CalendarToolbarProps {
  year: number;
  onYear: (year: number) => void;
  units: Unit[];
  unitId: string | null;
  onUnit: (unitId: string) => void;
}

/** Which year and which unit's calendar the page shows; printing. Hidden on paper. */
export function CalendarToolbar({ year, onYear, units, unitId, onUnit }: CalendarToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" role="group" aria-label={t('admin.calendar.toolbarLabel')} data-print-hide>
      <Group align="flex-end" gap={4} wrap="nowrap">
        <ActionIcon size="input-sm" variant="default" aria-label={t('admin.calendar.prevYear')} disabled={year <= DEFAULT_FROM_YEAR} onClick={() => onYear(year - 1)}>
          ‹
        </ActionIcon>
        <Select label={t('admin.calendar.year')} data={YEARS} value={String(year)} onChange={(v) => v && onYear(Number(v))} allowDeselect={false} w={110} />
        <ActionIcon size="input-sm" variant="default" aria-label={t('admin.calendar.nextYear')} disabled={year >= DEFAULT_TO_YEAR} onClick={() => onYear(year + 1)}>
          ›
        </ActionIcon>
      </Group>
      <UnitSelect label={t('admin.calendar.unit')} units={units} value={unitId} onChange={onUnit} width={{ base: '100%', sm: 480 }} />
      <Button variant="default" onClick={() => window.print()} ml="auto">
        {t('admin.calendar.print')}
      </Button>
    </Group>
  );
}
