/**
 * Calendar dates without a time or a time zone ("2026-02-13"), and their
 * numbering as days since 1970-01-01 ("epoch days").
 *
 * The arithmetic is done by hand (H. Hinnant's civil-date algorithms) rather
 * than with `Date`, so no result can ever depend on the process time zone.
 */
import { CalendarError } from './errors.ts';

export interface LocalDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidLocalDate(date: LocalDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function assertValidLocalDate(date: LocalDate): void {
  if (!isValidLocalDate(date)) {
    throw new CalendarError('INVALID_DATE', `Not a valid calendar date: ${JSON.stringify(date)}`, { date });
  }
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: LocalDate): number {
  assertValidLocalDate(date);
  return epochDayOf(date.year, date.month, date.day);
}

/** Unchecked version of `toEpochDay` for hot paths that already validated. */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** 1970-01-01 was a Thursday (ISO 4). */
export function weekdayOfEpochDay(epochDay: number): IsoWeekday {
  return ((((epochDay + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Adds calendar months; a day missing in the target month becomes that month's
 * last day (Civil Code 2015 art. 148(3): a period in months ending in a month
 * without the corresponding day ends on that month's last day).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  assertValidLocalDate(date);
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" strictly (no time, no offset, the day must exist). */
export function parseIsoDate(text: string): LocalDate {
  const match = ISO_DATE.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!date || !isValidLocalDate(date)) {
    throw new CalendarError('INVALID_DATE', `Expected a date as YYYY-MM-DD, got "${text}"`, { value: text });
  }
  return date;
}

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return !!match && isValidLocalDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

export function formatIsoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
