/**
 * The Vietnamese lunisolar calendar (âm lịch), behind our own small interface.
 *
 * Astronomy (new moons, solar terms on the UTC+7 meridian) comes from
 * `date-chinese`'s `CalendarVietnamese`; the UTC+7 meridian is what makes
 * Vietnam's Tết differ from China's in 2007 and 2030. Month *numbering* is
 * done here, with the classic rule: between two winter-solstice months (11),
 * a span of 13 lunations has a leap month, the first one without a major
 * solar term. We number months ourselves because the library's own
 * `fromGregorian` flags any month without a major term as leap, which is wrong
 * in 2033 (it yields a leap 8th month; the correct answer is a leap 11th).
 *
 * Only plain numbers are exchanged with the library — never a `Date` — so the
 * process time zone cannot leak in.
 */
/// <reference path="./date-chinese.d.ts" />
import { CalendarVietnamese } from 'date-chinese';
import { CalendarError } from './errors.ts';
import { assertValidLocalDate, epochDayOf, fromEpochDay } from './local-date.ts';
import type { LocalDate } from './local-date.ts';

export interface LunarDate {
  /** The Gregorian year in which this lunar year's Tết (1/1) falls. */
  readonly year: number;
  /** 1–12; a leap month carries the number of the month it repeats. */
  readonly month: number;
  /** True for the intercalary (nhuận) month. */
  readonly leap: boolean;
  /** 1–30 */
  readonly day: number;
}

/** Vietnam has kept its calendar on UTC+7 since 1968; the module supports 1970–2100. */
export const LUNAR_MIN_YEAR = 1970;
export const LUNAR_MAX_YEAR = 2100;

/** Julian day of 1970-01-01T00:00Z. */
const JULIAN_DAY_OF_UNIX_EPOCH = 2440587.5;
const VIETNAM_OFFSET_DAYS = 7 / 24;

// One converter reused: it caches solar longitudes between calls.
const astronomy = new CalendarVietnamese();

/** A lunar month: its first day and its name. */
interface LunarMonth {
  readonly start: number; // epoch day
  readonly lunarYear: number;
  readonly month: number;
  readonly leap: boolean;
}

/** The lunations from one month 11 up to (excluding) the next: a "suì". */
interface Sui {
  readonly months: readonly LunarMonth[];
  readonly end: number; // epoch day of the next month 11
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new CalendarError(
      'YEAR_OUT_OF_RANGE',
      `Lunar calendar supports years ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${year}`,
      { year, min: LUNAR_MIN_YEAR, max: LUNAR_MAX_YEAR },
    );
  }
}

/** The library returns new moons as JDE at Vietnamese local midnight. */
function epochDayOfLocalMidnight(jde: number): number {
  return Math.round(jde - JULIAN_DAY_OF_UNIX_EPOCH + VIETNAM_OFFSET_DAYS);
}

/** Month 11 is the lunation containing the December solstice (Vietnamese local days). */
function month11StartJde(year: number): number {
  const solsticeDay = astronomy.majorSolarTerm(11, year);
  // From noon of the solstice day, so "on or before that day" never hinges on float noise at midnight.
  return astronomy.previousNewMoon(solsticeDay + 0.5);
}

const suiCache = new Map<number, Sui>();

/** The suì that ends with the month 11 of Gregorian `year`. */
function suiEndingIn(year: number): Sui {
  const cached = suiCache.get(year);
  if (cached) return cached;

  const firstJde = month11StartJde(year - 1);
  const end = epochDayOfLocalMidnight(month11StartJde(year));
  const starts: number[] = [firstJde];
  for (;;) {
    const next = astronomy.nextNewMoon((starts[starts.length - 1] as number) + 15);
    if (epochDayOfLocalMidnight(next) >= end) break;
    starts.push(next);
  }
  // 13 lunations → the first month (after month 11) without a major solar term is leap.
  let leapIndex = -1;
  if (starts.length === 13) {
    const terms = [...starts, month11StartJde(year)].map((jde) => astronomy.inMajorSolarTerm(jde).term);
    for (let i = 1; i < 13 && leapIndex < 0; i++) if (terms[i] === terms[i + 1]) leapIndex = i;
  }
  const months = starts.map((jde, index): LunarMonth => {
    const ordinal = leapIndex >= 0 && index >= leapIndex ? index - 1 : index; // 0 = month 11
    const month = ((10 + ordinal) % 12) + 1;
    return {
      start: epochDayOfLocalMidnight(jde),
      lunarYear: month >= 11 && ordinal < 2 ? year - 1 : year,
      month,
      leap: index === leapIndex,
    };
  });
  const sui = { months, end };
  suiCache.set(year, sui);
  return sui;
}

export function solarToLunar(date: LocalDate): LunarDate {
  assertValidLocalDate(date);
  assertSupportedYear(date.year);
  const epochDay = epochDayOf(date.year, date.month, date.day);
  let sui = suiEndingIn(date.year);
  if (epochDay >= sui.end) sui = suiEndingIn(date.year + 1);
  let found = sui.months[0] as LunarMonth;
  for (const month of sui.months) if (month.start <= epochDay) found = month;
  return { year: found.lunarYear, month: found.month, leap: found.leap, day: epochDay - found.start + 1 };
}

/** Throws INVALID_DATE for lunar dates that do not exist (a leap month the year lacks, day 30 of a short month). */
export function lunarToSolar(lunar: LunarDate): LocalDate {
  const { year, month, leap, day } = lunar;
  // January of a Gregorian year may still belong to the previous lunar year.
  assertSupportedYear(year === LUNAR_MIN_YEAR - 1 ? LUNAR_MIN_YEAR : year);
  const shapeOk =
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= 30 && typeof leap === 'boolean';
  if (shapeOk) {
    // Months 11 and 12 of lunar year Y lie in the suì ending in December of Y + 1.
    const sui = suiEndingIn(month >= 11 ? year + 1 : year);
    const index = sui.months.findIndex((m) => m.lunarYear === year && m.month === month && m.leap === leap);
    const found = sui.months[index];
    if (found) {
      const nextStart = sui.months[index + 1]?.start ?? sui.end;
      if (day <= nextStart - found.start) {
        const solar = fromEpochDay(found.start + day - 1);
        assertSupportedYear(solar.year);
        return solar;
      }
    }
  }
  throw new CalendarError('INVALID_DATE', `Lunar date does not exist: ${JSON.stringify(lunar)}`, { lunar });
}

/** Tết Nguyên đán: lunar 1/1 of the lunar year beginning in Gregorian `year`. */
export function lunarNewYear(year: number): LocalDate {
  return lunarToSolar({ year, month: 1, leap: false, day: 1 });
}

/** The leap month of a lunar year (0 when it has none), e.g. 2 for 2023, 11 for 2033. */
export function leapMonthOf(year: number): number {
  assertSupportedYear(year);
  for (const suiYear of [year, year + 1]) {
    const leap = suiEndingIn(suiYear).months.find((m) => m.leap && m.lunarYear === year);
    if (leap) return leap.month;
  }
  return 0;
}

/** Number of days (29 or 30) of a lunar month; INVALID_DATE if the month does not exist. */
export function lunarMonthLength(year: number, month: number, leap = false): 29 | 30 {
  lunarToSolar({ year, month, leap, day: 1 });
  try {
    lunarToSolar({ year, month, leap, day: 30 });
    return 30;
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'INVALID_DATE') return 29;
    throw error;
  }
}
