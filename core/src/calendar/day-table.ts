/**
 * Resolves what every day of a year range is, nationally: a working day, a
 * weekly rest day, a holiday, a compensatory day, a make-up working day or a
 * scheduled day off. Unit working hours come later (calendar.ts).
 *
 * Order of precedence, lowest first:
 *  1. weekly rest on Saturday and Sunday;
 *  2. computed statutory holidays, except those replaced by tagged entries;
 *  3. tagged (official) schedule entries;
 *  4. compensatory days for the computed holidays that fell on a rest day;
 *  5. untagged (local) schedule entries.
 */
import { CalendarError } from './errors.ts';
import {
  COMPENSATORY_LABEL,
  DEFAULT_HOLIDAY_RULES,
  HOLIDAY_IDS,
  HOLIDAY_LABELS,
  compensatoryDays,
  holidayAnchorDay,
  isWeeklyRestDay,
  statutoryHoliday,
} from './holidays.ts';
import type { HolidayId, HolidayRules } from './holidays.ts';
import { epochDayOf, formatIsoDate, fromEpochDay, parseIsoDate } from './local-date.ts';
import { findScheduleConflicts } from './schedule.ts';
import type { CalendarOverrides, ScheduleEntry } from './schedule.ts';

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'compensatory', 'makeUpWorkday', 'scheduledOff'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

const KIND_CODE: Readonly<Record<DayKind, number>> = {
  workday: 0,
  weekend: 1,
  holiday: 2,
  compensatory: 3,
  makeUpWorkday: 4,
  scheduledOff: 5,
};

export function dayKindOfCode(code: number): DayKind {
  return DAY_KINDS[code] ?? 'workday';
}

/** Days the nation works on (before a unit's own opening hours are applied). */
export function isNationalWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'makeUpWorkday';
}

export interface NationalDayTable {
  readonly firstDay: number;
  /** One `DAY_KINDS` index per day. */
  readonly kinds: Uint8Array;
  readonly labels: ReadonlyMap<number, string>;
  readonly holidays: ReadonlyMap<number, HolidayId>;
}

function entryDay(entry: ScheduleEntry): number {
  const date = parseIsoDate(entry.date);
  return epochDayOf(date.year, date.month, date.day);
}

/** The holiday occurrence a tagged entry belongs to: the one whose anchor day is nearest. */
function occurrenceYearOf(holiday: HolidayId, day: number): number | undefined {
  const year = fromEpochDay(day).year;
  let best: { year: number; distance: number } | undefined;
  for (const candidate of [year - 1, year, year + 1]) {
    let anchor: number;
    try {
      anchor = holidayAnchorDay(holiday, candidate);
    } catch (error) {
      if (error instanceof CalendarError) continue; // lunar year outside the supported range
      throw error;
    }
    const distance = Math.abs(anchor - day);
    if (!best || distance < best.distance) best = { year: candidate, distance };
  }
  return best?.year;
}

export function resolveNationalDays(
  fromYear: number,
  toYear: number,
  overrides: CalendarOverrides,
  rules: HolidayRules = DEFAULT_HOLIDAY_RULES,
): NationalDayTable {
  const conflicts = findScheduleConflicts(overrides);
  if (conflicts.length > 0) {
    const dates = conflicts.map((c) => c.date);
    throw new CalendarError('INVALID_SCHEDULE', `Schedule says both off and workday on ${dates.join(', ')}`, { dates });
  }
  const firstDay = epochDayOf(fromYear, 1, 1);
  const lastDay = epochDayOf(toYear, 12, 31);
  const kinds = new Uint8Array(lastDay - firstDay + 1);
  const labels = new Map<number, string>();
  const holidays = new Map<number, HolidayId>();
  const inRange = (day: number) => day >= firstDay && day <= lastDay;
  const mark = (day: number, kind: DayKind, label: string | null, holiday: HolidayId | null) => {
    if (!inRange(day)) return;
    kinds[day - firstDay] = KIND_CODE[kind];
    if (label === null) labels.delete(day);
    else labels.set(day, label);
    if (holiday === null) holidays.delete(day);
    else holidays.set(day, holiday);
  };

  for (let day = firstDay; day <= lastDay; day++) if (isWeeklyRestDay(day)) kinds[day - firstDay] = KIND_CODE.weekend;

  const tagged = overrides.filter((entry) => entry.holiday !== undefined);
  const local = overrides.filter((entry) => entry.holiday === undefined);

  const replaced = new Set<string>();
  for (const entry of tagged) {
    const holiday = entry.holiday as HolidayId;
    replaced.add(`${holiday}:${occurrenceYearOf(holiday, entryDay(entry))}`);
  }

  const statutoryDays: { day: number; holiday: HolidayId }[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const id of HOLIDAY_IDS) {
      if (replaced.has(`${id}:${year}`)) continue;
      for (const day of statutoryHoliday(id, year, rules).days) {
        statutoryDays.push({ day, holiday: id });
        mark(day, 'holiday', HOLIDAY_LABELS[id], id);
      }
    }
  }

  const officialDaysOff = new Set<number>();
  for (const entry of tagged) {
    const day = entryDay(entry);
    if (entry.kind === 'off') {
      officialDaysOff.add(day);
      mark(day, 'holiday', entry.label, entry.holiday ?? null);
    } else {
      mark(day, isWeeklyRestDay(day) ? 'makeUpWorkday' : 'workday', entry.label, entry.holiday ?? null);
    }
  }

  const statutoryDaySet = new Set(statutoryDays.map((d) => d.day));
  const isDayOff = (day: number) => statutoryDaySet.has(day) || officialDaysOff.has(day);
  for (const { day, holiday } of compensatoryDays(statutoryDays, isDayOff)) {
    mark(day, 'compensatory', `${COMPENSATORY_LABEL} ${HOLIDAY_LABELS[holiday]}`, holiday);
  }

  for (const entry of local) {
    const day = entryDay(entry);
    if (!inRange(day)) continue;
    const current = dayKindOfCode(kinds[day - firstDay] ?? 0);
    if (entry.kind === 'off') {
      // Already off nationally: keep the national reason.
      if (isNationalWorkingKind(current)) mark(day, 'scheduledOff', entry.label, null);
    } else {
      mark(day, isWeeklyRestDay(day) ? 'makeUpWorkday' : 'workday', entry.label, null);
    }
  }

  return { firstDay, kinds, labels, holidays };
}

/**
 * The computed default days off of one year (statutory days and compensatory
 * days), as tagged schedule entries — what applies until the official
 * schedule for that year is loaded.
 */
export function defaultScheduleEntries(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): ScheduleEntry[] {
  const table = resolveNationalDays(year, year, [], rules);
  const entries: ScheduleEntry[] = [];
  table.kinds.forEach((code, index) => {
    const kind = dayKindOfCode(code);
    if (kind !== 'holiday' && kind !== 'compensatory') return;
    const day = table.firstDay + index;
    entries.push({
      date: formatIsoDate(fromEpochDay(day)),
      kind: 'off',
      label: table.labels.get(day) ?? '',
      holiday: table.holidays.get(day) as HolidayId,
    });
  });
  return entries;
}
