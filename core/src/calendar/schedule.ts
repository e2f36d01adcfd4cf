/**
 * The yearly official schedule as data: days off and make-up working days
 * that override the computed defaults (holidays.ts). The same entries carry
 * province-specific extra days off.
 *
 * An entry tagged with a `holiday` belongs to the official arrangement of that
 * statutory holiday: any tagged entry replaces *all* computed default days of
 * that holiday occurrence (its days and compensatory days), so the schedule
 * need list only what the decision says. Untagged entries override single
 * dates and are applied last (local decisions on top of national ones).
 *
 * The Zod schemas also validate the HTTP API.
 */
import { z } from 'zod';
import { HOLIDAY_IDS } from './holidays.ts';
import { isIsoDate } from './local-date.ts';

export const SCHEDULE_ENTRY_KINDS = ['off', 'workday'] as const;
export type ScheduleEntryKind = (typeof SCHEDULE_ENTRY_KINDS)[number];

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected an existing date as YYYY-MM-DD' });

export const scheduleEntrySchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(SCHEDULE_ENTRY_KINDS),
    label: z.string().trim().min(1, 'label is required').max(200),
    holiday: z.enum(HOLIDAY_IDS).optional(),
  })
  .strict();

export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

/** Overrides of the computed calendar: official decisions plus local extra days. */
export type CalendarOverrides = readonly ScheduleEntry[];

export interface ScheduleConflict {
  readonly date: string;
  /** Indexes of the clashing entries in the list. */
  readonly indexes: readonly number[];
}

/**
 * Two entries of the same layer (tagged or untagged) on one date with different
 * kinds contradict each other; identical repeats are harmless.
 */
export function findScheduleConflicts(entries: CalendarOverrides): ScheduleConflict[] {
  const byKey = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const key = `${entry.date}|${entry.holiday === undefined ? 'local' : 'official'}`;
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  const conflicts: ScheduleConflict[] = [];
  for (const indexes of byKey.values()) {
    const kinds = new Set(indexes.map((i) => entries[i]?.kind));
    if (kinds.size > 1) conflicts.push({ date: entries[indexes[0] as number]?.date ?? '', indexes });
  }
  return conflicts;
}

export const calendarOverridesSchema = z.array(scheduleEntrySchema).superRefine((entries, context) => {
  for (const conflict of findScheduleConflicts(entries)) {
    context.addIssue({
      code: 'custom',
      path: [conflict.indexes[1] as number, 'kind'],
      message: `${conflict.date} is both a day off and a working day`,
    });
  }
});

export const yearScheduleSchema = z.object({
  year: z.number().int(),
  /** True only when checked against the official text. */
  verified: z.boolean(),
  source: z.string().min(1),
  entries: calendarOverridesSchema,
});

export type YearSchedule = z.infer<typeof yearScheduleSchema>;

/**
 * 2026, as decided by the Prime Minister and relayed by Lai Châu CV 6620/UBND-VX
 * (REGULATIONS.md §6, verified). The other 2026 holidays (1/1, Hùng Kings,
 * 30/4, 1/5) keep their computed defaults.
 */
export const OFFICIAL_SCHEDULE_2026: YearSchedule = {
  year: 2026,
  verified: true,
  source: 'Lai Châu CV 6620/UBND-VX (REGULATIONS.md §6)',
  entries: [
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(
      (date): ScheduleEntry => ({ date, kind: 'off', label: 'Nghỉ Tết Nguyên đán Bính Ngọ', holiday: 'tet' }),
    ),
    { date: '2026-08-22', kind: 'workday', label: 'Làm bù cho ngày nghỉ thứ Hai 31/08', holiday: 'nationalDay' },
    { date: '2026-08-31', kind: 'off', label: 'Nghỉ Quốc khánh (hoán đổi với thứ Bảy 22/08)', holiday: 'nationalDay' },
    { date: '2026-09-01', kind: 'off', label: 'Nghỉ Quốc khánh', holiday: 'nationalDay' },
    { date: '2026-09-02', kind: 'off', label: 'Quốc khánh', holiday: 'nationalDay' },
  ],
};

/**
 * Official yearly schedules shipped with the module (the server seeds them).
 * Only 2026 is verified; every other year uses computed defaults until an
 * administrator loads its decision.
 */
export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = [OFFICIAL_SCHEDULE_2026];

export const OFFICIAL_SCHEDULE_ENTRIES: CalendarOverrides = OFFICIAL_SCHEDULES.flatMap((schedule) => schedule.entries);
