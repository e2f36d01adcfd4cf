/**
 * A unit's opening hours: the periods worked on each weekday and on make-up
 * working days, and how long one working day is for durations in days.
 */
import { z } from 'zod';
import { CalendarError } from './errors.ts';
import { formatTimeOfDay, parseTimeOfDay } from './vietnam-time.ts';

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

const PERIOD_PATTERN = /^\d{2}:\d{2}-\d{2}:\d{2}$/;
const periodListSchema = z.array(z.string().regex(PERIOD_PATTERN, 'expected a period as HH:MM-HH:MM'));

export const workingHoursSpecSchema = z
  .object({
    /** Opening periods per weekday, e.g. `['07:00-11:30', '13:30-17:00']`; a missing day is closed. */
    weekly: z.partialRecord(z.enum(WEEKDAY_NAMES), periodListSchema),
    /** Periods worked on a make-up working day (a rest day turned into a working day); default: Monday's. */
    makeUpDay: periodListSchema.optional(),
    /** Length of one working day for durations in working days; 480 (8 h) by regulation. */
    minutesPerWorkingDay: z.number().int().positive().max(1440).optional(),
  })
  .strict();

export type WorkingHoursSpec = z.infer<typeof workingHoursSpecSchema>;

/** A half-open period [start, end) in minutes since local midnight. */
export interface TimePeriod {
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface WorkingHours {
  /** Index 1 = Monday … 7 = Sunday (ISO); index 0 unused. */
  readonly byIsoWeekday: readonly (readonly TimePeriod[])[];
  readonly makeUpDay: readonly TimePeriod[];
  readonly minutesPerWorkingDay: number;
}

export const STANDARD_OFFICE_PERIODS = ['07:00-11:30', '13:30-17:00'] as const;
export const MINUTES_PER_WORKING_DAY = 480;

/** Monday–Friday 07:00–11:30 and 13:30–17:00 (REGULATIONS.md §6). */
export const DEFAULT_WORKING_HOURS_SPEC: WorkingHoursSpec = {
  weekly: {
    monday: [...STANDARD_OFFICE_PERIODS],
    tuesday: [...STANDARD_OFFICE_PERIODS],
    wednesday: [...STANDARD_OFFICE_PERIODS],
    thursday: [...STANDARD_OFFICE_PERIODS],
    friday: [...STANDARD_OFFICE_PERIODS],
  },
};

function invalid(message: string, details: Record<string, unknown>): CalendarError {
  return new CalendarError('INVALID_HOURS', message, details);
}

function parsePeriods(periods: readonly string[], where: string): TimePeriod[] {
  const parsed = periods.map((text) => {
    const [start, end] = text.split('-');
    if (!PERIOD_PATTERN.test(text) || start === undefined || end === undefined) {
      throw invalid(`${where}: expected HH:MM-HH:MM, got "${text}"`, { where, value: text });
    }
    let period: TimePeriod;
    try {
      period = { startMinute: parseTimeOfDay(start), endMinute: parseTimeOfDay(end) };
    } catch {
      throw invalid(`${where}: not a time of day in "${text}"`, { where, value: text });
    }
    if (period.endMinute <= period.startMinute) throw invalid(`${where}: "${text}" ends before it starts`, { where, value: text });
    return period;
  });
  parsed.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < parsed.length; i++) {
    if ((parsed[i] as TimePeriod).startMinute < (parsed[i - 1] as TimePeriod).endMinute) {
      throw invalid(`${where}: periods overlap`, { where, value: periods });
    }
  }
  return parsed;
}

export function parseWorkingHours(spec: WorkingHoursSpec = DEFAULT_WORKING_HOURS_SPEC): WorkingHours {
  const checked = workingHoursSpecSchema.safeParse(spec);
  if (!checked.success) {
    throw invalid(`Invalid working hours: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      issues: checked.error.issues,
    });
  }
  const byIsoWeekday: TimePeriod[][] = [[]];
  for (const name of WEEKDAY_NAMES) byIsoWeekday.push(parsePeriods(spec.weekly[name] ?? [], name));
  const makeUpDay = spec.makeUpDay ? parsePeriods(spec.makeUpDay, 'makeUpDay') : (byIsoWeekday[1] as TimePeriod[]);
  return { byIsoWeekday, makeUpDay, minutesPerWorkingDay: spec.minutesPerWorkingDay ?? MINUTES_PER_WORKING_DAY };
}

export const DEFAULT_WORKING_HOURS: WorkingHours = parseWorkingHours();

export function periodsLength(periods: readonly TimePeriod[]): number {
  return periods.reduce((sum, p) => sum + p.endMinute - p.startMinute, 0);
}

export function formatPeriods(periods: readonly TimePeriod[]): string[] {
  return periods.map((p) => `${formatTimeOfDay(p.startMinute)}-${formatTimeOfDay(p.endMinute)}`);
}
