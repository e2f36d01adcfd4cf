/**
 * A unit's working calendar: national day table + the unit's opening hours,
 * precomputed over a range of years into flat tables so that deadline
 * arithmetic is a few array reads and one binary search.
 *
 * The central idea is the *working-time axis*: W(t) = working milliseconds
 * between the start of the range and instant t. W is continuous and
 * non-decreasing (flat outside opening hours), so "add N working hours" is
 * W⁻¹(W(start) + N h) and "working time between a and b" is W(b) − W(a).
 * It is stored as a per-day prefix sum plus the day's opening periods.
 */
import { CalendarError } from './errors.ts';
import { resolveNationalDays, dayKindOfCode, isNationalWorkingKind } from './day-table.ts';
import type { DayKind, NationalDayTable } from './day-table.ts';
import { DEFAULT_HOLIDAY_RULES } from './holidays.ts';
import type { HolidayId, HolidayRules } from './holidays.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';
import { epochDayOf, formatIsoDate, fromEpochDay, parseIsoDate, toEpochDay, weekdayOfEpochDay } from './local-date.ts';
import type { IsoWeekday, LocalDate } from './local-date.ts';
import { OFFICIAL_SCHEDULE_ENTRIES } from './schedule.ts';
import type { CalendarOverrides } from './schedule.ts';
import { MS_PER_DAY, MS_PER_MINUTE, VIETNAM_UTC_OFFSET_MS, assertInstant, instantOfVietnamDay } from './vietnam-time.ts';
import type { Instant } from './vietnam-time.ts';
import { DEFAULT_WORKING_HOURS_SPEC, parseWorkingHours, periodsLength } from './working-hours.ts';
import type { TimePeriod, WorkingHours, WorkingHoursSpec } from './working-hours.ts';

export const CALENDAR_MIN_YEAR = LUNAR_MIN_YEAR;
export const CALENDAR_MAX_YEAR = LUNAR_MAX_YEAR;
export const DEFAULT_FROM_YEAR = 2000;
export const DEFAULT_TO_YEAR = 2040;

export interface CalendarOptions {
  /** First and last Gregorian year covered (default 2000–2040). */
  readonly fromYear?: number;
  readonly toYear?: number;
  /** Official and local schedule entries; default: the shipped official schedules. */
  readonly overrides?: CalendarOverrides;
  /** The unit's opening hours; default Monday–Friday 07:00–11:30, 13:30–17:00. */
  readonly hours?: WorkingHoursSpec;
  readonly holidayRules?: Partial<HolidayRules>;
}

export interface DayInfo {
  readonly date: LocalDate;
  readonly iso: string;
  readonly weekday: IsoWeekday;
  readonly kind: DayKind;
  /** Why the day is special (holiday name, decision label); null for ordinary days. */
  readonly label: string | null;
  readonly holiday: HolidayId | null;
  /** The unit's opening periods that day (empty when closed). */
  readonly periods: readonly TimePeriod[];
  readonly workingMinutes: number;
}

/** Index of `WorkingHours.makeUpDay` among a calendar's day patterns (1–7 are ISO weekdays). */
const MAKE_UP_PATTERN = 8;
const CLOSED_PATTERN = 0;

