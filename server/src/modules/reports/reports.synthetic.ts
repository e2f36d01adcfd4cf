/**
 * Synthetic dossiers for demos and benchmarks (`npm run seed:synthetic -- --dossiers N`): real catalog
 * procedures, the province's units and officers, the three channels and every outcome (refused at
 * intake, open, supplemented once or twice, withdrawn, stopped, early, on time, late, apologised), with
 * working-day deadlines from the real calendar.
 *
 * Each dossier is a proper event history; its projection and its statistical fact are derived from the
 * events by the same code as live dossiers (`derive`, `factOf`). The rows are written in bulk on one
 * connection, in one transaction: `COPY … FROM STDIN` on PostgreSQL (pg-copy-streams), COPY from a blob
 * on PGlite. The facts go first to a temporary table; at the end they are added to
 * `report_dossier_fact`, the counters are summed from them in SQL (`addFactsToCounters`, the SQL form of
 * `contributions`) and the watermark moves past the last event, so `GET /api/reports/check` holds on
 * generated data too. Nothing is visible until the commit; a failure leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Duration, WorkingCalendar } from '@motcua/core/calendar/index.ts';
import { DEFAULT_PROCESS } from '@motcua/core/dossiers/process.ts';
import { applyEvent, EMPTY_STATE, type DossierEvent } from '@motcua/core/dossiers/lifecycle.ts';
import type { Db } from '../../database.ts';
import { withBulkSession } from '../../platform/db.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { derive, projectionOf } from '../dossiers/dossiers.projection.ts';
import { addFactsToCounters, factToRow } from './reports.counters.ts';
import { factOf } from './reports.facts.ts';
import { refreshCounters } from './reports.refresh.ts';

/** A small seeded generator (mulberry32), so a seed gives the same dossiers every time. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

export interface SyntheticOptions {
  dossiers: number;
  seed?: number;
  /** Receptions spread over the `days` days before `now`. */
  days?: number;
  now: Date;
  /** Dossiers per COPY round. */
  batch?: number;
  onProgress?: (done: number) => void;
  /**
   * For large loads into a quiet database (benchmarks): drops the loaded tables' foreign keys, unique
   * constraints and secondary indexes in the transaction and builds them again after the load (checking
   * every row, as adding a constraint does), instead of checking and indexing row by row. Holds those
   * tables locked against writes until the commit.
   */
  rebuildIndexes?: boolean;
}

const PDF_SHA = 'a'.repeat(64);
const LOADED_TABLES = ['dossier', 'dossier_event', 'dossier_document', 'report_dossier_fact', 'report_counter_detail'];

/**
 * Time-ordered UUIDs (version 7 layout: the run's start in milliseconds, then a counter, then a tag of
 * the run), so that the primary keys of a load are appended at the end of their indexes.
 */
function timeOrderedIds(startMs: number, tag: string) {
  const time = startMs.toString(16).padStart(12, '0');
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  const tail = tag.replace(/[^0-9a-f]/g, '').padEnd(7, '0').slice(0, 7);
  let counter = 0;
  return () => {
    const c = (counter++).toString(16).padStart(11, '0');
    return `${head}${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 11)}${tail}`;
  };
}

/** A value in COPY text format. */
function text(v: string) {
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}
const N = '\\N';
const ts = (ms: number | null) => (ms === null ? N : new Date(ms).toISOString());
const tsd = (d: Date | null) => (d === null ? N : d.toISOString());
const bool = (b: boolean) => (b ? 't' : 'f');
const opt = (v: string | number | null | undefined) => (v === null || v === undefined ? N : typeof v === 'string' ? text(v) : String(v));

