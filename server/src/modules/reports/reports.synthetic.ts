/**
 * Synthetic dossiers for demos and benchmarks (`npm run seed:synthetic -- --dossiers N`): real catalog
 * procedures, the province's units and officers, the three channels and every outcome (refused at
 * intake, open, supplemented once or twice, withdrawn, stopped, early, on time, late, apologised).
 * Each dossier is a proper event history; its projection and its statistical fact are derived from the
 * events by the same code as live dossiers, and the counters are written as their sum with the
 * watermark after the last event, so `GET /api/reports/check` holds on generated data too.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { DossierFact } from '@motcua/core/reports/facts.ts';
import type { Duration, WorkingCalendar } from '@motcua/core/calendar/index.ts';
import { DEFAULT_PROCESS } from '@motcua/core/dossiers/process.ts';
import { applyEvent, EMPTY_STATE, type DossierEvent } from '@motcua/core/dossiers/lifecycle.ts';
import type { Database, Db } from '../../database.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { derive, projectionOf } from '../dossiers/dossiers.projection.ts';
import { CounterDelta } from './reports.counters.ts';
import { factOf } from './reports.facts.ts';
import { applyDelta, upsertFacts } from './reports.refresh.ts';

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
  batch?: number;
  onProgress?: (done: number) => void;
}

const PDF_SHA = 'a'.repeat(64);

export async function generateSynthetic(db: Db, options: SyntheticOptions) {
  const rnd = random(options.seed ?? 766);
  const days = options.days ?? 365;
  const batch = options.batch ?? 2000;
  const root = await db.selectFrom('unit').select(['id', 'path', 'code']).where('parent_id', 'is', null).orderBy('path').executeTakeFirstOrThrow();
  const units = await db.selectFrom('unit').select(['id', 'path', 'kind', 'code']).where('path', 'like', `${root.path}%`).execute();
  const centre = units.find((u) => u.kind === 'service_centre') ?? root;
  const competent = units.filter((u) => u.kind === 'commune_committee' || u.kind === 'department');
  const officers = await db.selectFrom('role_grant').select(['user_id']).where('role', '=', 'specialist').execute();
  const procedures = await db
    .selectFrom('procedure')
    .innerJoin('procedure_version', 'procedure_version.id', 'procedure.current_version_id')
    .select(['procedure.code', 'procedure.name', 'procedure.fields', 'procedure_version.id as version_id', sql<number>`coalesce(jsonb_array_length(procedure_version.content -> 'results'), 0)`.as('results')])
    .where('procedure.state', '<>', 'abolished')
    .where('procedure.kind', '<>', 'internal')
    .orderBy('procedure.code')
    .limit(400)
    .execute();
  if (procedures.length === 0 || competent.length === 0) throw new Error('the catalog and the demo units must be seeded first');
  let template = await db.selectFrom('process_template').select(['id']).where('procedure_code', 'is', null).where('active', '=', true).executeTakeFirst();
  if (!template) {
    const id = randomUUID();
    await db.insertInto('process_template').values({ id, procedure_code: null, version: 1, name: 'Quy trình mặc định', steps: JSON.stringify(DEFAULT_PROCESS) }).onConflict((oc) => oc.doNothing()).execute();
    template = (await db.selectFrom('process_template').select(['id']).where('procedure_code', 'is', null).where('active', '=', true).executeTakeFirstOrThrow())!;
  }
  await db.insertInto('stored_file').values({ sha256: PDF_SHA, media_type: 'application/pdf', size: 1024, created_by: null }).onConflict((oc) => oc.doNothing()).execute();
  const calendar: WorkingCalendar = await calendarService(db).calendarFor(centre);
  const nowMs = options.now.getTime();
  const workAt = (w: number) => calendar.instantAtWorkingMs(w);
  const startW = calendar.workingMsAt(nowMs - days * 86_400_000);
  const endW = calendar.workingMsAt(nowMs);
  const HOUR = 3_600_000;
  const runId = randomUUID().slice(0, 8);
  let made = 0;
  const maxEvent = async () => Number((await db.selectFrom('dossier_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);

  while (made < options.dossiers) {
    const count = Math.min(batch, options.dossiers - made);
    const dossierRows: Insertable<Database['dossier']>[] = [];
    const eventRows: Insertable<Database['dossier_event']>[] = [];
    const documentRows: (Insertable<Database['dossier_document']> & { dossier_id: string; purpose: string; provided: boolean; digitized: boolean; file_sha256: string | null })[] = [];
    const delta = new CounterDelta();
    const facts: DossierFact[] = [];
    for (let k = 0; k < count; k++) {
      const id = randomUUID();
      const proc = rnd.pick(procedures);
      const unit = rnd.pick(competent);
      const channel = (rnd.next() < 0.5 ? 1 : rnd.next() < 0.85 ? 2 : 3) as 1 | 2 | 3;
      const duration: Duration = { unit: 'workingDays', value: rnd.pick([1, 2, 3, 5, 7, 10, 15]) };
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
      const derived = derive(dossier as never, events, calendar, DEFAULT_PROCESS);
      const holdingPath = units.find((u) => u.id === derived.state.holdingUnitId)?.path ?? null;
      const received = derived.state.receivedAt !== null;
      const day = new Date(receivedAt + 7 * HOUR).toISOString().slice(2, 10).replace(/-/g, '');
      dossierRows.push({
        id,
        code: received ? `${centre.code}-${day}-S${runId}${String(made + k).padStart(7, '0')}` : null,
        lookup_secret: 'SYNTHETIC0',
        idempotency_key: null,
        rule_version: 'nd118_2025' as const,
        channel,
        procedure_code: proc.code,
        procedure_name: proc.name,
        procedure_version_id: proc.version_id,
        case_code: null,
        process_template_id: template.id,
        duration: JSON.stringify(duration),
        supplement_policy: 'pause' as const,
        cutoff_15h: false,
        cutoff_last_hour: false,
        receiving_unit_id: centre.id,
        competent_unit_id: unit.id,
        applicant: JSON.stringify({ fullName: `Người dân ${made + k + 1}`, idNumber: '079000000000' }),
        representative: null,
        applicant_id_number: null,
        return_method: channel === 2 ? ('electronic' as const) : ('counter' as const),
        return_address: null,
        created_at: new Date(receivedAt),
        ...projectionOf(derived, holdingPath, new Date(events[events.length - 1]!.at)),
      });
      let state = EMPTY_STATE;
      events.forEach((e, i) => {
        const next = applyEvent(state, e);
        if (!next.ok) throw new Error(`synthetic events do not fold: ${JSON.stringify(next.error)}`);
        eventRows.push({ dossier_id: id, seq: i + 1, type: e.type, at: new Date(e.at), actor_id: e.actorId, unit_id: e.unitId, from_status: state.status, to_status: next.state.status, reason: e.reason ?? null, data: JSON.stringify(e.data ?? {}) });
        state = next.state;
      });
      const digitized = channel === 2 || rnd.next() < 0.7;
      documentRows.push({ id: randomUUID(), dossier_id: id, event_seq: 1, purpose: 'intake' as const, name: 'Tờ khai', requirement_index: 0, originals: 1, copies: 0, provided: true, digitized, file_sha256: digitized ? PDF_SHA : null, file_name: null, result_code: null, created_at: new Date(receivedAt) });
      const resultSeq = events.findIndex((e) => e.type === 'result_issued');
      const resultFile = channel === 2 || rnd.next() < 0.6;
      if (resultSeq >= 0)
        documentRows.push({ id: randomUUID(), dossier_id: id, event_seq: resultSeq + 1, purpose: 'result' as const, name: 'Kết quả', requirement_index: null, originals: 1, copies: 0, provided: true, digitized: resultFile, file_sha256: resultFile ? PDF_SHA : null, file_name: null, result_code: null, created_at: new Date(events[resultSeq]!.at) });
      const fact = factOf(dossier, events, documentRows.filter((d) => d.dossier_id === id), calendar, { field: proc.fields[0] ?? '', docResultRequired: Number(proc.results) > 0 });
      facts.push(fact);
      delta.add(fact, 1);
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < dossierRows.length; i += 500) await trx.insertInto('dossier').values(dossierRows.slice(i, i + 500)).execute();
      for (let i = 0; i < eventRows.length; i += 1000) await trx.insertInto('dossier_event').values(eventRows.slice(i, i + 1000)).execute();
      for (let i = 0; i < documentRows.length; i += 1000) await trx.insertInto('dossier_document').values(documentRows.slice(i, i + 1000)).execute();
      await upsertFacts(trx, facts);
      await applyDelta(trx, delta);
    });
    made += count;
    options.onProgress?.(made);
  }
  // The counters now include every generated dossier: the refresh starts after their last event. Live
  // dossiers changed meanwhile are caught by the refresh's version check (their facts lag their version).
  const last = await maxEvent();
  await db.updateTable('report_watermark').set({ last_event_id: last, refreshed_at: new Date() }).where('name', '=', 'dossiers').where('last_event_id', '<', last).execute();
  return { dossiers: made };
}
