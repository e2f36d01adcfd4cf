/**
 * Splitting a procedure's total time budget across its process steps
 * (reception, appraisal, approval, return…), each step getting a share and a
 * due instant. Shares are rounded to a granularity (half-days when the total
 * allows, else hours, else minutes) by the largest-remainder method, so they
 * always add up exactly to the total and the last step's due instant equals
 * the dossier's due date.
 */
import type { WorkingCalendar } from './calendar.ts';
import { countingStart, countingStartPosition } from './deadline.ts';
import type { DeadlineOptions } from './deadline.ts';
import { workingDurationMs } from './duration.ts';
import type { Duration } from './duration.ts';
import { CalendarError } from './errors.ts';
import { MS_PER_MINUTE } from './vietnam-time.ts';
import { MINUTES_PER_WORKING_DAY } from './working-hours.ts';
import type { Instant } from './vietnam-time.ts';

export type BudgetGranularity = 'auto' | 'halfDay' | 'hour' | 'minute';

export interface SplitOptions {
  /** Default 'auto': the coarsest of half-day, hour, minute that divides the total and gives every step a unit. */
  readonly granularity?: BudgetGranularity;
  /** Length of a working day for totals in working days (default 480 = 8 h). */
  readonly minutesPerWorkingDay?: number;
}

export interface StepBudget {
  readonly index: number;
  readonly minutes: number;
  readonly workingDays: number;
}

export interface StepSchedule extends StepBudget {
  readonly start: Instant;
  readonly due: Instant;
}

function assertWeights(weights: readonly number[]): void {
  const valid = weights.length > 0 && weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0);
  if (!valid || weights.reduce((a, b) => a + b, 0) <= 0) {
    throw new CalendarError('INVALID_WEIGHTS', 'Step weights must be finite, non-negative and not all zero', { weights });
  }
}

/** Distributes `units` whole units by weight with the largest-remainder method (ties to the earlier step). */
function apportion(units: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (units * w) / sum);
  const shares = exact.map(Math.floor);
  let left = units - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index] = (shares[index] as number) + 1;
    left--;
  }
  return shares;
}

const starves = (shares: readonly number[], weights: readonly number[]) => shares.some((share, i) => share === 0 && (weights[i] as number) > 0);

/** Moves single units from the largest shares to weighted steps left with none, when there are enough units. */
function feedStarvedSteps(shares: number[], weights: readonly number[]): number[] {
  const positive = weights.filter((w) => w > 0).length;
  if (shares.reduce((a, b) => a + b, 0) < positive) return shares;
  for (let index = 0; index < shares.length; index++) {
    if ((weights[index] as number) > 0 && shares[index] === 0) {
      const donor = shares.reduce((best, value, i) => (value > (shares[best] as number) ? i : best), 0);
      shares[donor] = (shares[donor] as number) - 1;
      shares[index] = 1;
    }
  }
  return shares;
}

/**
 * Shares in ms and the unit used. 'auto' takes the coarsest unit (half-day,
 * hour, minute) that divides the total and leaves no weighted step without
 * time; a forced unit gives starved steps one unit taken from the largest.
 */
function apportionMs(totalMs: number, weights: readonly number[], granularity: BudgetGranularity, minutesPerWorkingDay: number): { shares: number[]; unit: number } {
  const units: Record<Exclude<BudgetGranularity, 'auto'>, number> = {
    halfDay: (minutesPerWorkingDay / 2) * MS_PER_MINUTE,
    hour: 60 * MS_PER_MINUTE,
    minute: MS_PER_MINUTE,
  };
  if (granularity !== 'auto') {
    const unit = units[granularity];
    return { shares: feedStarvedSteps(apportion(Math.floor(totalMs / unit), weights), weights), unit };
  }
  for (const unit of [units.halfDay, units.hour]) {
    if (totalMs % unit !== 0) continue;
    const shares = apportion(totalMs / unit, weights);
    if (!starves(shares, weights)) return { shares, unit };
  }
  return { shares: apportion(Math.floor(totalMs / units.minute), weights), unit: units.minute };
}

/**
 * Each step's share, in working minutes, of a total in working days or hours.
 * Weights may be fractions (0.2, 0.5, 0.3) or any proportional numbers.
 */
export function splitBudget(total: Duration, weights: readonly number[], options: SplitOptions = {}): StepBudget[] {
  assertWeights(weights);
  const minutesPerWorkingDay = options.minutesPerWorkingDay ?? MINUTES_PER_WORKING_DAY;
  const totalMs = workingDurationMs(total, minutesPerWorkingDay);
  const { shares: unitShares, unit } = apportionMs(totalMs, weights, options.granularity ?? 'auto', minutesPerWorkingDay);
  const shares = unitShares.map((count) => count * unit);
  const units = unitShares.reduce((a, b) => a + b, 0);
  // What does not fill a whole unit goes to the last weighted step, so the sum stays exact.
  let lastWeighted = 0;
  weights.forEach((w, index) => {
    if (w > 0) lastWeighted = index;
  });
  shares[lastWeighted] = (shares[lastWeighted] as number) + (totalMs - units * unit);
  return shares.map((ms, index) => {
    const minutes = ms / MS_PER_MINUTE;
    return { index, minutes, workingDays: minutes / minutesPerWorkingDay };
  });
}

/** Splits the budget and chains the steps from the counting start: each step starts when the previous one is due. */
export function scheduleSteps(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  total: Duration,
  weights: readonly number[],
  options: DeadlineOptions & SplitOptions = {},
): StepSchedule[] {
  const budgets = splitBudget(total, weights, { ...options, minutesPerWorkingDay: calendar.hours.minutesPerWorkingDay });
  const startPosition = countingStartPosition(calendar, receivedAt, options);
  let start = countingStart(calendar, receivedAt, options);
  let usedMs = 0;
  return budgets.map((budget) => {
    usedMs += Math.round(budget.minutes * MS_PER_MINUTE);
    const due = budget.minutes === 0 ? start : calendar.instantAtWorkingMs(startPosition + usedMs);
    const step = { ...budget, start, due };
    start = due;
    return step;
  });
}
