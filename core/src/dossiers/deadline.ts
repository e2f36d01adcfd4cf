/**
 * A dossier's appointment and timeliness, derived from its state and the unit's working calendar.
 */
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { dueDateWithPauses } from '../calendar/pauses.ts';
import { workingTimeBetween, type DeadlineOptions } from '../calendar/deadline.ts';
import type { Duration } from '../calendar/duration.ts';
import { vietnamEpochDay } from '../calendar/vietnam-time.ts';
import type { DossierState } from './lifecycle.ts';

export interface DossierDeadline {
  /** The appointment as first promised (receipt), with pauses: null while a pause is open. */
  dueAt: number | null;
  /** The appointment in force: the apology letter's new date when there is one. */
  effectiveDueAt: number | null;
  pausedWorkingMinutes: number;
  paused: boolean;
}

export function dossierDeadline(calendar: WorkingCalendar, state: DossierState, duration: Duration | null, options: DeadlineOptions = {}): DossierDeadline {
  const paused = state.pauses.some((p) => p.end === null);
  if (state.clockStart === null || duration === null) {
    return { dueAt: null, effectiveDueAt: state.apology?.newDueAt ?? null, pausedWorkingMinutes: 0, paused };
  }
  const result = dueDateWithPauses(calendar, state.clockStart, duration, state.pauses.map((p) => ({ start: p.start, end: p.end })), options);
  return {
    dueAt: result.due,
    effectiveDueAt: state.apology?.newDueAt ?? result.due,
    pausedWorkingMinutes: result.pausedWorkingMinutes,
    paused,
  };
}

export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * Early: finished on a day before the appointment's day; on time: by the appointment; late: after it
 * (Circular 01/2018 control sheet: trước hạn / đúng hạn / quá hạn).
 */
export function timeliness(finishedAt: number, dueAt: number): Timeliness {
  if (finishedAt > dueAt) return 'late';
  // A 24:00 deadline belongs to the day it ends: compare with the instant just before it.
  return vietnamEpochDay(finishedAt) < vietnamEpochDay(dueAt - 1) ? 'early' : 'on_time';
}

/** Working time left until the appointment (negative when overdue), in working minutes. */
export function workingMinutesLeft(calendar: WorkingCalendar, now: number, dueAt: number): number {
  return now <= dueAt ? workingTimeBetween(calendar, now, dueAt).minutes : -workingTimeBetween(calendar, dueAt, now).minutes;
}
