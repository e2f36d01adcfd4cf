import {
  DEFAULT_WORKING_HOURS_SPEC,
  buildCalendar,
  findScheduleConflicts,
  CalendarError,
  dueDate,
  formatIsoDate,
  formatVietnamDateTime,
  fromEpochDay,
  parseIsoDate,
  parseVietnamDateTime,
  toEpochDay,
  vietnamInstant,
  workingTimeBetween,
  OFFICIAL_SCHEDULES,
  type Duration,
  type Instant,
  type ScheduleEntry,
  type WorkingCalendar,
  type WorkingHoursSpec,
} from '@motcua/core/calendar/index.ts';
import type { CalendarEntry, YearEntriesUpdate } from '@motcua/core/calendar/http-schemas.ts';
import type { Db, Queryable } from '../../database.ts';
import { errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getUnitRecord, getUnitRecordByCode } from '../units/units.service.ts';
import { withCalendarErrors } from './calendar.errors.ts';
import * as repo from './calendar.repo.ts';

type UnitRecord = NonNullable<Awaited<ReturnType<typeof getUnitRecord>>>;

export interface AffectedDossier {
  id: string;
  code: string | null;
  dueAt: string;
  dueIfMoved: string | null;
}

/**
 * What the dossier module lends the calendar (which cannot import it): the open dossiers an edit would
 * move, and recomputing their deadlines when the administrator chooses to move them.
 */
export interface DeadlineHooks {
  affected(proposed: (unit: { path: string }) => Promise<WorkingCalendar>, from: Date): Promise<{ total: number; items: AffectedDossier[] }>;
  recompute(from: Date): Promise<number>;
}

interface ValidEntry {
  id: string;
  scope: 'official' | 'local';
  entry: ScheduleEntry;
  validFrom: number | null;
  validTo: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Turns an API instant (ISO with offset, Vietnam local date-time, or a date) into epoch ms. */
export function parseInstant(text: string, field: string, dateOnlyAt: 'start' | 'end' = 'start'): Instant {
  return withCalendarErrors(field, () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const day = toEpochDay(parseIsoDate(text));
      return vietnamInstant(fromEpochDay(dateOnlyAt === 'start' ? day : day + 1));
    }
    if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) {
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) return parseVietnamDateTime('invalid');
      return ms;
    }
    return parseVietnamDateTime(text.slice(0, 16));
  });
}

/**
 * Working calendars per unit, cached. The national schedule lives in the database; every use checks the
 * revision counter (one row), so an edit made through any server instance is seen by all.
 */
export class CalendarService {
  private revision = -1;
  /** Every entry ever valid, with its validity: the current ones have validTo null. */
  private history: ValidEntry[] = [];
  private rows: { scope: 'official' | 'local'; entry: ScheduleEntry }[] = [];
  private overrides: ScheduleEntry[] = [];
  private readonly calendars = new Map<string, WorkingCalendar>();
  /** Opening hours per unit path, for the current revision (an hours edit bumps the revision too). */
  private readonly hours = new Map<string, { spec: WorkingHoursSpec; inheritedFrom: string | null }>();

  private hooks: DeadlineHooks | null = null;

  constructor(private readonly db: Db) {}

  setDeadlineHooks(hooks: DeadlineHooks) {
    this.hooks = hooks;
  }

  /** `revision`, when given, is the counter just read by the caller (in a query of its own): not read again. */
  private async refresh(db: Queryable, knownRevision?: number) {
    const revision = knownRevision ?? (await repo.calendarRevision(db));
    if (revision === this.revision) return;
    const rows = await repo.allEntries(db);
    this.history = rows.map((r) => ({
      id: r.id,
      scope: r.scope,
      entry: toScheduleEntry({ date: r.day, kind: r.kind, label: r.label, holiday: r.holiday }),
      validFrom: r.valid_from?.getTime() ?? null,
      validTo: r.valid_to?.getTime() ?? null,
    }));
    this.rows = this.history.filter((r) => r.validTo === null);
    this.overrides = orderOverrides(this.rows);
    this.calendars.clear();
    this.hours.clear();
    this.revision = revision;
  }

