/**
 * The calendar's HTTP contract, shared by the server (validation, OpenAPI) and the admin app.
 */
import { z } from 'zod';
import { HOLIDAY_IDS } from './holidays.ts';
import { SCHEDULE_ENTRY_KINDS, isoDateSchema } from './schedule.ts';
import { DAY_KINDS } from './day-table.ts';
import { workingHoursSpecSchema } from './working-hours.ts';
import type { Duration } from './duration.ts';

const DURATION_TEXT = /^(\d+(?:\.\d+)?)(wd|wh|cd|mo)?$/;
const SUFFIX_UNITS = { wd: 'workingDays', wh: 'workingHours', cd: 'calendarDays', mo: 'months' } as const;

/** `3` or `3wd` working days, `0.5wd`, `4wh` working hours, `3cd` calendar days, `2mo` months. */
export function parseDurationText(text: string): Duration | null {
  const match = DURATION_TEXT.exec(text.trim());
  if (!match) return null;
  const unit = SUFFIX_UNITS[(match[2] ?? 'wd') as keyof typeof SUFFIX_UNITS];
  const value = Number(match[1]);
  if ((unit === 'calendarDays' || unit === 'months') && !Number.isInteger(value)) return null;
  return { unit, value };
}

export const durationTextSchema = z
  .string()
  .max(20)
  .transform((text, ctx) => {
    const duration = parseDurationText(text);
    if (!duration) {
      ctx.addIssue({ code: 'custom', message: 'duration_format' });
      return z.NEVER;
    }
    return duration;
  })
  .describe('3 | 3wd (working days, halves allowed: 0.5wd) | 4wh (working hours) | 3cd (calendar days) | 2mo (months)');

/** An instant: ISO 8601 with an offset (2026-02-13T10:00:00+07:00) or Vietnam local time (2026-02-13T10:00). */
export const instantTextSchema = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, { message: 'instant_format' });

const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');

export const DueDateQuery = z.strictObject({
  from: instantTextSchema.describe('Thời điểm tiếp nhận / reception time'),
  duration: durationTextSchema,
  unit: z.string().max(60).optional().describe('Đơn vị (id hoặc mã định danh) / unit id or agency code; default: the province'),
  cutoff15h: booleanText.optional(),
  cutoffLastHour: booleanText.optional(),
  lang: z.enum(['vi', 'en']).optional(),
});

export const DueDateResult = z.object({
  receivedAt: z.string(),
  countingStart: z.string(),
  due: z.string(),
  dueDay: z.string().describe('YYYY-MM-DD: the day the deadline falls on (a 24:00 deadline belongs to the day it ends)'),
  dueLocal: z.string().describe('Vietnam local time, e.g. 2026-02-25T10:00 or 2026-03-09T24:00'),
  duration: z.object({ unit: z.string(), value: z.number() }),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
});

export const WorkingDaysQuery = z.strictObject({
  from: instantTextSchema,
  to: instantTextSchema,
  unit: z.string().max(60).optional(),
  lang: z.enum(['vi', 'en']).optional(),
});

export const WorkingDaysResult = z.object({
  from: z.string(),
  to: z.string(),
  workingMinutes: z.number(),
  workingDays: z.number().describe('working minutes ÷ 480'),
  daysOff: z.array(z.object({ date: z.string(), kind: z.string(), label: z.string().nullable() })),
});

export const CalendarEntry = z.object({
  date: isoDateSchema,
  kind: z.enum(SCHEDULE_ENTRY_KINDS),
  label: z.string(),
  holiday: z.enum(HOLIDAY_IDS).nullable(),
  scope: z.enum(['official', 'local']),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;

export const CalendarEntryInput = z.strictObject({
  date: isoDateSchema,
  kind: z.enum(SCHEDULE_ENTRY_KINDS),
  label: z.string().trim().min(1).max(200).transform((s) => s.normalize('NFC')),
  holiday: z.enum(HOLIDAY_IDS).nullable().optional(),
});

export const YearEntriesUpdate = z.strictObject({
  scope: z.enum(['official', 'local']),
  entries: z.array(CalendarEntryInput).max(366),
  /** Only show what would change; write nothing. */
  dryRun: z.boolean().optional(),
  /**
   * Open dossiers whose deadlines the edit would move: `keep` their promised dates (the edit applies to
   * dossiers received from now on), or `move` them too. Default: keep.
   */
  openDossiers: z.enum(['keep', 'move']).default('keep'),
});
export type YearEntriesUpdate = z.infer<typeof YearEntriesUpdate>;

export const DayView = z.object({
  date: z.string(),
  weekday: z.number().int(),
  kind: z.enum(DAY_KINDS),
  label: z.string().nullable(),
  holiday: z.string().nullable(),
  workingMinutes: z.number(),
});

export const YearView = z.object({
  year: z.number().int(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  days: z.array(DayView),
  entries: z.array(CalendarEntry),
  workingDayCount: z.number().int(),
});

export const YearChange = z.object({
  year: z.number().int(),
  scope: z.enum(['official', 'local']),
  changedDays: z.array(z.object({ date: z.string(), before: z.string(), after: z.string() })),
  /** Open dossiers whose due date would move if the edit applied to them too (first 100 listed). */
  affectedDossiers: z.object({
    total: z.number().int(),
    items: z.array(z.object({ id: z.uuid(), code: z.string().nullable(), dueAt: z.string(), dueIfMoved: z.string().nullable() })),
  }),
  openDossiers: z.enum(['keep', 'move']),
  applied: z.boolean(),
});

export const WorkingHoursBody = workingHoursSpecSchema;
