/**
 * The dossier lifecycle as appended events. Each event names its type; the transition table says from
 * which statuses it may happen and to which it leads. The current state is a fold over the events, so
 * the status, the clock pauses, the holder and every figure derive from history (DESIGN.md).
 *
 * Transitions follow REGULATIONS.md §3 (marked U there: kept in this one table so they can change):
 *   (none)|1 ─received→ 2 ─assigned→ 4 ─result_issued→ 9 ─returned→ 10
 *   (none)|1 ─intake_supplement_requested→ 1 (no clock) · (none)|1 ─refused→ 3
 *   4 ─supplement_requested→ 5 ─supplement_received→ 4 · 4 ─fee_requested→ 6 ─fee_paid→ 4
 *   1|2|4|5|6 ─withdrawal_requested→ 7 ─stopped→ 8 · 4|5|6 ─stopped→ 8 (before any result)
 *   apology_issued: once, while 2|4|5|6, status unchanged.
 */
import type { DossierStatus } from './statuses.ts';

export const EVENT_TYPES = [
  'submitted',
  'intake_supplement_requested',
  'received',
  'refused',
  'assigned',
  'note',
  'supplement_requested',
  'supplement_received',
  'fee_requested',
  'fee_paid',
  'withdrawal_requested',
  'stopped',
  'result_issued',
  'returned',
  'apology_issued',
] as const;
export type DossierEventType = (typeof EVENT_TYPES)[number];

export const TRANSITIONS: Record<DossierEventType, { from: readonly (DossierStatus | null)[]; to: DossierStatus | 'same' }> = {
  submitted: { from: [null], to: 1 },
  intake_supplement_requested: { from: [null, 1], to: 1 },
  received: { from: [null, 1], to: 2 },
  refused: { from: [null, 1], to: 3 },
  assigned: { from: [2, 4], to: 4 },
  note: { from: [1, 2, 4, 5, 6, 7, 9], to: 'same' },
  supplement_requested: { from: [4], to: 5 },
  supplement_received: { from: [5], to: 4 },
  fee_requested: { from: [4], to: 6 },
  fee_paid: { from: [6], to: 4 },
  withdrawal_requested: { from: [1, 2, 4, 5, 6], to: 7 },
  stopped: { from: [4, 5, 6, 7], to: 8 },
  result_issued: { from: [4], to: 9 },
  returned: { from: [9], to: 10 },
  apology_issued: { from: [2, 4, 5, 6], to: 'same' },
};

export interface DossierEvent {
  type: DossierEventType;
  /** Epoch milliseconds. */
  at: number;
  actorId: string | null;
  /** The unit acting (for hand-overs: the unit the dossier goes to). */
  unitId: string | null;
  reason?: string | null;
  data?: {
    /** assigned: the officer now holding the dossier and the process step. */
    assigneeId?: string | null;
    stepIndex?: number;
    /** apology_issued: the one new appointment. */
    newDueAt?: number;
    /** result_issued: the unit the result goes to for return. */
    handToUnitId?: string;
    [key: string]: unknown;
  };
}

export type SupplementPolicy = 'pause' | 'restart';

export interface ClockPauseSpan {
  start: number;
  end: number | null;
  kind: 'supplement' | 'fee';
}

export interface Handover {
  at: number;
  fromUnitId: string | null;
  toUnitId: string | null;
  assigneeId: string | null;
  stepIndex: number | null;
}

export interface DossierState {
  status: DossierStatus | null;
  /** How many events: the optimistic-concurrency version. */
  version: number;
  submittedAt: number | null;
  receivedAt: number | null;
  /** Where the processing clock counts from: reception, or the last supplement under a restart policy. */
  clockStart: number | null;
  pauses: ClockPauseSpan[];
  /** Supplement requests during processing; a second one counts the dossier late in the national index. */
  supplementRequests: number;
  intakeSupplementRequests: number;
  holdingUnitId: string | null;
  assigneeId: string | null;
  stepIndex: number | null;
  handovers: Handover[];
  apology: { at: number; newDueAt: number; reason: string | null } | null;
  resultIssuedAt: number | null;
  returnedAt: number | null;
  refusedAt: number | null;
  stoppedAt: number | null;
  withdrawalRequestedAt: number | null;
}

export const EMPTY_STATE: DossierState = {
  status: null,
  version: 0,
  submittedAt: null,
  receivedAt: null,
  clockStart: null,
  pauses: [],
  supplementRequests: 0,
  intakeSupplementRequests: 0,
  holdingUnitId: null,
  assigneeId: null,
  stepIndex: null,
  handovers: [],
  apology: null,
  resultIssuedAt: null,
  returnedAt: null,
  refusedAt: null,
  stoppedAt: null,
  withdrawalRequestedAt: null,
};

export type TransitionError =
  | { code: 'illegal_transition'; type: DossierEventType; from: DossierStatus | null }
  | { code: 'apology_already_issued' }
  | { code: 'apology_needs_new_date' }
  | { code: 'event_before_previous'; at: number; previous: number };

