/**
 * Due dates: when counting starts, and when a duration ends, in
 * Asia/Ho_Chi_Minh time whatever the process TZ.
 *
 * - Working days and hours are walked through the unit's opening hours
 *   (1 working day = 8 working hours), so 0.5 day from 11:00 is 17:00.
 * - Calendar days and months follow the Civil Code 2015: the first day is not
 *   counted (art. 147(2)); a period ending on a day off ends with the next
 *   working day (art. 148(5)); a day ends at 24:00 (art. 148(6)).
 * - A reception outside opening hours counts from the next working moment.
 * - Cut-offs (per procedure): `cutoff15h` — received after 15:00 counts from
 *   the next working day; `cutoffLastHour` — received in the day's last
 *   opening hour counts from the next working day.
 */
import type { WorkingCalendar } from './calendar.ts';
import { assertValidDuration, isWorkingUnit, uncheckedWorkingDurationMs } from './duration.ts';
import type { Duration } from './duration.ts';
import { addMonths, epochDayOf, fromEpochDay } from './local-date.ts';
import type { LocalDate } from './local-date.ts';
import { MS_PER_DAY, MS_PER_MINUTE, VIETNAM_UTC_OFFSET_MS, instantOfVietnamDay, vietnamEpochDay } from './vietnam-time.ts';
import type { Instant } from './vietnam-time.ts';

export interface DeadlineOptions {
  /** Received after 15:00 → counting starts at the next working day's opening. */
  readonly cutoff15h?: boolean;
  /** Received within the day's last opening hour → counting starts at the next working day's opening. */
  readonly cutoffLastHour?: boolean;
  /**
   * How the end of a calendar-day or month period is expressed: 24:00 of the
   * last day (Civil Code art. 148(6), the default) or the unit's closing time.
   */
  readonly calendarDayEnd?: 'midnight' | 'closing';
}

export interface Deadline {
  readonly receivedAt: Instant;
  /** When the clock starts: the reception, or the next working moment / day after cut-offs. */
  readonly countingStart: Instant;
  readonly due: Instant;
  /** The local day the deadline falls on; a 24:00 deadline belongs to the day it ends. */
  readonly dueDay: LocalDate;
}

export interface WorkingTime {
  readonly minutes: number;
  /** `minutes` divided by the calendar's minutes per working day (8 h). */
  readonly workingDays: number;
}

export interface RemainingTime extends WorkingTime {
  /** Wall-clock milliseconds until the due instant (negative when overdue). */
  readonly milliseconds: number;
  readonly overdue: boolean;
}

const CUTOFF_15H_MS = 15 * 60 * MS_PER_MINUTE;
const LAST_HOUR_MS = 60 * MS_PER_MINUTE;

/**
 * The position on the working-time axis where counting starts. Outside opening
 * hours the axis is flat, so the reception's own position already means
 * "the next working moment"; cut-offs jump to the end of that day's work.
 */
export function countingStartPosition(calendar: WorkingCalendar, receivedAt: Instant, options: DeadlineOptions = {}): number {
  const position = calendar.workingMsAt(receivedAt);
  if (!options.cutoff15h && !options.cutoffLastHour) return position;
  const index = calendar.dayIndexOf(receivedAt);
  const dayMs = calendar.dayWorkingMs(index);
  if (dayMs === 0) return position;
  const dayStart = calendar.workingMsAtDayStart(index);
  const msOfDay = (receivedAt + VIETNAM_UTC_OFFSET_MS) - vietnamEpochDay(receivedAt) * MS_PER_DAY;
  const afterCutoff =
    (options.cutoff15h === true && msOfDay > CUTOFF_15H_MS) ||
    (options.cutoffLastHour === true && position - dayStart >= dayMs - LAST_HOUR_MS);
  return afterCutoff ? dayStart + dayMs : position;
}

export function countingStart(calendar: WorkingCalendar, receivedAt: Instant, options: DeadlineOptions = {}): Instant {
  return calendar.resumeInstantAtWorkingMs(countingStartPosition(calendar, receivedAt, options));
}

/** The local day of the last millisecond before `due`: 24:00 Monday is Monday. */
export function deadlineDay(due: Instant): LocalDate {
  return fromEpochDay(vietnamEpochDay(due - 1));
}

/**
 * The due instant only — the allocation-free path for hot loops. Same rules
 * and errors as `dueDate`.
 */
export function dueInstant(calendar: WorkingCalendar, receivedAt: Instant, duration: Duration, options: DeadlineOptions = {}): Instant {
  assertValidDuration(duration);
  if (isWorkingUnit(duration.unit)) {
    const amount = uncheckedWorkingDurationMs(duration, calendar.hours.minutesPerWorkingDay);
    const start = countingStartPosition(calendar, receivedAt, options);
    return amount === 0 ? calendar.resumeInstantAtWorkingMs(start) : calendar.instantAtWorkingMs(start + amount);
  }
  const startDay = vietnamEpochDay(countingStart(calendar, receivedAt, options));
  return endOfCivilPeriod(calendar, civilPeriodLastDay(startDay, duration), options);
}

export function dueDate(calendar: WorkingCalendar, receivedAt: Instant, duration: Duration, options: DeadlineOptions = {}): Deadline {
  const due = dueInstant(calendar, receivedAt, duration, options);
  return { receivedAt, countingStart: countingStart(calendar, receivedAt, options), due, dueDay: deadlineDay(due) };
}

/** The nominal last day of a calendar-day or month period; the reception day itself is not counted. */
export function civilPeriodLastDay(startEpochDay: number, duration: Duration): number {
  if (duration.unit === 'calendarDays') return startEpochDay + duration.value;
  const last = addMonths(fromEpochDay(startEpochDay), duration.value);
  return epochDayOf(last.year, last.month, last.day);
}

/** A period whose last day is a day off ends with the next working day (art. 148(5)). */
export function endOfCivilPeriod(calendar: WorkingCalendar, lastEpochDay: number, options: DeadlineOptions = {}): Instant {
  let index = calendar.indexOfEpochDay(lastEpochDay);
  while (calendar.dayWorkingMs(index) === 0) index = calendar.indexOfEpochDay(calendar.firstDay + index + 1);
  return options.calendarDayEnd === 'closing'
    ? calendar.closingInstantOfDay(index)
    : instantOfVietnamDay(calendar.firstDay + index + 1, 0);
}

/** Working time from `from` to `to` (negative when `to` is earlier). */
export function workingTimeBetween(calendar: WorkingCalendar, from: Instant, to: Instant): WorkingTime {
  return toWorkingTime(calendar, calendar.workingMsAt(to) - calendar.workingMsAt(from));
}

/** Working and wall-clock time left until `due` (negative and `overdue` once it has passed). */
export function remainingTime(calendar: WorkingCalendar, now: Instant, due: Instant): RemainingTime {
  return { ...workingTimeBetween(calendar, now, due), milliseconds: due - now, overdue: now > due };
}

export function toWorkingTime(calendar: WorkingCalendar, workingMs: number): WorkingTime {
  const minutes = workingMs / MS_PER_MINUTE;
  return { minutes, workingDays: minutes / calendar.hours.minutesPerWorkingDay };
}