const DOSSIER_COLUMNS = ['id', 'code', 'lookup_secret', 'rule_version', 'channel', 'procedure_code', 'procedure_name', 'procedure_version_id', 'process_template_id', 'duration', 'supplement_policy', 'cutoff_15h', 'cutoff_last_hour', 'receiving_unit_id', 'competent_unit_id', 'applicant', 'applicant_id_number', 'return_method', 'created_at', 'version', 'status', 'holding_unit_id', 'holding_unit_path', 'assignee_id', 'step_index', 'received_at', 'due_at', 'effective_due_at', 'paused', 'supplement_requests', 'apology_issued', 'result_issued_at', 'returned_at', 'finished_at', 'timeliness', 'updated_at'] as const;
const EVENT_COLUMNS = ['dossier_id', 'seq', 'type', 'at', 'actor_id', 'unit_id', 'from_status', 'to_status', 'reason', 'data'] as const;
const DOCUMENT_COLUMNS = ['id', 'dossier_id', 'event_seq', 'purpose', 'name', 'requirement_index', 'originals', 'copies', 'provided', 'digitized', 'file_sha256', 'created_at'] as const;
const FACT_COLUMNS = ['dossier_id', 'version', 'unit_id', 'procedure_code', 'field', 'officer_id', 'channel', 'day', 'intake', 'end_day', 'end_outcome', 'working_minutes', 'on_time_766', 'open', 'due_at', 'supplement_requests', 'digitized', 'doc_result_required', 'result_file', 'apology_issued', 'late_due_at'] as const;

