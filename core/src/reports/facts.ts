/**
 * A dossier as the statistics see it (its "fact"), and what it adds to the counters. The fact is derived
 * from the dossier's events (see server/src/modules/reports/reports.facts.ts); the counters are sums of
 * `contributions(fact)` over all dossiers, so keeping them up to date is: subtract the old fact's
 * contributions, add the new one's. Pure: no I/O, no clock.
 */
import { vietnamEpochDay } from '../calendar/vietnam-time.ts';

/** No officer (the dossier was never assigned to a named person): a key column cannot be null. */
export const NO_OFFICER = '00000000-0000-0000-0000-000000000000';
/** The day key of an open dossier without an appointment (paused, or no number in the catalog). */
export const NO_DUE_DAY = 0;
/** Processing times are counted in half working days for the p90 histogram (4 working hours). */
export const BUCKET_MINUTES = 240;
export const MAX_BUCKET = 400;

export type IntakeOutcome = 'received' | 'refused' | 'pending';
export type EndOutcome = 'early' | 'on_time' | 'late' | 'withdrawn' | 'stopped';
export type CounterKind = 'received' | 'finished' | 'open';

export interface DossierFact {
  dossierId: string;
  version: number;
  /** The unit that decides the dossier (competent unit): figures roll up its subtree. */
  unitId: string;
  procedureCode: string;
  field: string;
  /** The last officer the dossier was assigned to (who processed it), or NO_OFFICER. */
  officerId: string;
  channel: 1 | 2 | 3;
  /** Vietnam epoch day of reception, or of creation for dossiers not (yet) received. */
  day: number;
  intake: IntakeOutcome;
  /** Processing ended: the result issued, or the dossier stopped (withdrawn, or refused after appraisal). */
  endDay: number | null;
  endOutcome: EndOutcome | null;
  /** Net working minutes from reception to the result, clock pauses excluded (results only). */
  workingMinutes: number | null;
  /** On time under QĐ 766 indicator 2.1 (results only; see `onTime766`). */
  onTime766: boolean;
  /** Received and not ended: its appointment in force (null while paused or without a number). */
  open: boolean;
  dueAt: number | null;
  supplementRequests: number;
  /** Every document handed in at intake was digitized (scanned or filed electronically). */
  digitized: boolean;
  /** The procedure's result is a document (a paper or a decision). */
  docResultRequired: boolean;
  /** A result document with an electronic file was issued. */
  resultFile: boolean;
  apologyIssued: boolean;
  /** A late result's appointment (the dossier's `due_at`): the late list's order key. Null otherwise. */
  lateDueAt: number | null;
}

export interface Measures {
  n: number;
  supplement_n: number;
  digitized_n: number;
  online_ok_n: number;
  minutes: number;
  timed_n: number;
  on_time_766_n: number;
  result_file_n: number;
  doc_result_n: number;
}
export const MEASURES = ['n', 'supplement_n', 'digitized_n', 'online_ok_n', 'minutes', 'timed_n', 'on_time_766_n', 'result_file_n', 'doc_result_n'] as const satisfies readonly (keyof Measures)[];
export const zeroMeasures = (): Measures => ({ n: 0, supplement_n: 0, digitized_n: 0, online_ok_n: 0, minutes: 0, timed_n: 0, on_time_766_n: 0, result_file_n: 0, doc_result_n: 0 });

export interface Contribution {
  kind: CounterKind;
  /** received: reception day; finished: end day; open: the appointment's day (NO_DUE_DAY if none). */
  day: number;
  outcome: IntakeOutcome | EndOutcome | 'open';
  measures: Measures;
  /** Half-working-day bucket of the processing time (finished with a result only). */
  bucket: number | null;
}

/**
 * QĐ 766 indicator 3.3 counts an online dossier only when it has an electronic result where the result is
 * a document (REGULATIONS.md §9).
 */
