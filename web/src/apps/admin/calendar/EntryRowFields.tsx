import { Button, NativeSelect, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_IDS, SCHEDULE_ENTRY_KINDS, type HolidayId, type ScheduleEntryKind } from '@motcua/core/calendar/index.ts';
import type { EntryScope } from '../../../api/calendar.ts';
import type { EntryDraft } from './entryDrafts.ts';

interface EntryRowFieldsProps {
  row: EntryDraft;
  /** 1-based, as people count rows. */
  n: number;
  year: number;
  scope: EntryScope;
  errors: Record<string, string>;
  onChange: (patch: Partial<EntryDraft>) => void;
  onRemove: () => void;
}

/** One schedule row: date, day off or working day, description, and (official list) the holiday it belongs to. */
export function EntryRowFields({ row, n, year, scope, errors, onChange, onRemove }: EntryRowFieldsProps) {
  const { t } = useTranslation();
  const at = (field: string) => errors[`entries[${n - 1}].${field}`];
  const kindLabel: Record<ScheduleEntryKind, string> = {
    off: t('admin.calendar.entries.kindOff'),
    workday: t('admin.calendar.entries.kindWorkday'),
  };
  return (
    <Table.Tr data-row={n}>
      <Table.Td>
        <TextInput
          type="date"
          aria-label={t('admin.calendar.entries.rowDate', { n })}
          value={row.date}
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          onChange={(e) => onChange({ date: e.currentTarget.value })}
          error={at('date')}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('admin.calendar.entries.rowKind', { n })}
          data={SCHEDULE_ENTRY_KINDS.map((kind) => ({ value: kind, label: kindLabel[kind] }))}
          value={row.kind}
          onChange={(e) => onChange({ kind: e.currentTarget.value as ScheduleEntryKind })}
          error={at('kind')}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('admin.calendar.entries.rowLabel', { n })}
          value={row.label}
          onChange={(e) => onChange({ label: e.currentTarget.value })}
          error={at('label')}
        />
      </Table.Td>
      {scope === 'official' && (
        <Table.Td>
          <NativeSelect
            aria-label={t('admin.calendar.entries.rowHoliday', { n })}
            data={[
              { value: '', label: t('admin.calendar.entries.noHoliday') },
              ...HOLIDAY_IDS.map((id) => ({ value: id, label: t(`calendar.holidays.${id}`) })),
            ]}
            value={row.holiday ?? ''}
            onChange={(e) => onChange({ holiday: (e.currentTarget.value || null) as HolidayId | null })}
            error={at('holiday')}
          />
        </Table.Td>
      )}
      <Table.Td>
        <Button size="compact-sm" variant="subtle" color="red" aria-label={t('admin.calendar.entries.removeRowNumbered', { n })} onClick={onRemove}>
          {t('admin.calendar.entries.removeRow')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