  /** The unit from an API parameter (id or agency code); a 400 naming the field when there is none. */
  async resolveUnit(ref: string | undefined, field: string): Promise<UnitRecord | null> {
    if (!ref) return null;
    const unit = UUID.test(ref) ? await getUnitRecord(this.db, ref) : await getUnitRecordByCode(this.db, ref);
    if (!unit)
      throw errors.validation([{ path: field, code: 'unknown_unit', message: t(`Không có đơn vị "${ref}"`, `No unit "${ref}"`) }]);
    return unit;
  }

  async hoursFor(unit: { path: string } | null): Promise<{ spec: WorkingHoursSpec; inheritedFrom: string | null }> {
    if (!unit) return { spec: DEFAULT_WORKING_HOURS_SPEC, inheritedFrom: null };
    const ids = unit.path.split('/').filter(Boolean);
    const found = await repo.nearestWorkingHours(this.db, ids);
    return found ? { spec: found.spec, inheritedFrom: found.unitId } : { spec: DEFAULT_WORKING_HOURS_SPEC, inheritedFrom: null };
  }

  /** `hoursFor`, kept until the revision moves: call right after `refresh`. */
  private async currentHoursFor(unit: { path: string } | null) {
    if (!unit) return this.hoursFor(null);
    const revision = this.revision;
    const cached = this.hours.get(unit.path);
    if (cached) return cached;
    const found = await this.hoursFor(unit);
    if (this.revision === revision) this.hours.set(unit.path, found);
    return found;
  }

  /**
   * The unit's working calendar: the schedule in force now, or, with `asOf` (a dossier's reception), the
   * schedule that was valid then, so an edit made later does not move the deadlines it promised.
   */
  async calendarFor(unit: { path: string } | null, asOf?: Date | null, db: Queryable = this.db, knownRevision?: number): Promise<WorkingCalendar> {
    await this.refresh(db, knownRevision);
    const { spec } = await this.currentHoursFor(unit);
    if (!asOf) return this.build(spec, this.rows, 'now');
    const at = asOf.getTime();
    // An edit entered at the very instant of the reception counts as made after it.
    const valid = this.history.filter((r) => (r.validFrom === null || r.validFrom < at) && (r.validTo === null || r.validTo >= at));
    return this.build(spec, valid, valid.map((r) => r.id).join(','));
  }

  private build(spec: WorkingHoursSpec, rows: { scope: 'official' | 'local'; entry: ScheduleEntry }[], setKey: string | null) {
    const key = `${JSON.stringify(spec)}|${setKey}`;
    let calendar = setKey !== null ? this.calendars.get(key) : undefined;
    if (!calendar) {
      calendar = withCalendarErrors('calendar', () => buildCalendar({ overrides: orderOverrides(rows), hours: spec }));
      if (setKey !== null) this.calendars.set(key, calendar);
    }
    return calendar;
  }

  async dueDate(unit: UnitRecord | null, from: Instant, duration: Duration, options: { cutoff15h?: boolean; cutoffLastHour?: boolean }) {
    const calendar = await this.calendarFor(unit);
    const result = withCalendarErrors('querystring.duration', () => dueDate(calendar, from, duration, options));
    return {
      receivedAt: new Date(result.receivedAt).toISOString(),
      countingStart: new Date(result.countingStart).toISOString(),
      due: new Date(result.due).toISOString(),
      dueDay: formatIsoDate(result.dueDay),
      dueLocal: formatVietnamDateTime(result.due, { midnightAs24: true }),
      duration: { unit: duration.unit, value: duration.value },
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
    };
  }