export const onlineCounts = (f: Pick<DossierFact, 'channel' | 'docResultRequired' | 'resultFile'>) => f.channel === 2 && (!f.docResultRequired || f.resultFile);

export function bucketOf(minutes: number): number {
  return Math.min(MAX_BUCKET, Math.max(0, Math.ceil(minutes / BUCKET_MINUTES)));
}

export function contributions(f: DossierFact): Contribution[] {
  const out: Contribution[] = [];
  const received = zeroMeasures();
  received.n = 1;
  received.supplement_n = f.supplementRequests > 0 ? 1 : 0;
  received.digitized_n = f.digitized ? 1 : 0;
  received.online_ok_n = f.intake === 'received' && onlineCounts(f) ? 1 : 0;
  out.push({ kind: 'received', day: f.day, outcome: f.intake, measures: received, bucket: null });
  if (f.endDay !== null && f.endOutcome !== null) {
    const m = zeroMeasures();
    m.n = 1;
    m.supplement_n = f.supplementRequests > 0 ? 1 : 0;
    const result = f.endOutcome === 'early' || f.endOutcome === 'on_time' || f.endOutcome === 'late';
    if (result && f.workingMinutes !== null) {
      m.minutes = Math.round(f.workingMinutes);
      m.timed_n = 1;
    }
    m.on_time_766_n = result && f.onTime766 ? 1 : 0;
    m.result_file_n = result && f.docResultRequired && f.resultFile ? 1 : 0;
    m.doc_result_n = result && f.docResultRequired ? 1 : 0;
    out.push({ kind: 'finished', day: f.endDay, outcome: f.endOutcome, measures: m, bucket: result && f.workingMinutes !== null ? bucketOf(f.workingMinutes) : null });
  }
  if (f.open) {
    const m = zeroMeasures();
    m.n = 1;
    m.supplement_n = f.supplementRequests > 0 ? 1 : 0;
    out.push({ kind: 'open', day: f.dueAt !== null ? vietnamEpochDay(f.dueAt - 1) : NO_DUE_DAY, outcome: 'open', measures: m, bucket: null });
  }
  return out;
}

/**
 * QĐ 766 indicator 2.1 for a dossier whose result was issued: on time when the result came by the
 * appointment with the supplement time subtracted (`dueWithPauses`: the appointment moved by the paused
 * span), and never when more than one supplement was requested (REGULATIONS.md §9, V). An apology's new
 * date does not make a late dossier on time here.
 */
export function onTime766(input: { resultIssuedAt: number; dueWithPauses: number | null; supplementRequests: number; netWorkingMinutes: number | null; maxWorkingMinutes: number | null }): boolean {
  if (input.supplementRequests > 1) return false;
  if (input.dueWithPauses !== null) return input.resultIssuedAt <= input.dueWithPauses;
  // No appointment: on time if the net processing time is within the maximum.
  return input.netWorkingMinutes !== null && input.maxWorkingMinutes !== null && input.netWorkingMinutes <= input.maxWorkingMinutes;
}

/**
 * QĐ 766 indicator 2.1 for a dossier still open at `asOf` (the end of the period): a second supplement
 * request makes it late; with one request pending, its processing is judged at the request; otherwise
 * it is judged at `asOf` against the appointment.
 */
export function openOnTime766(input: { asOf: number; dueWithPauses: number | null; supplementRequests: number; pendingSupplementSince: number | null }): boolean {
  if (input.supplementRequests > 1) return false;
  if (input.dueWithPauses === null) return true;
  const end = input.supplementRequests === 1 && input.pendingSupplementSince !== null ? input.pendingSupplementSince : input.asOf;
  return end <= input.dueWithPauses;
}

/** Stable text key of a counter row, for merging deltas. */
export function contributionKey(c: Pick<Contribution, 'kind' | 'day' | 'outcome'>): string {
  return `${c.kind}|${c.day}|${c.outcome}`;
}
