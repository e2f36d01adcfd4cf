/**
 * Figures, drill-downs, the late list and the QĐ 766 index, read from the counters (kept current by
 * reports.refresh.ts before every read). Who may read: supervisors, leaders and administrators, within
 * the units their roles cover.
 */
import { sql } from 'kysely';
import { vietnamEpochDay, instantOfVietnamDay } from '@motcua/core/calendar/vietnam-time.ts';
import { bucketOf } from '@motcua/core/reports/facts.ts';
import { FIGURES } from '@motcua/core/reports/figures.ts';
import { INDEX_GROUPS, INDICATORS, indicatorPoints, round2, type Weight } from '@motcua/core/reports/index766.ts';
import { isoDay, periodAt, periodOf, periodsBefore, type Grain, type Period } from '@motcua/core/reports/periods.ts';
import type { FigureFilter, FigureValue } from '@motcua/core/reports/schemas.ts';
import type { AppContext } from '../../context.ts';
import { errors } from '../../platform/errors.ts';
import { jurisdictionRoots, type StaffPrincipal } from '../users/principal.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { workingTimeBetween } from '@motcua/core/calendar/deadline.ts';
import { figureSource } from './reports.registry.ts';
import { refreshCounters } from './reports.refresh.ts';
import * as repo from './reports.repo.ts';

const READERS = ['supervisor', 'leader', 'admin'] as const;
const RESULTS = ['early', 'on_time', 'late'];

const periodView = (p: Period) => ({ grain: p.grain, label: p.label, from: isoDay(p.from), to: isoDay(p.to) });

type Totals = {
  received: number;
  byChannel: Record<number, number>;
  online: number;
  supplement: number;
  digitized: number;
  onlineOk: number;
  refusedIntake: number;
  early: number;
  onTime: number;
  late: number;
  withdrawn: number;
  stopped: number;
  minutes: number;
  timed: number;
  onTime766: number;
  resultFile: number;
  docResult: number;
};

function totalsOf(rows: repo.SumRow[]): Totals {
  const t: Totals = { received: 0, byChannel: { 1: 0, 2: 0, 3: 0 }, online: 0, supplement: 0, digitized: 0, onlineOk: 0, refusedIntake: 0, early: 0, onTime: 0, late: 0, withdrawn: 0, stopped: 0, minutes: 0, timed: 0, onTime766: 0, resultFile: 0, docResult: 0 };
  for (const r of rows) {
    if (r.kind === 'received' && r.outcome === 'received') {
      t.received += r.n;
      t.byChannel[r.channel] = (t.byChannel[r.channel] ?? 0) + r.n;
      if (r.channel === 2) t.online += r.n;
      t.supplement += r.supplement_n;
      t.digitized += r.digitized_n;
      t.onlineOk += r.online_ok_n;
    } else if (r.kind === 'received' && r.outcome === 'refused') t.refusedIntake += r.n;
    else if (r.kind === 'finished') {
      if (r.outcome === 'early') t.early += r.n;
      else if (r.outcome === 'on_time') t.onTime += r.n;
      else if (r.outcome === 'late') t.late += r.n;
      else if (r.outcome === 'withdrawn') t.withdrawn += r.n;
      else if (r.outcome === 'stopped') t.stopped += r.n;
      t.minutes += r.minutes;
      t.timed += r.timed_n;
      t.onTime766 += r.on_time_766_n;
      t.resultFile += r.result_file_n;
      t.docResult += r.doc_result_n;
    }
  }
  return t;
}

/** The p90 of a histogram of half-working-day buckets, in working days. */
export function p90Days(buckets: { bucket: number; n: number }[]): number | null {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  for (const b of [...buckets].sort((x, y) => x.bucket - y.bucket)) {
    seen += b.n;
    if (seen >= rank) return b.bucket / 2;
  }
  return null;
}

