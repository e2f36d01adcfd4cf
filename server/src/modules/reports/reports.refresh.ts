/**
 * Keeping the counters up to date without touching the dossier module: a refresh reads the dossier
 * events appended since the last watermark (`report_watermark`, an event id), rebuilds the facts of the
 * dossiers they belong to, and applies the difference (new fact − old fact) to the counters, all in one
 * transaction that moves the watermark. It runs before every figure is read, so figures are current.
 *
 * Two transactions may commit their events out of id order; the refresh therefore reads again the last
 * LOOKBACK ids before the watermark, and a fact whose version equals its dossier's is left alone, so
 * reading an event twice changes nothing. Two refreshes at once: the second sees the watermark moved
 * under its lock, gives up and starts over.
 */
import { sql } from 'kysely';
import type { DossierFact } from '@motcua/core/reports/facts.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Queryable } from '../../database.ts';
import { CounterDelta, factToRow, rowToFact, type CounterRow, type DetailRow, type HistRow, type ProcedureRow, type UseRow } from './reports.counters.ts';
import { factsOf } from './reports.facts.ts';

const LOOKBACK = 200;
const BATCH = 5000;
const CHUNK = 400;

const factColumns = sql`dossier_id, version, unit_id, procedure_code, field, officer_id, channel, day::text as day, intake, end_day::text as end_day, end_outcome, working_minutes, on_time_766, open, due_at, supplement_requests, digitized, doc_result_required, result_file, apology_issued, late_due_at`;

export async function storedFacts(db: Queryable, ids: string[]): Promise<Map<string, DossierFact>> {
  const out = new Map<string, DossierFact>();
  if (ids.length === 0) return out;
  const rows = await sql<Parameters<typeof rowToFact>[0]>`select ${factColumns} from report_dossier_fact where dossier_id in (${sql.join(ids)})`.execute(db);
  for (const r of rows.rows) out.set(r.dossier_id, rowToFact(r));
  return out;
}

const measureSet = sql.raw(['n', 'supplement_n', 'digitized_n', 'online_ok_n', 'minutes', 'timed_n', 'on_time_766_n', 'result_file_n', 'doc_result_n'].map((m) => `${m} = t.${m} + excluded.${m}`).join(', '));

/** Adds the delta's rows to the counter tables (inside the caller's transaction). */
export async function applyDelta(trx: Queryable, delta: CounterDelta) {
  const { counters, details, hist, uses, procedures } = delta.nonZero();
  for (let i = 0; i < counters.length; i += CHUNK) {
    const rows = counters.slice(i, i + CHUNK) as CounterRow[];
    await sql`insert into report_counter as t (grain, period, unit_id, channel, kind, outcome, n, supplement_n, digitized_n, online_ok_n, minutes, timed_n, on_time_766_n, result_file_n, doc_result_n)
      values ${sql.join(rows.map((r) => sql`(${r.grain}, ${r.period}::date, ${r.unit_id}::uuid, ${r.channel}, ${r.kind}, ${r.outcome}, ${r.n}, ${r.supplement_n}, ${r.digitized_n}, ${r.online_ok_n}, ${r.minutes}, ${r.timed_n}, ${r.on_time_766_n}, ${r.result_file_n}, ${r.doc_result_n})`))}
      on conflict (grain, period, unit_id, channel, kind, outcome) do update set ${measureSet}`.execute(trx);
  }
  for (let i = 0; i < details.length; i += CHUNK) {
    const rows = details.slice(i, i + CHUNK) as DetailRow[];
    await sql`insert into report_counter_detail as t (day, unit_id, procedure_code, field, officer_id, channel, kind, outcome, n, supplement_n, digitized_n, online_ok_n, minutes, timed_n, on_time_766_n, result_file_n, doc_result_n)
      values ${sql.join(rows.map((r) => sql`(${r.day}::date, ${r.unit_id}::uuid, ${r.procedure_code}, ${r.field}, ${r.officer_id}::uuid, ${r.channel}, ${r.kind}, ${r.outcome}, ${r.n}, ${r.supplement_n}, ${r.digitized_n}, ${r.online_ok_n}, ${r.minutes}, ${r.timed_n}, ${r.on_time_766_n}, ${r.result_file_n}, ${r.doc_result_n})`))}
      on conflict (day, unit_id, procedure_code, officer_id, channel, kind, outcome) do update set ${measureSet}`.execute(trx);
  }
  for (let i = 0; i < hist.length; i += CHUNK) {
    const rows = hist.slice(i, i + CHUNK) as HistRow[];
    await sql`insert into report_duration_hist as t (grain, period, unit_id, bucket, n)
      values ${sql.join(rows.map((r) => sql`(${r.grain}, ${r.period}::date, ${r.unit_id}::uuid, ${r.bucket}, ${r.n})`))}
      on conflict (grain, period, unit_id, bucket) do update set n = t.n + excluded.n`.execute(trx);
  }
  for (let i = 0; i < procedures.length; i += CHUNK) {
    const rows = procedures.slice(i, i + CHUNK) as ProcedureRow[];
    await sql`insert into report_counter_procedure as t (period, unit_id, procedure_code, field, channel, kind, outcome, n, supplement_n, digitized_n, online_ok_n, minutes, timed_n, on_time_766_n, result_file_n, doc_result_n)
      values ${sql.join(rows.map((r) => sql`(${r.period}::date, ${r.unit_id}::uuid, ${r.procedure_code}, ${r.field}, ${r.channel}, ${r.kind}, ${r.outcome}, ${r.n}, ${r.supplement_n}, ${r.digitized_n}, ${r.online_ok_n}, ${r.minutes}, ${r.timed_n}, ${r.on_time_766_n}, ${r.result_file_n}, ${r.doc_result_n})`))}
      on conflict (procedure_code, period, unit_id, channel, kind, outcome) do update set ${measureSet}`.execute(trx);
  }
  for (let i = 0; i < uses.length; i += CHUNK) {
    const rows = uses.slice(i, i + CHUNK) as UseRow[];
    await sql`insert into report_procedure_use as t (grain, period, unit_id, procedure_code, received_n, online_n)
      values ${sql.join(rows.map((r) => sql`(${r.grain}, ${r.period}::date, ${r.unit_id}::uuid, ${r.procedure_code}, ${r.received_n}, ${r.online_n})`))}
      on conflict (grain, period, unit_id, procedure_code) do update set received_n = t.received_n + excluded.received_n, online_n = t.online_n + excluded.online_n`.execute(trx);
  }
}

