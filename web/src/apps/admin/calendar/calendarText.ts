import type { TFunction } from 'i18next';
import { COMPENSATORY_LABEL, DAY_KINDS, HOLIDAY_IDS, HOLIDAY_LABELS, type DayKind, type HolidayId } from '@motcua/core/calendar/index.ts';
import type { DayView } from '../../../api/calendar.ts';
import type { Lang } from '../../../i18n/index.ts';

export {
  formatDayWithWeekday,
  formatIsoDay,
  formatLocalDateTime,
  isoWeekdayOf,
  toVietnamLocal,
  vietnamToday,
  weekdayName,
} from '../../../shared/vietnamDate.ts';

/** Text of the calendar pages: month names, day labels, hours; the date formats live in shared/vietnamDate.ts. */

export const MONTH_KEYS = [
  'calendar.months.m1', 'calendar.months.m2', 'calendar.months.m3', 'calendar.months.m4',
  'calendar.months.m5', 'calendar.months.m6', 'calendar.months.m7', 'calendar.months.m8',
  'calendar.months.m9', 'calendar.months.m10', 'calendar.months.m11', 'calendar.months.m12',
] as const;

export function isHolidayId(value: string | null): value is HolidayId {
  return (HOLIDAY_IDS as readonly (string | null)[]).includes(value);
}

/**
 * The day's label in the current language. Computed labels (holiday names, "Nghỉ bù …") are
 * translated; labels written by a decision are data and stay as entered, after the holiday's name in English.
 */
export function dayLabelText(day: Pick<DayView, 'kind' | 'label' | 'holiday'>, t: TFunction, lang: Lang): string | null {
  if (!day.label) return null;
  const holiday = isHolidayId(day.holiday) ? day.holiday : null;
  if (!holiday) return day.label;
  const holidayName = t(`calendar.holidays.${holiday}`);
  if (day.label === HOLIDAY_LABELS[holiday]) return holidayName;
  if (day.label === `${COMPENSATORY_LABEL} ${HOLIDAY_LABELS[holiday]}`) return t('calendar.compensatoryFor', { holiday: holidayName });
  return lang === 'en' ? `${holidayName}: ${day.label}` : day.label;
}

/** Working minutes as hours in the current language: 240 → '4 giờ', 210 → '3,5 giờ'. */
export function formatHours(minutes: number, t: TFunction, locale: string): string {
  return t('calendar.hours', { hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60) });
}

/** A day kind from the wire (typed as text there) in the current language. */
export function dayKindText(kind: string, t: TFunction): string {
  return (DAY_KINDS as readonly string[]).includes(kind) ? t(`calendar.kinds.${kind as DayKind}`) : kind;
}
