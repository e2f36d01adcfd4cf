/** SQL of the reports: sums over the counters, and the facts behind a figure. */
import { sql, type RawBuilder } from 'kysely';
import { formatIsoDate, fromEpochDay } from '@motcua/core/calendar/index.ts';
import type { Queryable } from '../../database.ts';

export interface Scope {
  unitIds: string[];
  procedureCode?: string | undefined;
  field?: string | undefined;
  officerId?: string | undefined;
}

export const MEASURE_NAMES = ['n', 'supplement_n', 'digitized_n', 'online_ok_n', 'minutes', 'timed_n', 'on_time_766_n', 'result_file_n', 'doc_result_n'] as const;
export type SumRow = Record<(typeof MEASURE_NAMES)[number], number> & { kind: string; outcome: string; channel: number; unit_id: string; period: string };

const iso = (day: number) => formatIsoDate(fromEpochDay(day));
const isFirstOfMonth = (day: number) => fromEpochDay(day).day === 1;
export const hasDetailFilter = (s: Scope) => Boolean(s.procedureCode || s.field || s.officerId);

/** Which table and grain answer a range: whole months from the monthly counters, else the daily ones. */
function source(scope: Scope, kinds: string[], range: { from: number; to: number } | null) {
  const monthly = range !== null && isFirstOfMonth(range.from) && isFirstOfMonth(range.to);
  if (hasDetailFilter(scope) && !scope.officerId && monthly && !kinds.includes('open')) {
    // Whole months of a procedure or a field: the monthly table without the officer.
    const where: RawBuilder<unknown>[] = [];
    if (scope.procedureCode) where.push(sql`procedure_code = ${scope.procedureCode}`);
    if (scope.field) where.push(sql`field = ${scope.field}`);
    return { table: sql.raw('report_counter_procedure'), period: sql.raw('period'), where };
  }
  if (hasDetailFilter(scope)) {
    const where: RawBuilder<unknown>[] = [];
    if (scope.procedureCode) where.push(sql`procedure_code = ${scope.procedureCode}`);
    if (scope.field) where.push(sql`field = ${scope.field}`);
    if (scope.officerId) where.push(sql`officer_id = ${scope.officerId}::uuid`);
    return { table: sql.raw('report_counter_detail'), period: sql.raw('day'), where };
  }
  return { table: sql.raw('report_counter'), period: sql.raw('period'), where: [sql`grain = ${monthly ? 'month' : 'day'}`] };
}

/**
 * Sums of the measures for the scope, the kinds and the range (on the counter's day: reception day,
 * end day or appointment day by kind), grouped by the given columns.
 */
export async function sums(db: Queryable, scope: Scope, kinds: string[], range: { from: number; to: number } | null, groupBy: ('kind' | 'outcome' | 'channel' | 'unit_id' | 'period')[]): Promise<SumRow[]> {
  if (scope.unitIds.length === 0) return [];
  const src = source(scope, kinds, range);
  const where = [...src.where, sql`unit_id in (${sql.join(scope.unitIds.map((u) => sql`${u}::uuid`))})`, sql`kind in (${sql.join(kinds)})`];
  if (range) where.push(sql`${src.period} >= ${iso(range.from)}::date and ${src.period} < ${iso(range.to)}::date`);
  const cols = groupBy.map((g) => (g === 'period' ? sql`${src.period}::text as period` : sql.raw(g)));
  const groups = groupBy.map((g) => (g === 'period' ? src.period : sql.raw(g)));
  const measures = sql.raw(MEASURE_NAMES.map((m) => `coalesce(sum(${m}), 0)::bigint as ${m}`).join(', '));
  const q = sql<SumRow>`select ${sql.join([...cols, measures])} from ${src.table} where ${sql.join(where, sql` and `)}${groups.length ? sql` group by ${sql.join(groups)}` : sql``}`;
  return (await q.execute(db)).rows.map((r) => {
    const out = { ...r } as SumRow;
    for (const m of MEASURE_NAMES) out[m] = Number(r[m]);
    if (r.channel !== undefined) out.channel = Number(r.channel);
    return out;
  });
}

/** Histogram of processing times (half working days) of results in the range, without detail filters. */
export async function histogram(db: Queryable, unitIds: string[], range: { from: number; to: number }) {
  if (unitIds.length === 0) return [];
  const monthly = isFirstOfMonth(range.from) && isFirstOfMonth(range.to);
  const rows = await sql<{ bucket: number; n: number }>`select bucket, sum(n)::bigint as n from report_duration_hist
    where grain = ${monthly ? 'month' : 'day'} and unit_id in (${sql.join(unitIds.map((u) => sql`${u}::uuid`))})
      and period >= ${iso(range.from)}::date and period < ${iso(range.to)}::date group by bucket`.execute(db);
  return rows.rows.map((r) => ({ bucket: Number(r.bucket), n: Number(r.n) }));
}