export async function upsertFacts(trx: Queryable, facts: DossierFact[]) {
  for (let i = 0; i < facts.length; i += CHUNK) {
    const rows = facts.slice(i, i + CHUNK).map(factToRow);
    await trx
      .insertInto('report_dossier_fact')
      .values(rows)
      .onConflict((oc) =>
        oc.column('dossier_id').doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const k of Object.keys(rows[0]!)) if (k !== 'dossier_id') set[k] = eb.ref(`excluded.${k}` as never);
          return set as never;
        }),
      )
      .execute();
  }
}

const running = new WeakMap<object, Promise<number>>();

/** Brings the counters up to date with the events; returns how many dossiers' facts changed. */
export function refreshCounters(ctx: Pick<AppContext, 'db'>): Promise<number> {
  const current = running.get(ctx.db);
  if (current) return current;
  const job = refreshLoop(ctx.db).finally(() => running.delete(ctx.db));
  running.set(ctx.db, job);
  return job;
}

/**
 * Per database: the watermark, the number of events in its lookback window and the highest event id when
 * a refresh last found nothing to do. Events are only appended, so the same three numbers mean the same
 * events, and the next refresh can stop after that one query. The count is capped (SIGNATURE_CAP) so that
 * the planner expects a small read (an uncapped range over a large table estimates millions of rows and
 * JIT-compiles, ~80 ms at 10 M events): a settled window holds at most LOOKBACK events (else the pass had
 * events above the watermark), so any event added after it changes the capped count or the maximum.
 */
const SIGNATURE_CAP = 1000;
const settled = new WeakMap<object, string>();

async function refreshLoop(db: Db): Promise<number> {
  let changedTotal = 0;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const state = (
      await sql<{ wm: string | number; n: string | number; hi: string | number | null }>`
        select w.last_event_id as wm, e.n, e.hi from report_watermark w
        cross join lateral (select count(*) as n, max(id) as hi from (select id from dossier_event where id > w.last_event_id - ${LOOKBACK} order by id limit ${SIGNATURE_CAP}) x) e
        where w.name = 'dossiers'`.execute(db)
    ).rows[0]!;
    const signature = `${state.wm}|${state.n}|${state.hi}`;
    if (settled.get(db) === signature) return changedTotal;
    const wm = Number(state.wm);
    const events = await db.selectFrom('dossier_event').select(['id', 'dossier_id']).where('id', '>', Math.max(0, wm - LOOKBACK)).orderBy('id').limit(BATCH).execute();
    if (events.length === 0) {
      settled.set(db, signature);
      return changedTotal;
    }
    const newWm = Math.max(wm, ...events.map((e) => Number(e.id)));
    const ids = [...new Set(events.map((e) => e.dossier_id))];
    const [versions, old] = await Promise.all([db.selectFrom('dossier').select(['id', 'version']).where('id', 'in', ids).execute(), storedFacts(db, ids)]);
    const changed = versions.filter((v) => old.get(v.id)?.version !== v.version).map((v) => v.id);
    if (changed.length === 0 && newWm === wm) {
      settled.set(db, signature);
      return changedTotal;
    }
    const facts = await factsOf(db, changed);
    const delta = new CounterDelta();
    for (const f of facts) {
      const before = old.get(f.dossierId);
      if (before) delta.add(before, -1);
      delta.add(f, 1);
    }
    const done = await db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('report_watermark').select('last_event_id').where('name', '=', 'dossiers').forUpdate().executeTakeFirstOrThrow();
      if (Number(locked.last_event_id) !== wm) return false;
      await upsertFacts(trx, facts);
      await applyDelta(trx, delta);
      await trx.updateTable('report_watermark').set({ last_event_id: newWm, refreshed_at: new Date() }).where('name', '=', 'dossiers').execute();
      return true;
    });
    if (done) changedTotal += facts.length;
    if (done && events.length < BATCH && newWm === wm) return changedTotal;
    if (done && events.length < BATCH) {
      // One more pass only if something arrived meanwhile.
      const next = await db.selectFrom('dossier_event').select('id').where('id', '>', newWm).limit(1).executeTakeFirst();
      if (!next) return changedTotal;
    }
  }
  return changedTotal;
}

