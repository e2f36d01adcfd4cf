/**
 * From facts to counter rows: each fact's contributions become rows of the three counter tables, keyed
 * as in migration 0010. A change of a dossier is the new fact's rows minus the old fact's rows.
 */
import { formatIsoDate, fromEpochDay } from '@motcua/core/calendar/index.ts';
import { BUCKET_MINUTES, contributions, MAX_BUCKET, MEASURES, zeroMeasures, type DossierFact, type Measures } from '@motcua/core/reports/facts.ts';

export type CounterRow = { grain: 'day' | 'month'; period: string; unit_id: string; channel: number; kind: string; outcome: string } & Measures;
export type DetailRow = { day: string; unit_id: string; procedure_code: string; field: string; officer_id: string; channel: number; kind: string; outcome: string } & Measures;
export type HistRow = { grain: 'day' | 'month'; period: string; unit_id: string; bucket: number; n: number };
/** The detail counters per month without the officer (kinds received and finished): procedure and field filters. */
export type ProcedureRow = { period: string; unit_id: string; procedure_code: string; field: string; channel: number; kind: string; outcome: string } & Measures;
/** Received dossiers of a procedure at a unit, and how many came online (QĐ 766 indicator 3.2). */
export type UseRow = { grain: 'day' | 'month'; period: string; unit_id: string; procedure_code: string; received_n: number; online_n: number };

const iso = (day: number) => formatIsoDate(fromEpochDay(day));
const monthOf = (day: number) => {
  const d = fromEpochDay(day);
  return `${d.year}-${String(d.month).padStart(2, '0')}-01`;
};

export class CounterDelta {
  counters = new Map<string, CounterRow>();
  details = new Map<string, DetailRow>();
  hist = new Map<string, HistRow>();
  uses = new Map<string, UseRow>();
  procedures = new Map<string, ProcedureRow>();

  private addMeasures(target: Measures, m: Measures, sign: number) {
    for (const k of MEASURES) target[k] += sign * m[k];
  }

  add(fact: DossierFact, sign: 1 | -1) {
    for (const c of contributions(fact)) {
      const grains: ('day' | 'month')[] = c.kind === 'open' ? ['day'] : ['day', 'month'];
      for (const grain of grains) {
        const period = grain === 'day' ? iso(c.day) : monthOf(c.day);
        const key = `${grain}|${period}|${fact.unitId}|${fact.channel}|${c.kind}|${c.outcome}`;
        let row = this.counters.get(key);
        if (!row) this.counters.set(key, (row = { grain, period, unit_id: fact.unitId, channel: fact.channel, kind: c.kind, outcome: c.outcome, ...zeroMeasures() }));
        this.addMeasures(row, c.measures, sign);
        if (c.bucket !== null) {
          const hk = `${grain}|${period}|${fact.unitId}|${c.bucket}`;
          let h = this.hist.get(hk);
          if (!h) this.hist.set(hk, (h = { grain, period, unit_id: fact.unitId, bucket: c.bucket, n: 0 }));
          h.n += sign;
        }
      }
      if (c.kind !== 'open') {
        const period = monthOf(c.day);
        const pk = `${period}|${fact.unitId}|${fact.procedureCode}|${fact.channel}|${c.kind}|${c.outcome}`;
        let p = this.procedures.get(pk);
        if (!p) this.procedures.set(pk, (p = { period, unit_id: fact.unitId, procedure_code: fact.procedureCode, field: fact.field, channel: fact.channel, kind: c.kind, outcome: c.outcome, ...zeroMeasures() }));
        this.addMeasures(p, c.measures, sign);
      }
      if (c.kind === 'received' && c.outcome === 'received')
        for (const grain of ['day', 'month'] as const) {
          const period = grain === 'day' ? iso(c.day) : monthOf(c.day);
          const uk = `${grain}|${period}|${fact.unitId}|${fact.procedureCode}`;
          let u = this.uses.get(uk);
          if (!u) this.uses.set(uk, (u = { grain, period, unit_id: fact.unitId, procedure_code: fact.procedureCode, received_n: 0, online_n: 0 }));
          u.received_n += sign;
          if (fact.channel === 2) u.online_n += sign;
        }
      const day = iso(c.day);
      const dk = `${day}|${fact.unitId}|${fact.procedureCode}|${fact.officerId}|${fact.channel}|${c.kind}|${c.outcome}`;
      let d = this.details.get(dk);
      if (!d) this.details.set(dk, (d = { day, unit_id: fact.unitId, procedure_code: fact.procedureCode, field: fact.field, officer_id: fact.officerId, channel: fact.channel, kind: c.kind, outcome: c.outcome, ...zeroMeasures() }));
      this.addMeasures(d, c.measures, sign);
    }
  }

