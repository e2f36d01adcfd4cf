import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEEKDAY_NAMES } from '@motcua/core/calendar/index.ts';
import type { WorkingHoursSpec } from '../../../api/calendar.ts';

const showPeriods = (periods: string[]) => periods.map((p) => p.replace('-', '–')).join(', ');

/** A unit's hours, one row per weekday, then make-up working days. */
export function WorkingHoursTable({ spec }: { spec: WorkingHoursSpec }) {
  const { t } = useTranslation();
  const closed = t('admin.calendar.hours.closed');
  return (
    <Table withTableBorder verticalSpacing={4} aria-label={t('admin.calendar.hours.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.calendar.hours.day')}</Table.Th>
          <Table.Th>{t('admin.calendar.hours.periods')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {WEEKDAY_NAMES.map((name) => {
          const periods = spec.weekly[name] ?? [];
          return (
            <Table.Tr key={name} data-weekday={name}>
              <Table.Th scope="row" fw={500}>
                {t(`calendar.weekdayTitles.${name}`)}
              </Table.Th>
              <Table.Td c={periods.length === 0 ? 'dimmed' : undefined}>{periods.length === 0 ? closed : showPeriods(periods)}</Table.Td>
            </Table.Tr>
          );
        })}
        <Table.Tr data-weekday="makeUpDay">
          <Table.Th scope="row" fw={500}>
            {t('admin.calendar.hours.makeUpDay')}
          </Table.Th>
          <Table.Td>{spec.makeUpDay ? (spec.makeUpDay.length === 0 ? closed : showPeriods(spec.makeUpDay)) : t('admin.calendar.hours.makeUpDefault')}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