export class WorkingCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly hours: WorkingHours;
  /** Epoch day of 1 January of `fromYear`. */
  readonly firstDay: number;
  readonly dayCount: number;

  private readonly national: NationalDayTable;
  /** Per day: which opening pattern applies (0 closed, 1–7 weekday, 8 make-up day). */
  private readonly patternOfDay: Uint8Array;
  /** Per pattern: period starts and ends in ms since local midnight. */
  private readonly patternStarts: readonly Float64Array[];
  private readonly patternEnds: readonly Float64Array[];
  /** prefixMs[i] = working ms from the range start to the start of day i. */
  private readonly prefixMs: Float64Array;

  constructor(options: CalendarOptions = {}) {
    const fromYear = options.fromYear ?? DEFAULT_FROM_YEAR;
    const toYear = options.toYear ?? DEFAULT_TO_YEAR;
    for (const year of [fromYear, toYear]) {
      if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
        throw new CalendarError('YEAR_OUT_OF_RANGE', `Calendar years must be within ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}, got ${year}`, {
          year,
          min: CALENDAR_MIN_YEAR,
          max: CALENDAR_MAX_YEAR,
        });
      }
    }
    if (toYear < fromYear) {
      throw new CalendarError('YEAR_OUT_OF_RANGE', `toYear ${toYear} is before fromYear ${fromYear}`, { fromYear, toYear });
    }
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.hours = parseWorkingHours(options.hours ?? DEFAULT_WORKING_HOURS_SPEC);
    const rules: HolidayRules = { ...DEFAULT_HOLIDAY_RULES, ...options.holidayRules };
    this.national = resolveNationalDays(fromYear, toYear, options.overrides ?? OFFICIAL_SCHEDULE_ENTRIES, rules);
    this.firstDay = this.national.firstDay;
    this.dayCount = this.national.kinds.length;

    const patterns: (readonly TimePeriod[])[] = [[], ...this.hours.byIsoWeekday.slice(1), this.hours.makeUpDay];
    this.patternStarts = patterns.map((periods) => Float64Array.from(periods, (p) => p.startMinute * MS_PER_MINUTE));
    this.patternEnds = patterns.map((periods) => Float64Array.from(periods, (p) => p.endMinute * MS_PER_MINUTE));
    const patternMs = patterns.map((periods) => periodsLength(periods) * MS_PER_MINUTE);

    this.patternOfDay = new Uint8Array(this.dayCount);
    this.prefixMs = new Float64Array(this.dayCount + 1);
    for (let index = 0; index < this.dayCount; index++) {
      const kind = dayKindOfCode(this.national.kinds[index] ?? 0);
      const weekday = weekdayOfEpochDay(this.firstDay + index);
      let pattern = CLOSED_PATTERN;
      if (kind === 'workday' || kind === 'weekend') pattern = weekday; // a centre may open on Saturday mornings
      else if (kind === 'makeUpWorkday') pattern = MAKE_UP_PATTERN;
      this.patternOfDay[index] = pattern;
      this.prefixMs[index + 1] = (this.prefixMs[index] as number) + (patternMs[pattern] as number);
    }
  }

  // ── Days ────────────────────────────────────────────────────────────────

  dayInfo(date: LocalDate | string): DayInfo {
    const local = typeof date === 'string' ? parseIsoDate(date) : date;
    const epochDay = toEpochDay(local);
    const index = this.indexOfEpochDay(epochDay);
    const pattern = this.patternOfDay[index] ?? CLOSED_PATTERN;
    const periods = pattern === CLOSED_PATTERN ? [] : pattern === MAKE_UP_PATTERN ? this.hours.makeUpDay : (this.hours.byIsoWeekday[pattern] ?? []);
    return {
      date: fromEpochDay(epochDay),
      iso: formatIsoDate(local),
      weekday: weekdayOfEpochDay(epochDay),
      kind: dayKindOfCode(this.national.kinds[index] ?? 0),
      label: this.national.labels.get(epochDay) ?? null,
      holiday: this.national.holidays.get(epochDay) ?? null,
      periods,
      workingMinutes: periodsLength(periods),
    };
  }

  /** True when the unit is open that day (any working minutes). */
  isWorkingDay(date: LocalDate | string): boolean {
    const local = typeof date === 'string' ? parseIsoDate(date) : date;
    return this.dayWorkingMs(this.indexOfEpochDay(toEpochDay(local))) > 0;
  }

  /** True when the day is a national working day (ignoring the unit's own opening days). */
  isNationalWorkingDay(date: LocalDate | string): boolean {
    return isNationalWorkingKind(this.dayInfo(date).kind);
  }

  /** The days of a year that are not ordinary working days or weekends: holidays, swaps, local days off. */
  specialDays(year: number): DayInfo[] {
    const first = this.indexOfEpochDay(epochDayOf(year, 1, 1));
    const last = this.indexOfEpochDay(epochDayOf(year, 12, 31));
    const days: DayInfo[] = [];
    for (let index = first; index <= last; index++) {
      const kind = dayKindOfCode(this.national.kinds[index] ?? 0);
      const ordinary = (kind === 'workday' || kind === 'weekend') && !this.national.labels.has(this.firstDay + index);
      if (!ordinary) days.push(this.dayInfo(fromEpochDay(this.firstDay + index)));
    }
    return days;
  }

  // ── Day indexes (low level, used by deadline arithmetic) ──────────────────

  /** Index of a local day in the tables; YEAR_OUT_OF_RANGE outside the range. */
  indexOfEpochDay(epochDay: number): number {
    const index = epochDay - this.firstDay;
    if (!(index >= 0 && index < this.dayCount)) throw this.outOfRange(epochDay);
    return index;
  }

  /** Index of the local day containing an instant. */
  dayIndexOf(instant: Instant): number {
    assertInstant(instant);
    return this.indexOfEpochDay(Math.floor((instant + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY));
  }

  dayWorkingMs(index: number): number {
    return (this.prefixMs[index + 1] as number) - (this.prefixMs[index] as number);
  }

  /** W at the start of day `index` (= W at the end of the previous day). */
  workingMsAtDayStart(index: number): number {
    return this.prefixMs[index] as number;
  }

  /** The instant the unit closes on day `index` (its last period's end); midnight if closed. */
  closingInstantOfDay(index: number): Instant {
    const ends = this.patternEnds[this.patternOfDay[index] ?? CLOSED_PATTERN] as Float64Array;
    return instantOfVietnamDay(this.firstDay + index, ends.length > 0 ? (ends[ends.length - 1] as number) : 0);
  }

  // ── The working-time axis ─────────────────────────────────────────────────

  /** W(t): working milliseconds from the start of the range to `instant`. */
  workingMsAt(instant: Instant): number {
    assertInstant(instant);
    const local = instant + VIETNAM_UTC_OFFSET_MS;
    const epochDay = Math.floor(local / MS_PER_DAY);
    const index = epochDay - this.firstDay;
    if (!(index >= 0 && index < this.dayCount)) throw this.outOfRange(epochDay);
    const msOfDay = local - epochDay * MS_PER_DAY;
    const pattern = this.patternOfDay[index] as number;
    let worked = this.prefixMs[index] as number;
    if (pattern !== CLOSED_PATTERN) {
      const starts = this.patternStarts[pattern] as Float64Array;
      const ends = this.patternEnds[pattern] as Float64Array;
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i] as number;
        if (msOfDay <= start) break;
        const end = ends[i] as number;
        worked += (msOfDay < end ? msOfDay : end) - start;
      }
    }
    return worked;
  }

  /** Total working ms in the range: the largest valid position on the axis. */
  get totalWorkingMs(): number {
    return this.prefixMs[this.dayCount] as number;
  }

  /**
   * The earliest instant at which position `w` is reached: a deadline that
   * uses up the last minute before lunch is 11:30, not 13:30; the last minute
   * of the day is 17:00, not 07:00 next morning.
   */
  instantAtWorkingMs(w: number): Instant {
    if (w <= 0) return instantOfVietnamDay(this.firstDay, 0);
    const index = this.searchDay(w, true);
    return this.instantWithinDay(index, w - (this.prefixMs[index] as number), true);
  }

  /**
   * The first instant from which working time runs on after position `w`
   * (the next working moment): from 11:30 that is 13:30, from 17:00 the
   * next working day's opening.
   */
  resumeInstantAtWorkingMs(w: number): Instant {
    const index = this.searchDay(w, false);
    return this.instantWithinDay(index, w - (this.prefixMs[index] as number), false);
  }

  /** Smallest day index whose end position is ≥ w (inclusive) or > w (exclusive). */
  private searchDay(w: number, inclusive: boolean): number {
    const prefix = this.prefixMs;
    const total = prefix[this.dayCount] as number;
    if (inclusive ? w > total : w >= total) throw this.outOfRange(this.firstDay + this.dayCount);
    let low = 0;
    let high = this.dayCount - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const end = prefix[middle + 1] as number;
      if (inclusive ? end >= w : end > w) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private instantWithinDay(index: number, offset: number, inclusive: boolean): Instant {
    const pattern = this.patternOfDay[index] as number;
    const starts = this.patternStarts[pattern] as Float64Array;
    const ends = this.patternEnds[pattern] as Float64Array;
    let remaining = offset;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] as number;
      const length = (ends[i] as number) - start;
      if (inclusive ? remaining <= length : remaining < length) {
        return (this.firstDay + index) * MS_PER_DAY + start + remaining - VIETNAM_UTC_OFFSET_MS;
      }
      remaining -= length;
    }
    // Unreachable when the tables are consistent: the search picked a day that contains `offset`.
    throw new Error(`working-time axis inconsistent at day ${index}`);
  }

  private outOfRange(epochDay: number): CalendarError {
    const year = fromEpochDay(epochDay).year;
    return new CalendarError(
      'YEAR_OUT_OF_RANGE',
      `${year} is outside this calendar's years ${this.fromYear}–${this.toYear}`,
      { year, fromYear: this.fromYear, toYear: this.toYear },
    );
  }
}

export function buildCalendar(options: CalendarOptions = {}): WorkingCalendar {
  return new WorkingCalendar(options);
}