/**
 * The counters recomputed from scratch (every dossier's events) next to the stored ones: the proof that
 * the incremental refresh keeps them equal. Reads everything: for tests and an administrator's check.
 */
export async function checkCounters(ctx: Pick<AppContext, 'db'>) {
  await refreshCounters(ctx);
  const db = ctx.db;
  const delta = new CounterDelta();
  let dossiers = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  const differences: { table: string; key: string; stored: string; recomputed: string }[] = [];
  for (;;) {
    const ids = (await db.selectFrom('dossier').select('id').where('id', '>', after).orderBy('id').limit(1000).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    const stored = await storedFacts(db, ids);
    for (const f of await factsOf(db, ids)) {
      delta.add(f, 1);
      // The facts themselves: the late list and the drill-downs read them (its order key, the open dossiers' appointments).
      const s = JSON.stringify(stored.get(f.dossierId) ?? null);
      const r = JSON.stringify(f);
      if (s !== r && differences.length < 50) differences.push({ table: 'report_dossier_fact', key: f.dossierId, stored: s, recomputed: r });
    }
    dossiers += ids.length;
    after = ids[ids.length - 1]!;
  }
  const recomputed = delta.nonZero();
  const measures = ['n', 'supplement_n', 'digitized_n', 'online_ok_n', 'minutes', 'timed_n', 'on_time_766_n', 'result_file_n', 'doc_result_n'];
  const storedCounters = await sql<CounterRow>`select grain, period::text as period, unit_id, channel, kind, outcome, ${sql.raw(measures.join(', '))} from report_counter`.execute(db);
  const storedDetails = await sql<DetailRow>`select day::text as day, unit_id, procedure_code, field, officer_id, channel, kind, outcome, ${sql.raw(measures.join(', '))} from report_counter_detail`.execute(db);
  const storedHist = await sql<HistRow>`select grain, period::text as period, unit_id, bucket, n from report_duration_hist`.execute(db);
  const storedProcedures = await sql<ProcedureRow>`select period::text as period, unit_id, procedure_code, field, channel, kind, outcome, ${sql.raw(measures.join(', '))} from report_counter_procedure`.execute(db);
  const storedUses = await sql<UseRow>`select grain, period::text as period, unit_id, procedure_code, received_n, online_n from report_procedure_use`.execute(db);
  const compare = <T extends object>(table: string, stored: T[], fresh: T[], keyOf: (r: T) => string, values: string[]) => {
    const text = (r: T | undefined) => (r ? values.map((m) => Number((r as Record<string, unknown>)[m])).join(',') : values.map(() => 0).join(','));
    const a = new Map(stored.map((r) => [keyOf(r), r]));
    const b = new Map(fresh.map((r) => [keyOf(r), r]));
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const s = text(a.get(key));
      const r = text(b.get(key));
      if (s !== r && differences.length < 50) differences.push({ table, key, stored: s, recomputed: r });
    }
  };
  compare('report_counter', storedCounters.rows, recomputed.counters as CounterRow[], (r) => `${r.grain}|${r.period}|${r.unit_id}|${r.channel}|${r.kind}|${r.outcome}`, measures);
  compare('report_counter_detail', storedDetails.rows, recomputed.details as DetailRow[], (r) => `${r.day}|${r.unit_id}|${r.procedure_code}|${r.officer_id}|${r.channel}|${r.kind}|${r.outcome}|${r.field}`, measures);
  compare('report_duration_hist', storedHist.rows, recomputed.hist as HistRow[], (r) => `${r.grain}|${r.period}|${r.unit_id}|${r.bucket}`, ['n']);
  compare('report_counter_procedure', storedProcedures.rows, recomputed.procedures as ProcedureRow[], (r) => `${r.period}|${r.unit_id}|${r.procedure_code}|${r.channel}|${r.kind}|${r.outcome}|${r.field}`, measures);
  compare('report_procedure_use', storedUses.rows, recomputed.uses as UseRow[], (r) => `${r.grain}|${r.period}|${r.unit_id}|${r.procedure_code}`, ['received_n', 'online_n']);
  return { equal: differences.length === 0, dossiers, differences };
}
