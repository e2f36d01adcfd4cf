/**
 * Instants (epoch milliseconds) seen on the wall clock of Asia/Ho_Chi_Minh.
 *
 * Vietnam has used UTC+7 without daylight saving since 1975, so local time is
 * `instant + 7 h`. We compute with that fixed offset and never with `Date`'s
 * local getters: results are identical whatever the process TZ is.
 */
import { CalendarError } from './errors.ts';
import { formatIsoDate, fromEpochDay, pad2, parseIsoDate, toEpochDay, weekdayOfEpochDay } from './local-date.ts';
import type { IsoWeekday, LocalDate } from './local-date.ts';

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;
export const VIETNAM_UTC_OFFSET_MS = 7 * 60 * MS_PER_MINUTE;

export interface VietnamLocalTime {
  readonly date: LocalDate;
  readonly epochDay: number;
  readonly weekday: IsoWeekday;
  /** Milliseconds since local midnight, 0 ≤ msOfDay < 86 400 000. */
  readonly msOfDay: number;
}

export function assertInstant(instant: Instant, what = 'instant'): void {
  if (typeof instant !== 'number' || !Number.isFinite(instant)) {
    throw new CalendarError('INVALID_INSTANT', `${what} must be a finite number of epoch milliseconds`, { value: instant });
  }
}

/** Local day number (days since 1970-01-01 in Vietnam) of an instant. */
export function vietnamEpochDay(instant: Instant): number {
  return Math.floor((instant + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
}

export function toVietnamLocal(instant: Instant): VietnamLocalTime {
  assertInstant(instant);
  const local = instant + VIETNAM_UTC_OFFSET_MS;
  const epochDay = Math.floor(local / MS_PER_DAY);
  return {
    date: fromEpochDay(epochDay),
    epochDay,
    weekday: weekdayOfEpochDay(epochDay),
    msOfDay: local - epochDay * MS_PER_DAY,
  };
}

/** The instant of a local day's midnight plus `msOfDay` (which may be 86 400 000 = 24:00). */
export function instantOfVietnamDay(epochDay: number, msOfDay = 0): Instant {
  return epochDay * MS_PER_DAY + msOfDay - VIETNAM_UTC_OFFSET_MS;
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "HH:MM" or "HH:MM:SS" → minutes since midnight (fractional with seconds); "24:00" allowed. */
export function parseTimeOfDay(text: string): number {
  const match = TIME_OF_DAY.exec(text);
  if (match) {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    const seconds = match[3] === undefined ? 0 : Number(match[3]);
    const valid = minutes < 60 && seconds < 60 && (hours < 24 || (hours === 24 && minutes === 0 && seconds === 0));
    if (valid) return hours * 60 + minutes + seconds / 60;
  }
  throw new CalendarError('INVALID_TIME', `Expected a time as HH:MM (00:00–24:00), got "${text}"`, { value: text });
}

export function formatTimeOfDay(minutes: number): string {
  const whole = Math.floor(minutes);
  const seconds = Math.round((minutes - whole) * 60);
  const base = `${pad2(Math.floor(whole / 60))}:${pad2(whole % 60)}`;
  return seconds === 0 ? base : `${base}:${pad2(seconds)}`;
}

/** The instant at a wall-clock time in Vietnam, e.g. `vietnamInstant('2026-02-13', '10:00')`. */
export function vietnamInstant(date: LocalDate | string, time = '00:00'): Instant {
  const epochDay = toEpochDay(typeof date === 'string' ? parseIsoDate(date) : date);
  return instantOfVietnamDay(epochDay, Math.round(parseTimeOfDay(time) * MS_PER_MINUTE));
}

/** Parses "YYYY-MM-DDTHH:MM[:SS]" (or with a space) as Vietnam wall-clock time. */
export function parseVietnamDateTime(text: string): Instant {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) {
    throw new CalendarError('INVALID_INSTANT', `Expected "YYYY-MM-DDTHH:MM" in Vietnam time, got "${text}"`, { value: text });
  }
  return vietnamInstant(match[1], match[2]);
}

/**
 * Formats an instant as Vietnam wall-clock "YYYY-MM-DDTHH:MM" (seconds only when
 * non-zero). With `midnightAs24`, local midnight is written as "24:00" of the
 * previous day, the way the Civil Code states period ends.
 */
export function formatVietnamDateTime(instant: Instant, options: { midnightAs24?: boolean } = {}): string {
  const local = toVietnamLocal(instant);
  if (options.midnightAs24 && local.msOfDay === 0) {
    return `${formatIsoDate(fromEpochDay(local.epochDay - 1))}T24:00`;
  }
  const wholeSeconds = Math.floor(local.msOfDay / 1000);
  const hhmm = `${pad2(Math.floor(wholeSeconds / 3600))}:${pad2(Math.floor(wholeSeconds / 60) % 60)}`;
  const seconds = wholeSeconds % 60;
  const millis = local.msOfDay % 1000;
  const tail = millis ? `:${pad2(seconds)}.${String(millis).padStart(3, '0')}` : seconds ? `:${pad2(seconds)}` : '';
  return `${formatIsoDate(local.date)}T${hhmm}${tail}`;
}