/** Fact predicates: the dimensions of a scope. */
export function factScope(scope: Scope): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`f.unit_id in (${sql.join(scope.unitIds.map((u) => sql`${u}::uuid`))})`];
  if (scope.procedureCode) where.push(sql`f.procedure_code = ${scope.procedureCode}`);
  if (scope.field) where.push(sql`f.field = ${scope.field}`);
  if (scope.officerId) where.push(sql`f.officer_id = ${scope.officerId}::uuid`);
  return where;
}

/** Processing minutes of the results in the range, with detail filters (for the p90). */
export async function resultMinutes(db: Queryable, scope: Scope, range: { from: number; to: number }) {
  if (scope.unitIds.length === 0) return [];
  const rows = await sql<{ working_minutes: number }>`select f.working_minutes from report_dossier_fact f
    where ${sql.join(factScope(scope), sql` and `)} and f.end_outcome in ('early', 'on_time', 'late') and f.working_minutes is not null
      and f.end_day >= ${iso(range.from)}::date and f.end_day < ${iso(range.to)}::date`.execute(db);
  return rows.rows.map((r) => Number(r.working_minutes));
}

/** Open dossiers of the scope whose appointment falls today but before `now` (overdue since this morning). */
export async function overdueToday(db: Queryable, scope: Scope, todayStart: Date, now: Date) {
  if (scope.unitIds.length === 0) return 0;
  const r = await sql<{ n: number }>`select count(*)::bigint as n from report_dossier_fact f
    where ${sql.join(factScope(scope), sql` and `)} and f.open and f.due_at > ${todayStart} and f.due_at < ${now}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export interface DossierLineRow {
  id: string;
  code: string | null;
  procedure_code: string;
  procedure_name: string;
  status: number;
  channel: number;
  received_at: Date | null;
  due_at: Date | null;
  effective_due_at: Date | null;
  result_issued_at: Date | null;
  finished_at: Date | null;
  timeliness: string | null;
  holding_unit: string | null;
  officer: string | null;
  apology_issued: boolean;
  open: boolean;
  end_outcome: string | null;
  receiving_unit_id: string;
}

/**
 * Dossiers whose facts match `condition`: a figure's drill-down and the late list. Several conditions
 * (which must not overlap) are read as a union, each by its own index, rather than as one OR that
 * only a scan of every fact can answer.
 */
export async function dossierLines(db: Queryable, scope: Scope, condition: RawBuilder<unknown> | RawBuilder<unknown>[], page: number, pageSize: number, order: RawBuilder<unknown> = sql`d.received_at desc nulls last, d.id`) {
  if (scope.unitIds.length === 0) return { total: 0, rows: [] as DossierLineRow[] };
  const conditions = Array.isArray(condition) ? condition : [condition];
  const hits = sql.join(
    conditions.map((c) => sql`select f.dossier_id from report_dossier_fact f where ${sql.join([...factScope(scope), c], sql` and `)}`),
    sql` union all `,
  );
  const [total, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::bigint as n from (${hits}) h`.execute(db),
    sql<DossierLineRow>`select d.id, d.code, d.procedure_code, d.procedure_name, d.status, d.channel, d.received_at, d.due_at, d.effective_due_at,
        d.result_issued_at, d.finished_at, d.timeliness, hu.name as holding_unit, coalesce(a.full_name, o.full_name) as officer, d.apology_issued, f.open, f.end_outcome, d.receiving_unit_id
      from (${hits}) h join report_dossier_fact f on f.dossier_id = h.dossier_id join dossier d on d.id = f.dossier_id
      left join unit hu on hu.id = d.holding_unit_id
      left join staff_account a on a.id = d.assignee_id
      left join staff_account o on o.id = f.officer_id
      order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
  ]);
  return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows };
}

/** The reason recorded on each dossier: its apology letter's, else its latest event with a reason. */
export async function reasonsOf(db: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('dossier_event').select(['dossier_id', 'type', 'reason', 'seq']).where('dossier_id', 'in', ids).where('reason', 'is not', null).orderBy('seq').execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.reason && (r.type === 'apology_issued' || !out.has(r.dossier_id) || !rows.some((x) => x.dossier_id === r.dossier_id && x.type === 'apology_issued'))) out.set(r.dossier_id, r.reason);
  return out;
}

/** Procedures of the catalog in force, and those with an online service (QĐ 766 indicator 3.1). */
export async function catalogOnline(db: Queryable) {
  const r = await sql<{ all: number; online: number }>`select count(*)::bigint as all, count(*) filter (where online_level in ('partly_online', 'fully_online'))::bigint as online from procedure where state <> 'abolished'`.execute(db);
  return { all: Number(r.rows[0]?.all ?? 0), online: Number(r.rows[0]?.online ?? 0) };
}

/**
 * Procedures with dossiers in the range, and how many of them had an online one (indicator 3.2), for
 * several groups of units at once (a unit and each of its children), from the small per-day/per-month
 * table of procedures used (`report_procedure_use`, maintained with the counters).
 */
export async function proceduresUsedOnline(db: Queryable, groups: { key: string; unitIds: string[] }[], range: { from: number; to: number }) {
  const out = new Map<string, { online: number; withService: number }>(groups.map((g) => [g.key, { online: 0, withService: 0 }]));
  const pairs = groups.flatMap((g) => g.unitIds.map((u) => sql`(${g.key}, ${u}::uuid)`));
  if (pairs.length === 0) return out;
  const monthly = isFirstOfMonth(range.from) && isFirstOfMonth(range.to);
  const r = await sql<{ key: string; online: number; with_service: number }>`
    with g(key, unit_id) as (values ${sql.join(pairs)}),
    used as (
      select g.key, u.procedure_code, sum(u.online_n) > 0 as online from report_procedure_use u join g on g.unit_id = u.unit_id
      where u.grain = ${monthly ? 'month' : 'day'} and u.unit_id in (select unit_id from g)
        and u.period >= ${iso(range.from)}::date and u.period < ${iso(range.to)}::date
      group by g.key, u.procedure_code having sum(u.received_n) > 0)
    select key, count(*) filter (where used.online)::bigint as online, count(*)::bigint as with_service
    from used where exists (select 1 from procedure p where p.code = used.procedure_code and p.online_level in ('partly_online', 'fully_online'))
    group by key`.execute(db);
  for (const row of r.rows) out.set(row.key, { online: Number(row.online), withService: Number(row.with_service) });
  return out;
}

/** `overdueToday` per unit of the scope: open dossiers whose appointment falls today but before `now`. */
export async function overdueTodayByUnit(db: Queryable, scope: Scope, todayStart: Date, now: Date) {
  if (scope.unitIds.length === 0) return new Map<string, number>();
  const r = await sql<{ unit_id: string; n: number }>`select f.unit_id, count(*)::bigint as n from report_dossier_fact f
    where ${sql.join(factScope(scope), sql` and `)} and f.open and f.due_at > ${todayStart} and f.due_at < ${now} group by f.unit_id`.execute(db);
  return new Map(r.rows.map((x) => [x.unit_id, Number(x.n)]));
}

/**
 * One page of the late list: open dossiers past their appointment (`overdueBefore`) and results after it
 * whose end day falls in `range`, ordered by the appointment (nulls last) and the dossier id. Each part is
 * read in that order from its own index (the open dossiers by `due_at`; the late results per month of
 * their end day by `late_due_at`), at most `page × pageSize` rows each, and only the page is joined to
 * `dossier`.
 */
export async function latePage(db: Queryable, scope: Scope, which: 'all' | 'overdue' | 'late', overdueBefore: Date, range: { from: number; to: number }, page: number, pageSize: number) {
  if (scope.unitIds.length === 0) return [] as DossierLineRow[];
  const k = page * pageSize;
  const where = factScope(scope);
  const parts: RawBuilder<unknown>[] = [];
  if (which !== 'late')
    parts.push(sql`(select f.dossier_id, f.due_at as k from report_dossier_fact f where f.open and f.due_at < ${overdueBefore} and ${sql.join(where, sql` and `)} order by f.due_at, f.dossier_id limit ${k})`);
  if (which !== 'overdue') {
    const first = fromEpochDay(range.from);
    for (let y = first.year, m = first.month; ; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
      const month = `${y}-${String(m).padStart(2, '0')}-01`;
      if (Date.parse(`${month}T00:00:00Z`) / 86_400_000 >= range.to) break;
      parts.push(sql`(select f.dossier_id, f.late_due_at as k from report_dossier_fact f
        where f.end_outcome = 'late' and date_trunc('month', f.end_day::timestamp) = ${month}::timestamp
          and f.end_day >= ${iso(range.from)}::date and f.end_day < ${iso(range.to)}::date and ${sql.join(where, sql` and `)}
        order by date_trunc('month', f.end_day::timestamp), f.late_due_at, f.dossier_id limit ${k})`);
    }
  }
  const rows = await sql<DossierLineRow & { k: Date | null }>`
    with page as (select h.dossier_id, h.k from (${sql.join(parts, sql` union all `)}) h order by h.k nulls last, h.dossier_id limit ${pageSize} offset ${(page - 1) * pageSize})
    select d.id, d.code, d.procedure_code, d.procedure_name, d.status, d.channel, d.received_at, d.due_at, d.effective_due_at,
        d.result_issued_at, d.finished_at, d.timeliness, hu.name as holding_unit, coalesce(a.full_name, o.full_name) as officer, d.apology_issued, f.open, f.end_outcome, d.receiving_unit_id, page.k
      from page join report_dossier_fact f on f.dossier_id = page.dossier_id join dossier d on d.id = page.dossier_id
      left join unit hu on hu.id = d.holding_unit_id
      left join staff_account a on a.id = d.assignee_id
      left join staff_account o on o.id = f.officer_id
      order by page.k nulls last, page.dossier_id`.execute(db);
  return rows.rows;
}
