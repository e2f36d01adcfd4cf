import { dueDateWithPauses, splitBudget, type Duration, type WorkingCalendar } from '@motcua/core/calendar/index.ts';
import { dossierDeadline, timeliness, type Timeliness } from '@motcua/core/dossiers/deadline.ts';
import { foldEvents, type DossierEvent, type DossierState } from '@motcua/core/dossiers/lifecycle.ts';
import type { ProcessStep } from '@motcua/core/dossiers/process.ts';
import type { DossierRow } from './dossiers.repo.ts';

type EventRow = { type: string; at: Date; actor_id: string | null; unit_id: string | null; reason: string | null; data: Record<string, unknown> };

export function eventFromRow(row: EventRow): DossierEvent {
  return { type: row.type as DossierEvent['type'], at: row.at.getTime(), actorId: row.actor_id, unitId: row.unit_id, reason: row.reason, data: row.data as DossierEvent['data'] };
}

export interface Derived {
  state: DossierState;
  dueAt: number | null;
  effectiveDueAt: number | null;
  paused: boolean;
  timeliness: Timeliness | null;
  stepDues: (number | null)[];
}

/** Everything the dossier's columns and pages show, derived from its events and the calendar. */
export function derive(dossier: Pick<DossierRow, 'duration' | 'supplement_policy' | 'cutoff_15h' | 'cutoff_last_hour'>, events: DossierEvent[], calendar: WorkingCalendar, steps: ProcessStep[]): Derived {
  const state = foldEvents(events, { supplementPolicy: dossier.supplement_policy });
  const duration = dossier.duration as Duration | null;
  const options = { ...(dossier.cutoff_15h ? { cutoff15h: true } : {}), ...(dossier.cutoff_last_hour ? { cutoffLastHour: true } : {}) };
  const deadline = dossierDeadline(calendar, state, duration, options);
  const stepDues: (number | null)[] = steps.map(() => null);
  if (duration && state.clockStart !== null && (duration.unit === 'workingDays' || duration.unit === 'workingHours')) {
    const pauses = state.pauses.map((p) => ({ start: p.start, end: p.end }));
    let cumulative = 0;
    for (const share of splitBudget(duration, steps.map((s) => s.weight))) {
      cumulative += share.minutes;
      stepDues[share.index] = dueDateWithPauses(calendar, state.clockStart, { unit: 'workingHours', value: cumulative / 60 }, pauses, options).due;
    }
  } else if (steps.length > 0) stepDues[steps.length - 1] = deadline.dueAt;
  return {
    state,
    dueAt: deadline.dueAt,
    effectiveDueAt: deadline.effectiveDueAt,
    paused: deadline.paused,
    timeliness: state.resultIssuedAt !== null && deadline.dueAt !== null ? timeliness(state.resultIssuedAt, deadline.dueAt) : null,
    stepDues,
  };
}

/** The dossier's projected columns for a derived state. */
export function projectionOf(derived: Derived, holdingUnitPath: string | null, now: Date) {
  const s = derived.state;
  const finished = s.returnedAt ?? s.stoppedAt ?? s.refusedAt;
  return {
    version: s.version,
    status: s.status ?? 1,
    holding_unit_id: s.holdingUnitId,
    holding_unit_path: holdingUnitPath,
    assignee_id: s.assigneeId,
    step_index: s.stepIndex,
    received_at: s.receivedAt !== null ? new Date(s.receivedAt) : null,
    due_at: derived.dueAt !== null ? new Date(derived.dueAt) : null,
    effective_due_at: derived.effectiveDueAt !== null ? new Date(derived.effectiveDueAt) : null,
    paused: derived.paused,
    supplement_requests: s.supplementRequests,
    apology_issued: s.apology !== null,
    result_issued_at: s.resultIssuedAt !== null ? new Date(s.resultIssuedAt) : null,
    returned_at: s.returnedAt !== null ? new Date(s.returnedAt) : null,
    finished_at: finished !== null ? new Date(finished) : null,
    timeliness: derived.timeliness,
    updated_at: now,
  };
}
