import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { YearView } from '../../../api/calendar.ts';
import { DayKindLegend } from './DayKindLegend.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { YearTotals } from './YearTotals.tsx';
import { vietnamToday } from './calendarText.ts';
import classes from './YearCalendar.module.css';

/** The year at a glance: twelve month grids coloured by kind, the legend and the totals. */
export function YearCalendar({ view, unitName }: { view: YearView; unitName: string }) {
  const { t } = useTranslation();
  const today = vietnamToday();
  const months = Array.from({ length: 12 }, (_, i) => {
    const prefix = `${view.year}-${String(i + 1).padStart(2, '0')}-`;
    return view.days.filter((d) => d.date.startsWith(prefix));
  });
  const openOnRestDay = view.days.some((d) => (d.kind === 'weekend' || d.kind === 'holiday' || d.kind === 'compensatory' || d.kind === 'scheduledOff') && d.workingMinutes > 0);
  const heading = t('admin.calendar.yearTitle', { year: view.year, unit: unitName });
  return (
    <Paper withBorder p="md" component="section" aria-label={heading}>
      <Stack gap="sm">
        <Title order={3}>{heading}</Title>
        <YearTotals view={view} />
        <DayKindLegend showOpenOnRestDay={openOnRestDay} />
        <div className={classes.months}>
          {months.map((days, i) => (
            <MonthGrid key={i} month={i + 1} days={days} today={today} />
          ))}
        </div>
      </Stack>
    </Paper>
  );
}