  async workingDays(unit: UnitRecord | null, from: Instant, to: Instant) {
    if (to < from)
      throw errors.validation([{ path: 'querystring.to', code: 'to_before_from', message: t('"to" phải sau "from"', '"to" must not be before "from"') }]);
    const calendar = await this.calendarFor(unit);
    const elapsed = withCalendarErrors('querystring.from', () => workingTimeBetween(calendar, from, to));
    const daysOff: { date: string; kind: string; label: string | null }[] = [];
    const firstDay = Math.floor((from + 7 * 3600_000) / 86_400_000);
    const lastDay = Math.floor((to - 1 + 7 * 3600_000) / 86_400_000);
    if (lastDay - firstDay <= 3660)
      for (let day = firstDay; day <= lastDay; day++) {
        const info = withCalendarErrors('querystring.to', () => calendar.dayInfo(fromEpochDay(day)));
        if (info.workingMinutes === 0) daysOff.push({ date: info.iso, kind: info.kind, label: info.label });
      }
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      workingMinutes: elapsed.minutes,
      workingDays: elapsed.workingDays,
      daysOff,
    };
  }

  async yearView(unit: UnitRecord | null, year: number) {
    const calendar = await this.calendarFor(unit);
    const entries = await repo.entriesOfYear(this.db, year);
    const days = [];
    let workingDayCount = 0;
    for (let day = toEpochDay({ year, month: 1, day: 1 }); ; day++) {
      const date = fromEpochDay(day);
      if (date.year !== year) break;
      const info = withCalendarErrors('params.year', () => calendar.dayInfo(date));
      if (info.workingMinutes > 0) workingDayCount++;
      days.push({ date: info.iso, weekday: info.weekday, kind: info.kind, label: info.label, holiday: info.holiday, workingMinutes: info.workingMinutes });
    }
    return {
      year,
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
      days,
      entries: entries.map(toEntry),
      workingDayCount,
    };
  }

  /**
   * Replaces one scope's entries for a year. With dryRun, only reports the days whose kind would change,
   * so the admin sees the effect before choosing to apply it.
   */
  async replaceYear(clock: Clock, actorId: string | null, year: number, update: YearEntriesUpdate) {
    for (const [i, e] of update.entries.entries())
      if (!e.date.startsWith(`${year}-`))
        throw errors.validation([{ path: `body.entries[${i}].date`, code: 'wrong_year', message: t(`Ngày ${e.date} không thuộc năm ${year}`, `${e.date} is not in ${year}`) }]);
    if (update.scope === 'local' && update.entries.some((e) => e.holiday))
      throw errors.validation([{ path: 'body.entries', code: 'local_holiday_tag', message: t('Ngày nghỉ riêng của tỉnh không gắn với ngày lễ quốc gia', 'Local days off carry no national holiday tag') }]);
    const conflicts = findScheduleConflicts(update.entries.map(toScheduleEntry));
    if (conflicts.length > 0)
      throw errors.validation(
        conflicts.map((c) => ({
          path: `body.entries[${c.indexes[1]}].kind`,
          code: 'schedule_conflict',
          message: t(`Ngày ${c.date} vừa là ngày nghỉ vừa là ngày làm việc`, `${c.date} is both a day off and a working day`),
        })),
      );

    await this.refresh(this.db);
    const before = await this.yearView(null, year);
    const proposedRows = [
      ...this.rows.filter((r) => !(r.scope === update.scope && r.entry.date.startsWith(`${year}-`))),
      ...update.entries.map((e) => ({ scope: update.scope, entry: toScheduleEntry(e) })),
    ];
    const after = this.build(DEFAULT_WORKING_HOURS_SPEC, proposedRows, null);
    const changedDays = before.days
      .map((d) => ({ date: d.date, before: d.kind, after: after.dayInfo(d.date).kind }))
      .filter((d) => d.before !== d.after);
    const firstChange = changedDays[0] ? new Date(vietnamInstant(changedDays[0].date)) : null;
    const proposed = async (unit: { path: string }) => this.build((await this.hoursFor(unit)).spec, proposedRows, null);
    const affectedDossiers = firstChange && this.hooks ? await this.hooks.affected(proposed, firstChange) : { total: 0, items: [] };
    const outcome = { year, scope: update.scope, changedDays, affectedDossiers, openDossiers: update.openDossiers };
    if (update.dryRun) return { ...outcome, applied: false };
    const keepPromised = update.openDossiers === 'keep';

    await this.db.transaction().execute(async (trx) => {
      await repo.replaceYearEntries(trx, update.scope, year, update.entries.map((e) => ({ date: e.date, kind: e.kind, label: e.label, holiday: e.holiday ?? null })), actorId, { keepPromised, now: clock.now() });
      await repo.bumpRevision(trx);
      await recordAudit(trx, {
        actorId,
        action: 'calendar.replace_year',
        objectType: 'calendar',
        objectId: `${update.scope}:${year}`,
        detail: { before: before.entries.filter((e) => e.scope === update.scope), after: update.entries, changedDays, openDossiers: update.openDossiers, affected: affectedDossiers.total, at: clock.now().toISOString() },
      });
    });
    if (!keepPromised && firstChange && this.hooks) await this.hooks.recompute(firstChange);
    return { ...outcome, applied: true };
  }

  async setHours(clock: Clock, actorId: string | null, unit: { id: string }, spec: WorkingHoursSpec | null) {
    if (spec) checkHours(spec);
    await this.db.transaction().execute(async (trx) => {
      await repo.setWorkingHours(trx, unit.id, spec, actorId, clock.now());
      await repo.bumpRevision(trx); // every instance drops the opening hours it keeps
      await recordAudit(trx, { actorId, action: 'calendar.working_hours', objectType: 'unit', objectId: unit.id, detail: { spec } });
    });
  }
}