  /** Rows whose every measure is zero change nothing. */
  nonZero() {
    const keep = <T extends object>(rows: Iterable<T>, keys: readonly string[]) => [...rows].filter((r) => keys.some((k) => (r as Record<string, number>)[k] !== 0));
    return { counters: keep(this.counters.values(), MEASURES), details: keep(this.details.values(), MEASURES), hist: keep(this.hist.values(), ['n']), uses: keep(this.uses.values(), ['received_n', 'online_n']), procedures: keep(this.procedures.values(), MEASURES) };
  }
}

const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const isoOf = (v: string | Date | null) => (v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

export function factToRow(f: DossierFact) {
  return {
    dossier_id: f.dossierId,
    version: f.version,
    unit_id: f.unitId,
    procedure_code: f.procedureCode,
    field: f.field,
    officer_id: f.officerId,
    channel: f.channel,
    day: iso(f.day),
    intake: f.intake,
    end_day: f.endDay === null ? null : iso(f.endDay),
    end_outcome: f.endOutcome,
    working_minutes: f.workingMinutes,
    on_time_766: f.onTime766,
    open: f.open,
    due_at: f.dueAt === null ? null : new Date(f.dueAt),
    supplement_requests: f.supplementRequests,
    digitized: f.digitized,
    doc_result_required: f.docResultRequired,
    result_file: f.resultFile,
    apology_issued: f.apologyIssued,
    late_due_at: f.lateDueAt === null ? null : new Date(f.lateDueAt),
  };
}

/** Read back with dates as text (`day::text`, `end_day::text`). */
export function rowToFact(r: ReturnType<typeof factToRow> & { day: string | Date; end_day: string | Date | null }): DossierFact {
  return {
    dossierId: r.dossier_id,
    version: r.version,
    unitId: r.unit_id,
    procedureCode: r.procedure_code,
    field: r.field,
    officerId: r.officer_id,
    channel: r.channel as 1 | 2 | 3,
    day: dayOf(isoOf(r.day)!),
    intake: r.intake,
    endDay: r.end_day === null ? null : dayOf(isoOf(r.end_day)!),
    endOutcome: r.end_outcome,
    workingMinutes: r.working_minutes,
    onTime766: r.on_time_766,
    open: r.open,
    dueAt: r.due_at === null ? null : r.due_at.getTime(),
    supplementRequests: r.supplement_requests,
    digitized: r.digitized,
    docResultRequired: r.doc_result_required,
    resultFile: r.result_file,
    apologyIssued: r.apology_issued,
    lateDueAt: r.late_due_at === null || r.late_due_at === undefined ? null : r.late_due_at.getTime(),
  };
}

/**
 * `contributions` in SQL, for bulk loads: every fact of `source` (a table shaped like
 * `report_dossier_fact`) expanded to its received / finished / open contributions. Must say exactly what
 * `contributions` says; `GET /api/reports/check` compares the result with the JavaScript sums (the tests
 * run it on generated data).
 */
const contributionsSql = (source: string) => `
  select unit_id, channel, procedure_code, field, officer_id, 'received' as kind, day, intake as outcome, 1 as n,
    (supplement_requests > 0)::int as supplement_n, digitized::int as digitized_n,
    (intake = 'received' and channel = 2 and (not doc_result_required or result_file))::int as online_ok_n,
    0 as minutes, 0 as timed_n, 0 as on_time_766_n, 0 as result_file_n, 0 as doc_result_n, null::int as bucket
  from ${source}
  union all
  select unit_id, channel, procedure_code, field, officer_id, 'finished', end_day, end_outcome, 1,
    (supplement_requests > 0)::int, 0, 0,
    case when timed then working_minutes else 0 end, timed::int, (result and on_time_766)::int,
    (result and doc_result_required and result_file)::int, (result and doc_result_required)::int,
    case when timed then least(${MAX_BUCKET}, greatest(0, ceil(working_minutes / ${BUCKET_MINUTES}.0)))::int end
  from (select *, end_outcome in ('early', 'on_time', 'late') as result,
          end_outcome in ('early', 'on_time', 'late') and working_minutes is not null as timed
        from ${source} where end_day is not null and end_outcome is not null) f
  union all
  select unit_id, channel, procedure_code, field, officer_id, 'open',
    coalesce(((due_at - interval '1 millisecond') at time zone 'UTC' + interval '7 hours')::date, date '1970-01-01'), 'open', 1,
    (supplement_requests > 0)::int, 0, 0, 0, 0, 0, 0, 0, null::int
  from ${source} where open`;

const sums = MEASURES.map((m) => `sum(c.${m})`).join(', ');
const addExcluded = MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ');

/**
 * Adds the contributions of every fact in `source` to the counter tables, in SQL (bulk loads, inside the
 * caller's transaction). The contributions are expanded and summed once, at the finest grain (the detail
 * counters' keys), into a temporary table; the other counters are sums of that smaller table.
 */
export async function addFactsToCounters(session: { query(text: string): Promise<unknown> }, source: string) {
  const c = contributionsSql(source);
  const measures = MEASURES.join(', ');
  await session.query(`
    create temp table bulk_detail on commit drop as
    select c.day, c.unit_id, c.procedure_code, min(c.field) as field, c.officer_id, c.channel, c.kind, c.outcome, ${MEASURES.map((m) => `sum(c.${m})::bigint as ${m}`).join(', ')}
    from (${c}) c
    group by c.day, c.unit_id, c.procedure_code, c.officer_id, c.channel, c.kind, c.outcome`);
  await session.query(`
    insert into report_counter_detail as t (day, unit_id, procedure_code, field, officer_id, channel, kind, outcome, ${measures})
    select day, unit_id, procedure_code, field, officer_id, channel, kind, outcome, ${measures} from bulk_detail
    on conflict (day, unit_id, procedure_code, officer_id, channel, kind, outcome) do update set ${addExcluded}`);
  await session.query(`
    insert into report_counter as t (grain, period, unit_id, channel, kind, outcome, ${measures})
    select g.grain, case when g.grain = 'day' then c.day else c.day - (extract(day from c.day)::int - 1) end, c.unit_id, c.channel, c.kind, c.outcome, ${sums}
    from bulk_detail c cross join (values ('day'), ('month')) as g(grain)
    where g.grain = 'day' or c.kind <> 'open'
    group by 1, 2, 3, 4, 5, 6
    on conflict (grain, period, unit_id, channel, kind, outcome) do update set ${addExcluded}`);
  await session.query(`
    insert into report_counter_procedure as t (period, unit_id, procedure_code, field, channel, kind, outcome, ${measures})
    select c.day - (extract(day from c.day)::int - 1), c.unit_id, c.procedure_code, min(c.field), c.channel, c.kind, c.outcome, ${sums}
    from bulk_detail c
    where c.kind <> 'open'
    group by 1, 2, 3, 5, 6, 7
    on conflict (procedure_code, period, unit_id, channel, kind, outcome) do update set ${addExcluded}`);
  await session.query(`
    insert into report_procedure_use as t (grain, period, unit_id, procedure_code, received_n, online_n)
    select g.grain, case when g.grain = 'day' then c.day else c.day - (extract(day from c.day)::int - 1) end, c.unit_id, c.procedure_code, sum(c.n), coalesce(sum(c.n) filter (where c.channel = 2), 0)
    from bulk_detail c cross join (values ('day'), ('month')) as g(grain)
    where c.kind = 'received' and c.outcome = 'received'
    group by 1, 2, 3, 4
    on conflict (grain, period, unit_id, procedure_code) do update set received_n = t.received_n + excluded.received_n, online_n = t.online_n + excluded.online_n`);
  await session.query(`
    insert into report_duration_hist as t (grain, period, unit_id, bucket, n)
    select g.grain, case when g.grain = 'day' then c.day else c.day - (extract(day from c.day)::int - 1) end, c.unit_id, c.bucket, count(*)
    from (${c}) c cross join (values ('day'), ('month')) as g(grain)
    where c.bucket is not null
    group by 1, 2, 3, 4
    on conflict (grain, period, unit_id, bucket) do update set n = t.n + excluded.n`);
  await session.query('drop table bulk_detail');
}