export interface FoldOptions {
  supplementPolicy?: SupplementPolicy;
  /** Time of the previous event, to refuse events dated before it. */
  lastEventAt?: number;
}

function closePause(pauses: ClockPauseSpan[], kind: ClockPauseSpan['kind'], at: number): ClockPauseSpan[] {
  return pauses.map((p) => (p.kind === kind && p.end === null ? { ...p, end: at } : p));
}

/** The state after one more event, or why the event is not allowed now. */
export function applyEvent(
  state: DossierState,
  event: DossierEvent,
  options: FoldOptions = {},
): { ok: true; state: DossierState } | { ok: false; error: TransitionError } {
  const rule = TRANSITIONS[event.type];
  if (!rule.from.includes(state.status)) return { ok: false, error: { code: 'illegal_transition', type: event.type, from: state.status } };
  const previous = options.lastEventAt;
  if (previous !== undefined && event.at < previous) return { ok: false, error: { code: 'event_before_previous', at: event.at, previous } };
  const next: DossierState = { ...state, version: state.version + 1, status: rule.to === 'same' ? state.status : rule.to };
  const at = event.at;
  switch (event.type) {
    case 'submitted':
      next.submittedAt = at;
      break;
    case 'intake_supplement_requested':
      next.intakeSupplementRequests++;
      break;
    case 'received':
      next.receivedAt = at;
      next.clockStart = at;
      next.holdingUnitId = event.unitId;
      break;
    case 'refused':
      next.refusedAt = at;
      break;
    case 'assigned': {
      const assigneeId = event.data?.assigneeId ?? null;
      const stepIndex = event.data?.stepIndex ?? state.stepIndex;
      next.handovers = [...state.handovers, { at, fromUnitId: state.holdingUnitId, toUnitId: event.unitId, assigneeId, stepIndex: stepIndex ?? null }];
      next.holdingUnitId = event.unitId;
      next.assigneeId = assigneeId;
      next.stepIndex = stepIndex ?? null;
      break;
    }
    case 'supplement_requested':
      next.supplementRequests++;
      next.pauses = [...state.pauses, { start: at, end: null, kind: 'supplement' }];
      break;
    case 'supplement_received':
      if ((options.supplementPolicy ?? 'pause') === 'restart') {
        // The clock starts again from zero when the completed dossier comes back (NĐ 297/2025).
        next.clockStart = at;
        next.pauses = [];
      } else next.pauses = closePause(state.pauses, 'supplement', at);
      break;
    case 'fee_requested':
      next.pauses = [...state.pauses, { start: at, end: null, kind: 'fee' }];
      break;
    case 'fee_paid':
      next.pauses = closePause(state.pauses, 'fee', at);
      break;
    case 'withdrawal_requested':
      next.withdrawalRequestedAt = at;
      break;
    case 'stopped':
      next.stoppedAt = at;
      next.pauses = closePause(closePause(state.pauses, 'supplement', at), 'fee', at);
      break;
    case 'result_issued': {
      next.resultIssuedAt = at;
      // The result goes back to the unit that returns it (the receiving counter): a hand-over.
      const handTo = typeof event.data?.handToUnitId === 'string' ? event.data.handToUnitId : null;
      if (handTo) {
        const stepIndex = event.data?.stepIndex ?? state.stepIndex;
        next.handovers = [...state.handovers, { at, fromUnitId: state.holdingUnitId, toUnitId: handTo, assigneeId: null, stepIndex: stepIndex ?? null }];
        next.holdingUnitId = handTo;
        next.assigneeId = null;
        next.stepIndex = stepIndex ?? null;
      }
      break;
    }
    case 'returned':
      next.returnedAt = at;
      break;
    case 'apology_issued': {
      if (state.apology) return { ok: false, error: { code: 'apology_already_issued' } };
      const newDueAt = event.data?.newDueAt;
      if (typeof newDueAt !== 'number') return { ok: false, error: { code: 'apology_needs_new_date' } };
      next.apology = { at, newDueAt, reason: event.reason ?? null };
      break;
    }
    case 'note':
      break;
  }
  return { ok: true, state: next };
}

/** The state of a dossier from its stored events (which were each checked when appended). */
export function foldEvents(events: readonly DossierEvent[], options: FoldOptions = {}): DossierState {
  let state = EMPTY_STATE;
  for (const event of events) {
    const result = applyEvent(state, event, { ...(options.supplementPolicy ? { supplementPolicy: options.supplementPolicy } : {}) });
    if (!result.ok) throw new Error(`stored events do not fold: ${JSON.stringify(result.error)} at ${event.type}`);
    state = result.state;
  }
  return state;
}

/** Which events may happen next: the office app shows only these actions. */
export function allowedEvents(state: DossierState): DossierEventType[] {
  return EVENT_TYPES.filter((type) => TRANSITIONS[type].from.includes(state.status) && !(type === 'apology_issued' && state.apology));
}
