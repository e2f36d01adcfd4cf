/**
 * Reporting periods: a day, an ISO week (Monday to Sunday), a month, a quarter or a year, in Vietnam
 * dates. Days are epoch days (core/src/calendar/local-date.ts); ranges are half-open [from, to).
 */
import { addMonths, epochDayOf, formatIsoDate, fromEpochDay, parseIsoDate, toEpochDay, weekdayOfEpochDay } from '../calendar/local-date.ts';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export interface Period {
  grain: Grain;
  from: number;
  to: number;
  /** e.g. 2026-05-04, 2026-W19, 2026-05, 2026-Q2, 2026. */
  label: string;
}

export function periodOf(grain: Grain, day: number): Period {
  const d = fromEpochDay(day);
  switch (grain) {
    case 'day':
      return { grain, from: day, to: day + 1, label: formatIsoDate(d) };
    case 'week': {
      const from = day - (weekdayOfEpochDay(day) - 1);
      const thursday = fromEpochDay(from + 3);
      const week = Math.floor((from + 3 - epochDayOf(thursday.year, 1, 1)) / 7) + 1;
      return { grain, from, to: from + 7, label: `${thursday.year}-W${String(week).padStart(2, '0')}` };
    }
    case 'month': {
      const first = { year: d.year, month: d.month, day: 1 };
      return { grain, from: toEpochDay(first), to: toEpochDay(addMonths(first, 1)), label: `${d.year}-${String(d.month).padStart(2, '0')}` };
    }
    case 'quarter': {
      const q = Math.floor((d.month - 1) / 3);
      const first = { year: d.year, month: q * 3 + 1, day: 1 };
      return { grain, from: toEpochDay(first), to: toEpochDay(addMonths(first, 3)), label: `${d.year}-Q${q + 1}` };
    }
    case 'year':
      return { grain, from: epochDayOf(d.year, 1, 1), to: epochDayOf(d.year + 1, 1, 1), label: String(d.year) };
  }
}

/** The period of `grain` containing the ISO date `at`. */
export function periodAt(grain: Grain, at: string): Period {
  return periodOf(grain, toEpochDay(parseIsoDate(at)));
}

/** The `count` periods ending with `last` (oldest first): the trend charts' x axis. */
export function periodsBefore(last: Period, count: number): Period[] {
  const out = [last];
  while (out.length < count) out.unshift(periodOf(last.grain, out[0]!.from - 1));
  return out;
}

/** Whole months inside a period (month, quarter, year): the monthly counters answer them. */
export const isMonthAligned = (p: Period) => p.grain === 'month' || p.grain === 'quarter' || p.grain === 'year';

export const isoDay = (day: number) => formatIsoDate(fromEpochDay(day));
