import type { TFunction } from 'i18next';
import type { WeekdayName } from '@motcua/core/calendar/working-hours.ts';
import { VIETNAM_TIME_ZONE } from './formatDateTime.ts';

/**
 * Dates as Vietnamese offices write them (25/02/2026, "10:00 thứ Tư, 25/02/2026", whatever the
 * language), from ISO text: days are computed without Date objects, so no device time zone shifts them.
 */

/** Monday first, like WEEKDAY_NAMES in core (not imported: that module would bring zod into every chunk). */
const WEEKDAYS: readonly WeekdayName[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** '2026-02-25' → '25/02/2026' */
export function formatIsoDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an ISO date. */
export function isoWeekdayOf(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function weekdayName(isoWeekday: number): WeekdayName {
  return WEEKDAYS[isoWeekday - 1] ?? 'monday';
}

/** 'thứ Tư, 25/02/2026' */
export function formatDayWithWeekday(iso: string, t: TFunction): string {
  return t('calendar.dateWithWeekday', { weekday: t(`calendar.weekdays.${weekdayName(isoWeekdayOf(iso))}`), date: formatIsoDay(iso) });
}

/** A moment on Vietnam's wall clock ('2026-02-25T10:00', or T24:00 for a day's end) → '10:00 thứ Tư, 25/02/2026'. */
export function formatLocalDateTime(local: string, t: TFunction): string {
  const [day, time = '00:00'] = local.split('T') as [string, string | undefined];
  return t('calendar.timeOnDay', { time, weekday: t(`calendar.weekdays.${weekdayName(isoWeekdayOf(day))}`), date: formatIsoDay(day) });
}

/** An instant (ISO with offset) as Vietnam's wall clock: '2026-02-13T10:00'. */
export function toVietnamLocal(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** An instant as an appointment: '2026-05-13T03:00:00Z' → '10:00 thứ Tư, 13/05/2026'. */
export function formatAppointment(instant: string, t: TFunction): string {
  return formatLocalDateTime(toVietnamLocal(instant), t);
}

/** A Vietnam wall-clock moment typed in a datetime-local input ('2026-05-20T10:00') as an instant with offset. */
export function vietnamLocalToInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}

/** Today in Vietnam, 'YYYY-MM-DD'. */
export function vietnamToday(now = new Date()): string {
  return toVietnamLocal(now.toISOString()).slice(0, 10);
}
