import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { YearView } from '../../../api/calendar.ts';

const COUNTED_KINDS = ['holiday', 'compensatory', 'makeUpWorkday', 'scheduledOff'] as const;

/** Working days in the year (with the unit's hours), and how many days of each special kind. */
export function YearTotals({ view }: { view: YearView }) {
  const { t } = useTranslation();
  const count = (kind: (typeof COUNTED_KINDS)[number]) => view.days.filter((d) => d.kind === kind).length;
  return (
    <Group gap="xl" role="group" aria-label={t('admin.calendar.totalsLabel', { year: view.year })}>
      <Text fw={700} data-testid="working-day-count">
        {t('admin.calendar.workingDayCount')}: {view.workingDayCount}
      </Text>
      {COUNTED_KINDS.map((kind) => (
        <Text key={kind} size="sm" c="dimmed">
          {t('admin.calendar.kindCount', { kind: t(`calendar.kinds.${kind}`), count: count(kind) })}
        </Text>
      ))}
    </Group>
  );
}
