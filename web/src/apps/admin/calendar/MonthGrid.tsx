import { useTranslation } from 'react-i18next';
import { WEEKDAY_NAMES } from '@motcua/core/calendar/index.ts';
import type { DayView } from '../../../api/calendar.ts';
import { useLang } from '../../../shared/useLang.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { MONTH_KEYS, dayLabelText, formatHours, formatIsoDay, weekdayName } from './calendarText.ts';
import classes from './YearCalendar.module.css';

const WORKING_KINDS = new Set<DayView['kind']>(['workday', 'makeUpWorkday']);

interface MonthGridProps {
  month: number;
  /** The month's days, in order. */
  days: DayView[];
  today: string;
}

/**
 * One month, Monday to Sunday. Each day cell is named for assistive technology with its date, weekday,
 * kind and label (and whether the unit's own hours differ from the national kind); the same text is its tooltip.
 */
export function MonthGrid({ month, days, today }: MonthGridProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const locale = currentLocale();
  const lead = (days[0]?.weekday ?? 1) - 1;
  const cells: (DayView | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));

  function describe(day: DayView) {
    const kind = t(`calendar.kinds.${day.kind}`);
    const label = dayLabelText(day, t, lang);
    const working = WORKING_KINDS.has(day.kind);
    const unitNote =
      !working && day.workingMinutes > 0
        ? t('admin.calendar.dayUnitOpen', { hours: formatHours(day.workingMinutes, t, locale) })
        : working && day.workingMinutes === 0
          ? t('admin.calendar.dayUnitClosed')
          : null;
    const what = [kind, label, unitNote].filter(Boolean).join(' — ');
    const when = t('calendar.dateWithWeekday', { weekday: t(`calendar.weekdays.${weekdayName(day.weekday)}`), date: formatIsoDay(day.date) });
    return { aria: `${when}: ${what}${day.date === today ? ` (${t('admin.calendar.today')})` : ''}`, title: what };
  }

  return (
    <table className={classes.month}>
      <caption>{t(MONTH_KEYS[month - 1] ?? 'calendar.months.m1')}</caption>
      <thead>
        <tr>
          {WEEKDAY_NAMES.map((name) => (
            <th key={name} scope="col" abbr={t(`calendar.weekdayTitles.${name}`)}>
              {t(`calendar.weekdaysShort.${name}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, d) => {
              if (!day) return <td key={d} />;
              const { aria, title } = describe(day);
              return (
                <td
                  key={d}
                  className={`${classes.kind} ${classes.day}`}
                  data-kind={day.kind}
                  data-date={day.date}
                  data-open={!WORKING_KINDS.has(day.kind) && day.workingMinutes > 0 ? 'true' : undefined}
                  data-today={day.date === today ? 'true' : undefined}
                  aria-label={aria}
                  title={title}
                >
                  {Number(day.date.slice(8))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
