/**
 * Public API of the calendar module: the Vietnamese lunar calendar, statutory
 * holidays and yearly schedules, unit working hours, and deadline arithmetic.
 * See README.md in this folder for the concepts.
 */
export { CALENDAR_ERROR_CODES, CalendarError, attempt } from './errors.ts';
export type { CalendarErrorCode, CalendarResult } from './errors.ts';

export {
  addDays,
  addMonths,
  compareLocalDates,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isValidLocalDate,
  parseIsoDate,
  toEpochDay,
  weekdayOf,
} from './local-date.ts';
export type { IsoWeekday, LocalDate } from './local-date.ts';

export {
  MS_PER_DAY,
  MS_PER_MINUTE,
  VIETNAM_UTC_OFFSET_MS,
  formatVietnamDateTime,
  parseTimeOfDay,
  parseVietnamDateTime,
  toVietnamLocal,
  vietnamInstant,
} from './vietnam-time.ts';
export type { Instant, VietnamLocalTime } from './vietnam-time.ts';

export { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
export type { LunarDate } from './lunar.ts';

export {
  COMPENSATORY_LABEL,
  DEFAULT_HOLIDAY_RULES,
  HOLIDAY_IDS,
  HOLIDAY_LABELS,
  holidayAnchorDay,
  statutoryHoliday,
  statutoryHolidays,
} from './holidays.ts';
export type { HolidayId, HolidayRules, StatutoryHoliday } from './holidays.ts';

export {
  OFFICIAL_SCHEDULES,
  OFFICIAL_SCHEDULE_2026,
  OFFICIAL_SCHEDULE_ENTRIES,
  SCHEDULE_ENTRY_KINDS,
  calendarOverridesSchema,
  findScheduleConflicts,
  isoDateSchema,
  scheduleEntrySchema,
  yearScheduleSchema,
} from './schedule.ts';
export type { CalendarOverrides, ScheduleConflict, ScheduleEntry, ScheduleEntryKind, YearSchedule } from './schedule.ts';

export { DAY_KINDS, defaultScheduleEntries } from './day-table.ts';
export type { DayKind } from './day-table.ts';

export { SCHEDULE_CSV_COLUMNS, formatScheduleCsv, parseScheduleCsv } from './csv.ts';
export type { ScheduleCsvColumn, ScheduleCsvError, ScheduleCsvErrorCode, ScheduleCsvResult } from './csv.ts';

export {
  DEFAULT_WORKING_HOURS,
  DEFAULT_WORKING_HOURS_SPEC,
  MINUTES_PER_WORKING_DAY,
  WEEKDAY_NAMES,
  parseWorkingHours,
  workingHoursSpecSchema,
} from './working-hours.ts';
export type { TimePeriod, WeekdayName, WorkingHours, WorkingHoursSpec } from './working-hours.ts';

export { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR, WorkingCalendar, buildCalendar } from './calendar.ts';
export type { CalendarOptions, DayInfo } from './calendar.ts';

export { DURATION_UNITS, calendarDays, durationSchema, months, workingDays, workingHours } from './duration.ts';
export type { Duration, DurationUnit } from './duration.ts';

export { countingStart, deadlineDay, dueDate, dueInstant, remainingTime, workingTimeBetween } from './deadline.ts';
export type { Deadline, DeadlineOptions, RemainingTime, WorkingTime } from './deadline.ts';

export { dueDateWithPauses, elapsedWorkingTime, mergePauses } from './pauses.ts';
export type { ClockPause, PausedDeadline } from './pauses.ts';

export { scheduleSteps, splitBudget } from './budget.ts';
export type { BudgetGranularity, SplitOptions, StepBudget, StepSchedule } from './budget.ts';
