/**
 * Processing-time durations as catalogues state them: working days (halves
 * allowed), working hours, calendar days, or months.
 */
import { z } from 'zod';
import { CalendarError } from './errors.ts';
import { MS_PER_MINUTE } from './vietnam-time.ts';

export const DURATION_UNITS = ['workingDays', 'workingHours', 'calendarDays', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Units walked through opening hours; the others follow the Civil Code. */
export type WorkingDurationUnit = 'workingDays' | 'workingHours';

export const durationSchema = z
  .object({
    unit: z.enum(DURATION_UNITS),
    value: z.number().finite().nonnegative(),
  })
  .strict()
  .refine((d) => isWorkingUnit(d.unit) || Number.isInteger(d.value), {
    message: 'calendar days and months must be whole numbers',
    path: ['value'],
  });

export interface Duration {
  readonly unit: DurationUnit;
  readonly value: number;
}

export const workingDays = (value: number): Duration => ({ unit: 'workingDays', value });
export const workingHours = (value: number): Duration => ({ unit: 'workingHours', value });
export const calendarDays = (value: number): Duration => ({ unit: 'calendarDays', value });
export const months = (value: number): Duration => ({ unit: 'months', value });

export function isWorkingUnit(unit: DurationUnit): unit is WorkingDurationUnit {
  return unit === 'workingDays' || unit === 'workingHours';
}

export function assertValidDuration(duration: Duration): void {
  const { unit, value } = duration ?? {};
  if (!(DURATION_UNITS as readonly string[]).includes(unit)) {
    throw new CalendarError('INVALID_DURATION', `Unknown duration unit "${String(unit)}"`, { unit });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CalendarError('INVALID_DURATION', `Duration value must be a finite number, got ${String(value)}`, { value });
  }
  if (value < 0) throw new CalendarError('NEGATIVE_DURATION', `Duration must not be negative, got ${value} ${unit}`, { value, unit });
  if (!isWorkingUnit(unit) && !Number.isInteger(value)) {
    throw new CalendarError('INVALID_DURATION', `${unit} must be a whole number, got ${value}`, { value, unit });
  }
}

/** Working milliseconds of a working-unit duration (rounded to the millisecond to absorb float noise). */
export function workingDurationMs(duration: Duration, minutesPerWorkingDay: number): number {
  assertValidDuration(duration);
  if (!isWorkingUnit(duration.unit)) {
    throw new CalendarError('UNSUPPORTED_UNIT', `${duration.unit} are not working time`, { unit: duration.unit });
  }
  return uncheckedWorkingDurationMs(duration, minutesPerWorkingDay);
}

/** `workingDurationMs` for a duration already validated and known to be in working units. */
export function uncheckedWorkingDurationMs(duration: Duration, minutesPerWorkingDay: number): number {
  const minutes = duration.unit === 'workingDays' ? duration.value * minutesPerWorkingDay : duration.value * 60;
  return Math.round(minutes * MS_PER_MINUTE);
}