export class ReportsService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  /** The unit a report is about (default: the reader's top unit) and its subtree, checked against the reader's roles. */
  async scopeOf(principal: StaffPrincipal, filter: { unitId?: string | undefined; procedureCode?: string | undefined; field?: string | undefined; officerId?: string | undefined }) {
    const roots = jurisdictionRoots(principal, READERS);
    if (roots.length === 0) throw errors.forbidden();
    const unit = filter.unitId
      ? await this.db.selectFrom('unit').select(['id', 'name', 'path', 'parent_id']).where('id', '=', filter.unitId).executeTakeFirst()
      : await this.db.selectFrom('unit').select(['id', 'name', 'path', 'parent_id']).where('path', '=', roots[0]!).executeTakeFirst();
    if (!unit || !roots.some((r) => unit.path.startsWith(r))) throw errors.forbidden();
    const subtree = await this.db.selectFrom('unit').select(['id', 'name', 'path', 'parent_id']).where('path', 'like', `${unit.path}%`).orderBy('path').execute();
    const scope: repo.Scope = { unitIds: subtree.map((u) => u.id), procedureCode: filter.procedureCode, field: filter.field, officerId: filter.officerId };
    return { unit, subtree, scope };
  }

  private periodOf(grain: Grain, at: string | undefined): Period {
    return at ? periodAt(grain, at) : periodOf(grain, vietnamEpochDay(this.ctx.clock.now().getTime()));
  }

  private async openCounts(scope: repo.Scope) {
    const now = this.ctx.clock.now();
    const today = vietnamEpochDay(now.getTime());
    const rows = await repo.sums(this.db, scope, ['open'], null, ['period']);
    let total = 0;
    let overdue = 0;
    for (const r of rows) {
      total += r.n;
      const day = Math.round(Date.parse(`${r.period}T00:00:00Z`) / 86_400_000);
      if (day > 0 && day < today) overdue += r.n;
    }
    overdue += await repo.overdueToday(this.db, scope, new Date(instantOfVietnamDay(today)), now);
    return { total, overdue, onTime: total - overdue };
  }

  async figures(principal: StaffPrincipal, filter: FigureFilter) {
    await refreshCounters(this.ctx);
    const { unit, subtree, scope } = await this.scopeOf(principal, filter);
    const period = this.periodOf(filter.grain, filter.at);
    const range = { from: period.from, to: period.to };
    // The trend's 12 periods end with this one: its sums give this period's totals too. The unit comparison
    // is summed per unit in SQL: the period's results, and the open dossiers whose appointment day has
    // passed (day 0 is "no appointment"), without reading the counters' whole history. All at once.
    const periods = periodsBefore(period, 12);
    const today = vietnamEpochDay(this.ctx.clock.now().getTime());
    const [trendRows, open, p90, byUnit, openByUnit] = await Promise.all([
      repo.sums(this.db, scope, ['received', 'finished'], { from: periods[0]!.from, to: period.to }, ['kind', 'outcome', 'channel', 'period']),
      this.openCounts(scope),
      repo.hasDetailFilter(scope)
        ? repo.resultMinutes(this.db, scope, range).then((ms) => p90Days(ms.map((m) => ({ bucket: bucketOf(m), n: 1 }))))
        : repo.histogram(this.db, scope.unitIds, range).then(p90Days),
      repo.sums(this.db, scope, ['received', 'finished'], range, ['kind', 'outcome', 'unit_id']),
      repo.sums(this.db, scope, ['open'], { from: 1, to: today }, ['unit_id']),
    ]);
    const within = (p: { from: number; to: number }) =>
      trendRows.filter((r) => {
        const day = Math.round(Date.parse(`${r.period}T00:00:00Z`) / 86_400_000);
        return day >= p.from && day < p.to;
      });
    const t = totalsOf(within(range));
    const processed = t.early + t.onTime + t.late;
    const pct = (a: number, b: number) => (b > 0 ? round2((a * 100) / b) : null);
    const values: Record<string, { value: number | null; count: number; denominator: number | null }> = {
      received: { value: t.received, count: t.received, denominator: null },
      received_in_person: { value: t.byChannel[1] ?? 0, count: t.byChannel[1] ?? 0, denominator: null },
      received_online: { value: t.online, count: t.online, denominator: null },
      received_postal: { value: t.byChannel[3] ?? 0, count: t.byChannel[3] ?? 0, denominator: null },
      online_share: { value: pct(t.online, t.received), count: t.online, denominator: t.received },
      processed: { value: processed, count: processed, denominator: null },
      processed_early: { value: t.early, count: t.early, denominator: null },
      processed_on_time: { value: t.onTime, count: t.onTime, denominator: null },
      processed_late: { value: t.late, count: t.late, denominator: null },
      on_time_rate: { value: pct(t.early + t.onTime, processed), count: t.early + t.onTime, denominator: processed },
      open_on_time: { value: open.onTime, count: open.onTime, denominator: null },
      open_overdue: { value: open.overdue, count: open.overdue, denominator: null },
      supplement_requests: { value: t.supplement, count: t.supplement, denominator: null },
      refusals: { value: t.refusedIntake + t.stopped, count: t.refusedIntake + t.stopped, denominator: null },
      withdrawals: { value: t.withdrawn, count: t.withdrawn, denominator: null },
      avg_days: { value: t.timed > 0 ? round2(t.minutes / 480 / t.timed) : null, count: t.timed, denominator: null },
      p90_days: { value: p90, count: t.timed, denominator: null },
      digitized: { value: pct(t.digitized, t.received), count: t.digitized, denominator: t.received },
      results_digitized: { value: pct(t.resultFile, t.docResult), count: t.resultFile, denominator: t.docResult },
    };
    const sourceScope = { unitIds: scope.unitIds, from: new Date(instantOfVietnamDay(period.from)), to: new Date(instantOfVietnamDay(period.to)) };
    // Figures kept by other modules (ratings, petitions, …): asked at once.
    const figures: FigureValue[] = await Promise.all(
      FIGURES.map(async (def) => {
        let v = values[def.id] ?? null;
        if (!v) {
          const provider = figureSource(def.id);
          if (provider) {
            const s = await provider(this.ctx, sourceScope);
            v = { value: s.denominator !== null ? pct(s.numerator, s.denominator) : s.numerator, count: s.numerator, denominator: s.denominator };
          }
        }
        return { id: def.id, source: def.source, unit: def.unit, label: def.label, formula: def.formula, snapshot: Boolean(def.snapshot), available: v !== null, value: v?.value ?? null, count: v?.count ?? 0, denominator: v?.denominator ?? null };
      }),
    );

    const trend = periods.map((p) => {
      const x = totalsOf(within(p));
      return { period: periodView(p), received: x.received, online: x.online, processed: x.early + x.onTime + x.late, onTime: x.early + x.onTime, late: x.late };
    });

    // Unit comparison: the unit's children (each with its subtree), or the unit itself when it has none.
    const children = subtree.filter((u) => u.parent_id === unit.id);
    const compared = (children.length > 0 ? children : [unit]).map((c) => {
      const ids = new Set(subtree.filter((u) => u.path.startsWith(c.path)).map((u) => u.id));
      const x = totalsOf(byUnit.filter((r) => ids.has(r.unit_id)));
      const openOverdue = openByUnit.filter((r) => ids.has(r.unit_id)).reduce((s, r) => s + r.n, 0);
      return { unitId: c.id, name: c.name, path: c.path, parentId: c.parent_id, received: x.received, processed: x.early + x.onTime + x.late, onTime: x.early + x.onTime, late: x.late, openOverdue };
    });
    return {
      period: periodView(period),
      asOf: this.ctx.clock.now().toISOString(),
      figures,
      channels: [1, 2, 3].map((c) => ({ channel: c, received: t.byChannel[c] ?? 0 })),
      trend,
      units: compared,
    };
  }

  /** The fact condition of each dossier figure: what its drill-down lists. */
  private condition(figure: string, period: Period) {
    const from = isoDay(period.from);
    const to = isoDay(period.to);
    const received = sql`f.intake = 'received' and f.day >= ${from}::date and f.day < ${to}::date`;
    const ended = (outcomes: string[]) => sql`f.end_outcome in (${sql.join(outcomes)}) and f.end_day >= ${from}::date and f.end_day < ${to}::date`;
    const now = this.ctx.clock.now();
    switch (figure) {
      case 'received':
        return received;
      case 'received_in_person':
        return sql`${received} and f.channel = 1`;
      case 'received_online':
      case 'online_share':
        return sql`${received} and f.channel = 2`;
      case 'received_postal':
        return sql`${received} and f.channel = 3`;
      case 'processed':
      case 'on_time_rate':
      case 'avg_days':
      case 'p90_days':
        return ended(RESULTS);
      case 'processed_early':
        return ended(['early']);
      case 'processed_on_time':
        return ended(['on_time']);
      case 'processed_late':
        return ended(['late']);
      case 'open_on_time':
        return sql`f.open and (f.due_at is null or f.due_at >= ${now})`;
      case 'open_overdue':
        return sql`f.open and f.due_at < ${now}`;
      case 'supplement_requests':
        return sql`${received} and f.supplement_requests > 0`;
      case 'refusals':
        return sql`((f.intake = 'refused' and f.day >= ${from}::date and f.day < ${to}::date) or (${ended(['stopped'])}))`;
      case 'withdrawals':
        return ended(['withdrawn']);
      case 'digitized':
        return sql`${received} and f.digitized`;
      case 'results_digitized':
        return sql`${ended(RESULTS)} and f.doc_result_required and f.result_file`;
      default:
        return null;
    }
  }

  private async lines(rows: repo.DossierLineRow[]) {
    const reasons = await repo.reasonsOf(this.db, rows.map((r) => r.id));
    const now = this.ctx.clock.now().getTime();
    const calendar = rows.length > 0 ? await calendarService(this.db).calendarFor(null) : null;
    const out = [];
    for (const r of rows) {
      const due = (r.open ? r.effective_due_at : r.due_at)?.getTime() ?? null;
      const end = r.open ? now : (r.result_issued_at?.getTime() ?? null);
      let daysLate: number | null = null;
      if (due !== null && end !== null && end > due && calendar) {
        daysLate = round2(workingTimeBetween(calendar, due, end).minutes / 480);
      }
      out.push({
        id: r.id,
        code: r.code,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        status: r.status,
        channel: r.channel,
        receivedAt: r.received_at?.toISOString() ?? null,
        dueAt: (r.open ? r.effective_due_at : r.due_at)?.toISOString() ?? null,
        finishedAt: (r.result_issued_at ?? r.finished_at)?.toISOString() ?? null,
        timeliness: r.timeliness,
        holdingUnit: r.holding_unit,
        officer: r.officer,
        daysLate,
        reason: reasons.get(r.id) ?? null,
        apologyIssued: r.apology_issued,
      });
    }
    return out;
  }

  async drill(principal: StaffPrincipal, query: FigureFilter & { figure: string; page: number; pageSize: number }) {
    await refreshCounters(this.ctx);
    const { scope } = await this.scopeOf(principal, query);
    const condition = this.condition(query.figure, this.periodOf(query.grain, query.at));
    if (!condition) throw errors.badRequest('no_drill_down', { vi: `Chỉ số ${query.figure} không có danh sách hồ sơ`, en: `The figure ${query.figure} has no dossier list` });
    const { total, rows } = await repo.dossierLines(this.db, scope, condition, query.page, query.pageSize);
    return { figure: query.figure, total, page: query.page, items: await this.lines(rows) };
  }

  /**
   * Overdue (open, past the appointment) and late (result after it, in the period) dossiers, most overdue
   * first. The total comes from the counters (the same numbers as the figures open_overdue and
   * processed_late), the page from the facts in index order.
   */
  async late(principal: StaffPrincipal, query: FigureFilter & { which: 'all' | 'overdue' | 'late'; page: number; pageSize: number }) {
    await refreshCounters(this.ctx);
    const { scope } = await this.scopeOf(principal, query);
    const period = this.periodOf(query.grain, query.at);
    const range = { from: period.from, to: period.to };
    const [overdue, late, rows] = await Promise.all([
      query.which === 'late' ? 0 : this.openCounts(scope).then((o) => o.overdue),
      query.which === 'overdue' ? 0 : repo.sums(this.db, scope, ['finished'], range, ['outcome']).then((r) => r.filter((x) => x.outcome === 'late').reduce((t, x) => t + x.n, 0)),
      repo.latePage(this.db, scope, query.which, this.ctx.clock.now(), range, query.page, query.pageSize),
    ]);
    return { total: overdue + late, page: query.page, items: await this.lines(rows) };
  }

  async weights(): Promise<Map<string, Weight>> {
    const rows = await this.db.selectFrom('report_index_weight').selectAll().execute();
    const out = new Map<string, Weight>();
    for (const i of INDICATORS) out.set(i.id, { points: i.points, threshold: i.threshold });
    for (const r of rows) out.set(r.indicator_id, { points: Number(r.points), threshold: r.threshold === null ? null : Number(r.threshold) });
    return out;
  }

  async setWeights(principal: StaffPrincipal, weights: { id: string; points: number; threshold: number | null }[]) {
    if (!principal.grants.some((g) => g.role === 'admin')) throw errors.forbidden();
    for (const w of weights) {
      const def = INDICATORS.find((i) => i.id === w.id);
      if (!def) throw errors.validation([{ path: 'body.weights', code: 'unknown_indicator', message: { vi: `Không có chỉ tiêu ${w.id}`, en: `No indicator ${w.id}` } }]);
      if (def.pointsConfidence === 'V' && w.points !== def.points)
        throw errors.validation([{ path: 'body.weights', code: 'verified_points', message: { vi: `Điểm của chỉ tiêu ${w.id} đã được xác minh trong văn bản, không sửa được`, en: `The points of ${w.id} are verified in the text and cannot change` } }]);
    }
    const now = this.ctx.clock.now();
    await this.db.transaction().execute(async (trx) => {
      for (const w of weights)
        await trx
          .insertInto('report_index_weight')
          .values({ indicator_id: w.id, points: w.points, threshold: w.threshold, updated_at: now, updated_by: principal.id })
          .onConflict((oc) => oc.column('indicator_id').doUpdateSet({ points: w.points, threshold: w.threshold, updated_at: now, updated_by: principal.id }))
          .execute();
    });
  }

  /** The index of a group of units from its counter sums (`t`) and its open overdue dossiers. */
  private async indexFor(unitIds: string[], period: Period, weights: Map<string, Weight>, catalog: { all: number; online: number }, used: { online: number; withService: number }, t: Totals, openOverdue: number) {
    const values: Record<string, { numerator: number; denominator: number } | undefined> = {
      '2.1': { numerator: t.onTime766, denominator: t.early + t.onTime + t.late + openOverdue },
      '2.2': { numerator: t.timed > 0 ? round2(t.minutes / 480 / t.timed) : 0, denominator: t.timed },
      '3.1': { numerator: catalog.online, denominator: catalog.all },
      '3.2': { numerator: used.online, denominator: used.withService },
      '3.3': { numerator: t.onlineOk, denominator: t.received },
      '4.1': { numerator: t.resultFile, denominator: t.docResult },
      '4.2': { numerator: t.digitized, denominator: t.received },
    };
    const sourceScope = { unitIds, from: new Date(instantOfVietnamDay(period.from)), to: new Date(instantOfVietnamDay(period.to)) };
    const indicators: { id: string; group: string; label: { vi: string; en: string }; formula: { vi: string; en: string }; points: number; pointsConfidence: 'V' | 'S' | 'U'; threshold: number | null; available: boolean; numerator: number | null; denominator: number | null; rate: number | null; score: number | null }[] = [];
    for (const def of INDICATORS) {
      const w = weights.get(def.id)!;
      let v = values[def.id];
      if (!v) {
        const provider = figureSource(`index:${def.id}`);
        if (provider) {
          const s = await provider(this.ctx, sourceScope);
          v = { numerator: s.numerator, denominator: s.denominator ?? 0 };
        }
      }
      const scored = v ? (def.id === '2.2' ? { rate: null, points: 0 } : indicatorPoints(v.numerator, v.denominator, w)) : { rate: null, points: null };
      indicators.push({ id: def.id, group: def.group, label: def.label, formula: def.formula, points: w.points, pointsConfidence: def.pointsConfidence, threshold: w.threshold, available: v !== undefined, numerator: v?.numerator ?? null, denominator: v?.denominator ?? null, rate: scored.rate, score: scored.points });
    }
    const groups = INDEX_GROUPS.map((g) => {
      const inGroup = indicators.filter((i) => i.group === g.id);
      return { id: g.id, label: g.label, max: g.max, score: round2(inGroup.reduce((s, i) => s + (i.score ?? 0), 0)), available: round2(inGroup.filter((i) => i.available && i.denominator !== 0).reduce((s, i) => s + i.points, 0)) };
    });
    return { indicators, groups, total: round2(groups.reduce((s, g) => s + g.score, 0)), availableMax: round2(groups.reduce((s, g) => s + g.available, 0)) };
  }

  /**
   * The QĐ 766 index of a unit and of each of its children. The counters are summed once, grouped by unit,
   * and the open overdue dossiers counted once per unit; each child adds up the rows of its subtree.
   */
  async index(principal: StaffPrincipal, query: { unitId?: string | undefined; grain: 'week' | 'month' | 'quarter' | 'year'; at?: string | undefined }) {
    await refreshCounters(this.ctx);
    const { unit, subtree, scope } = await this.scopeOf(principal, query);
    const period = this.periodOf(query.grain, query.at);
    const range = { from: period.from, to: period.to };
    const now = this.ctx.clock.now();
    const today = vietnamEpochDay(now.getTime());
    const current = today >= period.from && today < period.to;
    const children = subtree.filter((u) => u.parent_id === unit.id).map((c) => ({ unit: c, ids: subtree.filter((u) => u.path.startsWith(c.path)).map((u) => u.id) }));
    const [weights, catalog, used, rows, openRows, overdueToday] = await Promise.all([
      this.weights(),
      repo.catalogOnline(this.db),
      repo.proceduresUsedOnline(this.db, [{ key: unit.id, unitIds: scope.unitIds }, ...children.map((c) => ({ key: c.unit.id, unitIds: c.ids }))], range),
      repo.sums(this.db, scope, ['received', 'finished'], range, ['kind', 'outcome', 'channel', 'unit_id']),
      current ? repo.sums(this.db, scope, ['open'], { from: 1, to: today }, ['unit_id']) : Promise.resolve([] as repo.SumRow[]),
      current ? repo.overdueTodayByUnit(this.db, scope, new Date(instantOfVietnamDay(today)), now) : Promise.resolve(new Map<string, number>()),
    ]);
    const of = (ids: string[]) => {
      const set = new Set(ids);
      const t = totalsOf(rows.filter((r) => set.has(r.unit_id)));
      const openOverdue = openRows.filter((r) => set.has(r.unit_id)).reduce((s, r) => s + r.n, 0) + ids.reduce((s, id) => s + (overdueToday.get(id) ?? 0), 0);
      return { t, openOverdue };
    };
    const mine = of(scope.unitIds);
    const own = await this.indexFor(scope.unitIds, period, weights, catalog, used.get(unit.id)!, mine.t, mine.openOverdue);
    const units = [];
    for (const { unit: c, ids } of children) {
      const x = of(ids);
      const index = await this.indexFor(ids, period, weights, catalog, used.get(c.id)!, x.t, x.openOverdue);
      units.push({ unitId: c.id, name: c.name, total: index.total, availableMax: index.availableMax });
    }
    return { period: periodView(period), unit: { id: unit.id, name: unit.name }, ...own, units };
  }

  /** The periodic report table: one row per unit below the chosen one (and a total), as provinces submit it. */
  async reportTable(principal: StaffPrincipal, filter: FigureFilter) {
    const result = await this.figures(principal, filter);
    const { unit, subtree, scope } = await this.scopeOf(principal, filter);
    const period = this.periodOf(filter.grain, filter.at);
    const children = subtree.filter((u) => u.parent_id === unit.id);
    // Summed once, grouped by unit; each row adds up its subtree's rows.
    const now = this.ctx.clock.now();
    const today = vietnamEpochDay(now.getTime());
    const [sumRows, openRows, overdueToday] = await Promise.all([
      repo.sums(this.db, scope, ['received', 'finished'], { from: period.from, to: period.to }, ['kind', 'outcome', 'channel', 'unit_id']),
      repo.sums(this.db, scope, ['open'], null, ['unit_id', 'period']),
      repo.overdueTodayByUnit(this.db, scope, new Date(instantOfVietnamDay(today)), now),
    ]);
    const rows = [];
    for (const c of [...children, unit]) {
      const ids = new Set(c.id === unit.id ? scope.unitIds : subtree.filter((u) => u.path.startsWith(c.path)).map((u) => u.id));
      const t = totalsOf(sumRows.filter((r) => ids.has(r.unit_id)));
      const open = { total: 0, overdue: 0, onTime: 0 };
      for (const r of openRows) {
        if (!ids.has(r.unit_id)) continue;
        open.total += r.n;
        const day = Math.round(Date.parse(`${r.period}T00:00:00Z`) / 86_400_000);
        if (day > 0 && day < today) open.overdue += r.n;
      }
      for (const id of ids) open.overdue += overdueToday.get(id) ?? 0;
      open.onTime = open.total - open.overdue;
      const processed = t.early + t.onTime + t.late;
      rows.push({
        unit: c.id === unit.id ? `${c.name} (tổng / total)` : c.name,
        received: t.received,
        inPerson: t.byChannel[1] ?? 0,
        online: t.online,
        postal: t.byChannel[3] ?? 0,
        processed,
        early: t.early,
        onTime: t.onTime,
        late: t.late,
        openOnTime: open.onTime,
        openOverdue: open.overdue,
        onTimeRate: processed > 0 ? round2(((t.early + t.onTime) * 100) / processed) : null,
        supplements: t.supplement,
        refusals: t.refusedIntake + t.stopped,
        withdrawals: t.withdrawn,
        avgDays: t.timed > 0 ? round2(t.minutes / 480 / t.timed) : null,
      });
    }
    return { period: result.period, unit: unit.name, rows };
  }
}
