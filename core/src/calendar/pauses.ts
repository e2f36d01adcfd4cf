/**
 * Clock pauses: a supplement request or a wait for fees/taxes stops the
 * clock (QĐ 766 subtracts the supplement span). Given the pauses as
 * [start, end) intervals, the due date moves by the paused working time, and
 * elapsed time is counted net of it. A pause still open (`end: null`) that
 * begins before the due date leaves the due date unknown until it ends.
 *
 * For calendar-day and month periods the due day moves by the number of
 * local midnights that passed while paused.
 */
import type { WorkingCalendar } from './calendar.ts';
import { countingStart, countingStartPosition, deadlineDay, civilPeriodLastDay, endOfCivilPeriod, toWorkingTime } from './deadline.ts';
import type { DeadlineOptions, WorkingTime } from './deadline.ts';
import { assertValidDuration, isWorkingUnit, uncheckedWorkingDurationMs } from './duration.ts';
import type { Duration } from './duration.ts';
import { CalendarError } from './errors.ts';
import type { LocalDate } from './local-date.ts';
import { assertInstant, vietnamEpochDay } from './vietnam-time.ts';
import type { Instant } from './vietnam-time.ts';

export interface ClockPause {
  readonly start: Instant;
  /** null while the pause is still running. */
  readonly end: Instant | null;
}

export interface PausedDeadline {
  readonly receivedAt: Instant;
  readonly countingStart: Instant;
  /** null while an open pause holds the clock before the due date is reached. */
  readonly due: Instant | null;
  readonly dueDay: LocalDate | null;
  /** Working minutes paused before the due date (working-time durations). */
  readonly pausedWorkingMinutes: number;
  /** Days added to a calendar-day or month period. */
  readonly pausedDays: number;
}

/** Sorted, non-overlapping pauses; an open pause swallows everything after it. */
export function mergePauses(pauses: readonly ClockPause[]): ClockPause[] {
  for (const pause of pauses) {
    assertInstant(pause.start, 'pause start');
    if (pause.end !== null) {
      assertInstant(pause.end, 'pause end');
      if (pause.end < pause.start) {
        throw new CalendarError('INVALID_PAUSE', 'A pause cannot end before it starts', { start: pause.start, end: pause.end });
      }
    }
  }
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  const merged: ClockPause[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.end === null || pause.start <= last.end)) {
      const end = last.end === null || pause.end === null ? null : Math.max(last.end, pause.end);
      merged[merged.length - 1] = { start: last.start, end };
    } else {
      merged.push(pause);
    }
  }
  return merged;
}

export function dueDateWithPauses(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  duration: Duration,
  pauses: readonly ClockPause[],
  options: DeadlineOptions = {},
): PausedDeadline {
  assertValidDuration(duration);
  const merged = mergePauses(pauses);
  const start = countingStart(calendar, receivedAt, options);
  const result = isWorkingUnit(duration.unit)
    ? workingDueWithPauses(calendar, countingStartPosition(calendar, receivedAt, options), duration, merged, start)
    : civilDueWithPauses(calendar, start, duration, merged, options);
  return { receivedAt, countingStart: start, ...result, dueDay: result.due === null ? null : deadlineDay(result.due) };
}

function workingDueWithPauses(
  calendar: WorkingCalendar,
  startPosition: number,
  duration: Duration,
  pauses: readonly ClockPause[],
  start: Instant,
): { due: Instant | null; pausedWorkingMinutes: number; pausedDays: number } {
  let remaining = uncheckedWorkingDurationMs(duration, calendar.hours.minutesPerWorkingDay);
  if (remaining === 0) return { due: start, pausedWorkingMinutes: 0, pausedDays: 0 };
  let cursor = startPosition;
  let pausedMs = 0;
  for (const pause of pauses) {
    if (pause.end !== null && pause.end <= start) continue;
    if (pause.start >= calendar.instantAtWorkingMs(cursor + remaining)) break; // due before this pause began
    const pauseStart = Math.max(cursor, calendar.workingMsAt(Math.max(pause.start, start)));
    remaining -= pauseStart - cursor;
    if (pause.end === null) return { due: null, pausedWorkingMinutes: toWorkingTime(calendar, pausedMs).minutes, pausedDays: 0 };
    cursor = Math.max(pauseStart, calendar.workingMsAt(pause.end));
    pausedMs += cursor - pauseStart;
  }
  return {
    due: calendar.instantAtWorkingMs(cursor + remaining),
    pausedWorkingMinutes: toWorkingTime(calendar, pausedMs).minutes,
    pausedDays: 0,
  };
}

function civilDueWithPauses(
  calendar: WorkingCalendar,
  start: Instant,
  duration: Duration,
  pauses: readonly ClockPause[],
  options: DeadlineOptions,
): { due: Instant | null; pausedWorkingMinutes: number; pausedDays: number } {
  const nominalLastDay = civilPeriodLastDay(vietnamEpochDay(start), duration);
  let pausedDays = 0;
  let due = endOfCivilPeriod(calendar, nominalLastDay, options);
  for (const pause of pauses) {
    if (pause.start >= due) break;
    if (pause.end === null) return { due: null, pausedWorkingMinutes: 0, pausedDays };
    if (pause.end <= start) continue;
    pausedDays += vietnamEpochDay(pause.end) - vietnamEpochDay(Math.max(pause.start, start));
    due = endOfCivilPeriod(calendar, nominalLastDay + pausedDays, options);
  }
  return { due, pausedWorkingMinutes: 0, pausedDays };
}

/**
 * Working time elapsed on the clock from `start` to `now`, net of pauses
 * (an open pause counts as running until `now`).
 */
export function elapsedWorkingTime(
  calendar: WorkingCalendar,
  start: Instant,
  now: Instant,
  pauses: readonly ClockPause[] = [],
): WorkingTime {
  const from = calendar.workingMsAt(start);
  const to = calendar.workingMsAt(now);
  let paused = 0;
  for (const pause of mergePauses(pauses)) {
    if (pause.start >= now) break;
    const pauseFrom = Math.max(from, calendar.workingMsAt(Math.max(pause.start, start)));
    const pauseTo = Math.min(to, calendar.workingMsAt(pause.end === null ? now : Math.min(pause.end, now)));
    if (pauseTo > pauseFrom) paused += pauseTo - pauseFrom;
  }
  return toWorkingTime(calendar, to - from - paused);
}