const HOURS_PROBLEMS: [RegExp, string, string][] = [
  [/ends before it starts/, 'giờ kết thúc phải sau giờ bắt đầu', 'it ends before it starts'],
  [/periods overlap/, 'các khung giờ không được chồng lên nhau', 'the periods overlap'],
  [/not a time of day/, 'giờ không có thật (00:00–24:00)', 'not a time of day (00:00–24:00)'],
  [/expected HH:MM-HH:MM/, 'khung giờ dạng HH:MM-HH:MM', 'a period is HH:MM-HH:MM'],
];

/** Opening hours the calendar can use; a 400 at the weekday that is wrong, in both languages. */
function checkHours(spec: WorkingHoursSpec) {
  try {
    buildCalendar({ hours: spec, fromYear: 2026, toYear: 2026, overrides: [] });
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    const where = typeof error.details.where === 'string' ? error.details.where : null;
    const value = error.details.value === undefined ? '' : ` "${String(error.details.value)}"`;
    const [, vi, en] = HOURS_PROBLEMS.find(([pattern]) => pattern.test(error.message)) ?? [null, 'giờ làm việc không hợp lệ', 'invalid working hours'];
    throw errors.validation([
      {
        path: where === null ? 'body' : where === 'makeUpDay' ? 'body.makeUpDay' : `body.weekly.${where}`,
        code: 'invalid_hours',
        message: t(`Khung giờ${value}: ${vi}`, `Period${value}: ${en}`),
      },
    ]);
  }
}

/** Official decisions first, the province's own days off last: the core applies later untagged entries on top. */
function orderOverrides(rows: { scope: 'official' | 'local'; entry: ScheduleEntry }[]): ScheduleEntry[] {
  return [...rows.filter((r) => r.scope === 'official'), ...rows.filter((r) => r.scope === 'local')].map((r) => r.entry);
}

const toScheduleEntry = (e: { date: string; kind: 'off' | 'workday'; label: string; holiday?: string | null | undefined }): ScheduleEntry => ({
  date: e.date,
  kind: e.kind,
  label: e.label,
  ...(e.holiday ? { holiday: e.holiday as NonNullable<ScheduleEntry['holiday']> } : {}),
});

function toEntry(r: { scope: 'official' | 'local'; day: string; kind: 'off' | 'workday'; label: string; holiday: string | null }): CalendarEntry {
  return { date: r.day, kind: r.kind, label: r.label, holiday: r.holiday as CalendarEntry['holiday'], scope: r.scope };
}

/** The shipped official schedules, loaded into an empty database. */
export async function seedOfficialSchedules(db: Queryable) {
  const existing = await db.selectFrom('calendar_entry').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  let count = 0;
  for (const schedule of OFFICIAL_SCHEDULES) {
    await repo.replaceYearEntries(db, 'official', schedule.year, schedule.entries.map((e) => ({ date: e.date, kind: e.kind, label: e.label, holiday: e.holiday ?? null })), null);
    count += schedule.entries.length;
  }
  await repo.bumpRevision(db);
  return count;
}

const services = new WeakMap<Db, CalendarService>();
/** One calendar service (and cache) per database handle, shared by every module that computes deadlines. */
export function calendarService(db: Db): CalendarService {
  let service = services.get(db);
  if (!service) services.set(db, (service = new CalendarService(db)));
  return service;
}