export async function generateSynthetic(db: Db, options: SyntheticOptions) {
  const rnd = random(options.seed ?? 766);
  const days = options.days ?? 365;
  const batch = options.batch ?? 20_000;
  const root = await db.selectFrom('unit').select(['id', 'path', 'code']).where('parent_id', 'is', null).orderBy('path').executeTakeFirstOrThrow();
  const units = await db.selectFrom('unit').select(['id', 'path', 'kind', 'code']).where('path', 'like', `${root.path}%`).execute();
  const centre = units.find((u) => u.kind === 'service_centre') ?? root;
  const competent = units.filter((u) => u.kind === 'commune_committee' || u.kind === 'department');
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const officers = await db.selectFrom('role_grant').select(['user_id']).where('role', '=', 'specialist').execute();
  const procedures = (
    await db
      .selectFrom('procedure')
      .innerJoin('procedure_version', 'procedure_version.id', 'procedure.current_version_id')
      .select(['procedure.code', 'procedure.name', 'procedure.fields', 'procedure_version.id as version_id', sql<number>`coalesce(jsonb_array_length(procedure_version.content -> 'results'), 0)`.as('results')])
      .where('procedure.state', '<>', 'abolished')
      .where('procedure.kind', '<>', 'internal')
      .orderBy('procedure.code')
      .limit(400)
      .execute()
  ).map((p) => ({ ...p, codeText: text(p.code), nameText: text(p.name), fieldText: text(p.fields[0] ?? ''), docResultRequired: Number(p.results) > 0 }));
  if (procedures.length === 0 || competent.length === 0) throw new Error('the catalog and the demo units must be seeded first');
  let template = await db.selectFrom('process_template').select(['id']).where('procedure_code', 'is', null).where('active', '=', true).executeTakeFirst();
  if (!template) {
    const id = randomUUID();
    await db.insertInto('process_template').values({ id, procedure_code: null, version: 1, name: 'Quy trình mặc định', steps: JSON.stringify(DEFAULT_PROCESS) }).onConflict((oc) => oc.doNothing()).execute();
    template = (await db.selectFrom('process_template').select(['id']).where('procedure_code', 'is', null).where('active', '=', true).executeTakeFirstOrThrow())!;
  }
  await db.insertInto('stored_file').values({ sha256: PDF_SHA, media_type: 'application/pdf', size: 1024, created_by: null }).onConflict((oc) => oc.doNothing()).execute();
  const calendar: WorkingCalendar = await calendarService(db).calendarFor(centre);
  // The counters are current before the load, so that the watermark can move past it at the end.
  await refreshCounters({ db });
  const nowMs = options.now.getTime();
  const workAt = (w: number) => calendar.instantAtWorkingMs(w);
  const startW = calendar.workingMsAt(nowMs - days * 86_400_000);
  const endW = calendar.workingMsAt(nowMs);
  const HOUR = 3_600_000;
  const runId = randomUUID().slice(0, 8);
  const newId = timeOrderedIds(Date.now(), runId);
  const durations = [1, 2, 3, 5, 7, 10, 15].map((value) => ({ duration: { unit: 'workingDays', value } as Duration, json: JSON.stringify({ unit: 'workingDays', value }) }));
  let made = 0;
  let eventCount = 0;
  /**
   * Where the time goes (ms): building rows in JavaScript (while the previous batch's COPY runs), waiting
   * for a COPY to finish, the facts and counters in SQL, the index rebuild.
   */
  const timings = { js: 0, copy: 0, facts: 0, counters: 0, indexes: 0 };
  const timed = async <T>(key: keyof typeof timings, f: () => Promise<T>) => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[key] += performance.now() - t0;
    }
  };

  /** One dossier: its events, then its rows (dossier, events, documents, fact) in COPY text format. */
  const makeDossier = (index: number, out: { dossiers: string[]; events: string[]; documents: string[]; facts: string[] }) => {
    const id = newId();
    const proc = rnd.pick(procedures);
    const unit = rnd.pick(competent);
    const channel = (rnd.next() < 0.5 ? 1 : rnd.next() < 0.85 ? 2 : 3) as 1 | 2 | 3;
    const promised = rnd.pick(durations);
    const duration = promised.duration;
    const budget = duration.value * 8 * HOUR;
    const receivedW = startW + Math.floor(rnd.next() * (endW - startW));
    const receivedAt = workAt(receivedW);
    const officer = officers.length ? rnd.pick(officers).user_id : null;
    const events: DossierEvent[] = [];
    const r = rnd.next();
    let w = receivedW;
    const step = (hours: number) => {
      w = Math.min(endW, w + Math.max(1, Math.floor(hours * HOUR)));
      return workAt(w);
    };
    if (r < 0.03) events.push({ type: 'refused', at: receivedAt, actorId: null, unitId: centre.id, reason: 'Hồ sơ không thuộc thẩm quyền' });
    else {
      events.push({ type: 'received', at: receivedAt, actorId: null, unitId: centre.id, reason: null });
      events.push({ type: 'assigned', at: step(0.5), actorId: null, unitId: unit.id, data: { stepIndex: 0, assigneeId: officer } });
      const supplements = rnd.next() < 0.85 ? 0 : rnd.next() < 0.8 ? 1 : 2;
      const fate = rnd.next();
      let open = false;
      for (let s = 0; s < supplements && !open; s++) {
        events.push({ type: 'supplement_requested', at: step((budget / HOUR) * 0.2 * rnd.next()), actorId: officer, unitId: unit.id, reason: 'Thiếu bản sao giấy tờ' });
        if (w >= endW - HOUR) open = true;
        else events.push({ type: 'supplement_received', at: step(8 * rnd.next() * 3), actorId: null, unitId: unit.id, reason: null });
      }
      // Early, on time or late: the result after a share of the budget, sometimes more than all of it.
      const share = fate < 0.04 ? -1 : fate < 0.07 ? -2 : 0.2 + rnd.next() * 1.1;
      if (!open && share === -1) {
        events.push({ type: 'withdrawal_requested', at: step(4 * rnd.next()), actorId: null, unitId: unit.id, reason: 'Công dân rút hồ sơ' });
        events.push({ type: 'stopped', at: step(1), actorId: null, unitId: unit.id, reason: 'Dừng theo yêu cầu rút' });
      } else if (!open && share === -2) {
        events.push({ type: 'stopped', at: step((budget / HOUR) * 0.5), actorId: null, unitId: unit.id, reason: 'Không đủ điều kiện giải quyết' });
      } else if (!open) {
        const apology = share > 1 && rnd.next() < 0.4 && duration.value >= 2;
        if (apology) {
          const at = step((budget / HOUR) * 0.5);
          events.push({ type: 'apology_issued', at, actorId: null, unitId: unit.id, reason: 'Cần xác minh thêm với cơ quan liên quan', data: { newDueAt: workAt(w + budget) } });
        }
        const target = receivedW + Math.floor(budget * share);
        if (target >= endW) open = true;
        else {
          w = Math.max(w + HOUR / 4, target);
          if (w >= endW) open = true;
          else {
            events.push({ type: 'result_issued', at: workAt(w), actorId: null, unitId: unit.id, data: { handToUnitId: centre.id, stepIndex: 2 } });
            if (rnd.next() < 0.85 && w + 4 * HOUR < endW) events.push({ type: 'returned', at: step(4 * rnd.next()), actorId: null, unitId: centre.id, reason: null });
          }
        }
      }
    }
    const dossier = { id, channel, procedure_code: proc.code, competent_unit_id: unit.id, created_at: new Date(receivedAt), duration, supplement_policy: 'pause' as const, cutoff_15h: false, cutoff_last_hour: false };
    const derived = derive(dossier, events, calendar, DEFAULT_PROCESS);
    const lastAt = events[events.length - 1]!.at;
    const p = projectionOf(derived, derived.state.holdingUnitId ? (pathOf.get(derived.state.holdingUnitId) ?? null) : null, new Date(lastAt));
    const received = derived.state.receivedAt !== null;
    const day = new Date(receivedAt + 7 * HOUR).toISOString().slice(2, 10).replace(/-/g, '');
    const code = received ? `${centre.code}-${day}-S${runId}${String(index).padStart(7, '0')}` : null;
    const applicant = JSON.stringify({ fullName: `Người dân ${index + 1}`, idNumber: '079000000000' });
    out.dossiers.push(
      [id, opt(code), 'SYNTHETIC0', 'nd118_2025', channel, proc.codeText, proc.nameText, proc.version_id, template!.id, promised.json, 'pause', 'f', 'f', centre.id, unit.id, text(applicant), N, channel === 2 ? 'electronic' : 'counter', ts(receivedAt),
        p.version, p.status, opt(p.holding_unit_id), opt(p.holding_unit_path), opt(p.assignee_id), opt(p.step_index), tsd(p.received_at), tsd(p.due_at), tsd(p.effective_due_at), bool(p.paused), p.supplement_requests, bool(p.apology_issued), tsd(p.result_issued_at), tsd(p.returned_at), tsd(p.finished_at), opt(p.timeliness), tsd(p.updated_at)].join('\t'),
    );
    let state = EMPTY_STATE;
    let resultSeq = -1;
    events.forEach((e, i) => {
      const next = applyEvent(state, e);
      if (!next.ok) throw new Error(`synthetic events do not fold: ${JSON.stringify(next.error)}`);
      if (e.type === 'result_issued') resultSeq = i + 1;
      out.events.push([id, i + 1, e.type, ts(e.at), opt(e.actorId), opt(e.unitId), opt(state.status), opt(next.state.status), opt(e.reason), text(JSON.stringify(e.data ?? {}))].join('\t'));
      state = next.state;
    });
    eventCount += events.length;
    const digitized = channel === 2 || rnd.next() < 0.7;
    const documents = [{ purpose: 'intake', provided: true, digitized, file_sha256: digitized ? PDF_SHA : null }];
    out.documents.push([newId(), id, 1, 'intake', 'Tờ khai', 0, 1, 0, 't', bool(digitized), digitized ? PDF_SHA : N, ts(receivedAt)].join('\t'));
    const resultFile = channel === 2 || rnd.next() < 0.6;
    if (resultSeq > 0) {
      documents.push({ purpose: 'result', provided: true, digitized: resultFile, file_sha256: resultFile ? PDF_SHA : null });
      out.documents.push([newId(), id, resultSeq, 'result', 'Kết quả', N, 1, 0, 't', bool(resultFile), resultFile ? PDF_SHA : N, ts(events[resultSeq - 1]!.at)].join('\t'));
    }
    const f = factToRow(factOf(dossier, events, documents, calendar, { field: proc.fields[0] ?? '', docResultRequired: proc.docResultRequired }, derived));
    out.facts.push(
      [f.dossier_id, f.version, f.unit_id, proc.codeText, proc.fieldText, f.officer_id, f.channel, f.day, f.intake, opt(f.end_day), opt(f.end_outcome), opt(f.working_minutes), bool(f.on_time_766), bool(f.open), tsd(f.due_at), f.supplement_requests, bool(f.digitized), bool(f.doc_result_required), bool(f.result_file), bool(f.apology_issued), tsd(f.late_due_at)].join('\t'),
    );
  };

  await withBulkSession(db, async (session) => {
    await session.query('begin');
    try {
      const [{ first }] = await session.query<{ first: string | number | null }>(`select max(id) as first from dossier_event`) as [{ first: string | number | null }];
      const before = Number(first ?? 0);
      await session.query('create temp table synthetic_fact (like report_dossier_fact) on commit drop');
      // Sums by hashing in memory rather than sorting on disk.
      await session.query(`set local work_mem = '256MB'`);
      const rebuild = options.rebuildIndexes
        ? await session.query<{ drop: string; restore: string }>(
            `select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname) as drop,
                    format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) as restore
               from pg_constraint c where c.contype in ('f', 'u') and c.conrelid = any($1::regclass[])
             union all
             select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
               from pg_index i where i.indrelid = any($1::regclass[]) and not i.indisprimary
                and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
            [LOADED_TABLES],
          )
        : [];
      for (const r of rebuild) await session.query(r.drop);
      // The next batch is built while PostgreSQL takes the previous one: the COPY of batch n runs while
      // batch n + 1 is made (yielding now and then so that the socket keeps being fed); one COPY at a time.
      let copying: Promise<void> | null = null;
      while (made < options.dossiers) {
        const count = Math.min(batch, options.dossiers - made);
        const out = { dossiers: [] as string[], events: [] as string[], documents: [] as string[], facts: [] as string[] };
        const t0 = performance.now();
        for (let k = 0; k < count; k++) {
          makeDossier(made + k, out);
          if (k % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
        }
        const lines = (rows: string[]) => [rows.join('\n') + '\n'];
        timings.js += performance.now() - t0;
        if (copying) await timed('copy', () => copying!);
        copying = (async () => {
          await session.copy('dossier', DOSSIER_COLUMNS, lines(out.dossiers));
          await session.copy('dossier_event', EVENT_COLUMNS, lines(out.events));
          await session.copy('dossier_document', DOCUMENT_COLUMNS, lines(out.documents));
          await session.copy('synthetic_fact', FACT_COLUMNS, lines(out.facts));
        })();
        copying.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
        made += count;
        options.onProgress?.(made);
      }
      if (copying) await timed('copy', () => copying!);
      await timed('facts', () => session.query('insert into report_dossier_fact select * from synthetic_fact'));
      await timed('counters', () => addFactsToCounters(session, 'synthetic_fact'));
      if (rebuild.length) await session.query(`set local maintenance_work_mem = '1GB'`);
      await timed('indexes', async () => {
        for (const r of rebuild) await session.query(r.restore);
      });
      // The counters now include every generated dossier: the refresh may start after their last event,
      // if nothing else is waiting to be read — no other events before them above the watermark, none
      // among them (their ids are then one unbroken run). Otherwise the watermark stays and the refresh
      // reads the generated events too (their facts are current: it only compares versions).
      const [wm] = await session.query<{ last_event_id: string | number }>(`select last_event_id from report_watermark where name = 'dossiers' for update`);
      const [span] = await session.query<{ lo: string | number | null; hi: string | number | null }>(`select min(id) as lo, max(id) as hi from dossier_event where id > $1`, [before]);
      const lo = Number(span?.lo ?? 0);
      const hi = Number(span?.hi ?? 0);
      if (wm && Number(wm.last_event_id) >= before && eventCount > 0 && hi - lo + 1 === eventCount) {
        const [gap] = await session.query<{ n: string | number }>(`select count(*) as n from dossier_event where id > $1 and id < $2`, [Number(wm.last_event_id), lo]);
        if (Number(gap?.n ?? 0) === 0) await session.query(`update report_watermark set last_event_id = $1, refreshed_at = now() where name = 'dossiers'`, [hi]);
      }
      await session.query('commit');
    } catch (error) {
      await session.query('rollback');
      throw error;
    }
  });
  // Planner statistics for the loaded tables (autovacuum would take them later).
  await sql`analyze dossier, dossier_event, dossier_document, report_dossier_fact, report_counter, report_counter_detail, report_counter_procedure, report_procedure_use`.execute(db);
  return { dossiers: made, timings };
}
