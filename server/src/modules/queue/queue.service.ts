import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { chooseNext, estimatedWaitMinutes, ticketNumber, vietnamDay, type Priority } from '@motcua/core/queue/ordering.ts';
import type {
  BoardCall,
  BoardEvent,
  BoardState,
  CentreSettings,
  CentreSettingsInput,
  Counter,
  CounterDesk,
  CounterInput,
  CounterUpdate,
  Group,
  GroupInput,
  GroupUpdate,
  PublicCentre,
  QueueSetup,
  QueueStats,
  RatingInput,
  TicketView,
} from '@motcua/core/queue/schemas.ts';
import type { Role } from '@motcua/core/users/schemas.ts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { realtimeFor } from '../../platform/realtime.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { DossierService } from '../dossiers/dossiers.service.ts';
import { getUnitRecord, getUnitRecordByCode } from '../units/units.service.ts';
import { covers, type StaffPrincipal } from '../users/principal.ts';
import * as repo from './queue.repo.ts';

type UnitRecord = NonNullable<Awaited<ReturnType<typeof getUnitRecord>>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_SETTINGS: CentreSettings = { maxPriorityInRow: 2, slotMinutes: 30, slotCapacity: 4 };
/** The kiosk starts issuing this long before the first opening period. */
const ISSUE_BEFORE_OPENING_MS = 60 * 60_000;
const ADMIN: Role[] = ['admin'];
const COUNTER: Role[] = ['counter_officer', 'admin'];
const FIGURES: Role[] = ['supervisor', 'leader', 'admin'];

const field = (path: string, code: string, vi: string, en: string) => errors.validation([{ path, code, message: t(vi, en) }]);
const conflict = (code: string, vi: string, en: string) => errors.conflict(code, t(vi, en));

export const boardTopic = (centreId: string) => `queue:${centreId}`;

const bookingCode = () => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
};

const toGroup = (g: repo.GroupRow): Group => ({
  id: g.id,
  centreId: g.centre_id,
  prefix: g.prefix,
  name: g.name,
  fieldName: g.field_name,
  minutesPerTicket: g.minutes_per_ticket,
  sort: g.sort,
  active: g.active,
});

const minutes = (from: Date | null, to: Date | null) => (from && to ? (to.getTime() - from.getTime()) / 60_000 : null);
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A few seconds' memory of what every ticket and call reads but seldom changes (the centre, its hours,
 * its settings and who sits at which counter, for wait estimates). An edit shows everywhere within TTL.
 */
class ShortCache {
  private readonly entries = new Map<string, { until: number; value: Promise<unknown> }>();
  constructor(private readonly ttlMs: number) {}
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 1000) this.entries.clear();
    return value;
  }
  clear() {
    this.entries.clear();
  }
}

/** The queue's use cases: setup, tickets, counter actions, the board and the figures. */
export class QueueService {
  private readonly cache = new ShortCache(5_000);
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }
  private now() {
    return this.ctx.clock.now();
  }
  get realtime() {
    return realtimeFor(this.ctx);
  }

  // ── centres, settings, opening hours ──────────────────────────────────

  /** A centre by id or agency code (a 404 when there is none). */
  async centre(ref: string): Promise<UnitRecord> {
    const unit = await this.cache.get(`centre:${ref}`, async () => (UUID.test(ref) ? await getUnitRecord(this.db, ref) : await getUnitRecordByCode(this.db, ref)) ?? null);
    if (!unit || !unit.active) throw errors.notFound(t('trung tâm phục vụ', 'Service centre'));
    return unit;
  }

  private allow(principal: StaffPrincipal, unit: { path: string }, roles: Role[]) {
    if (!covers(principal, unit.path, roles)) throw errors.forbidden();
  }

  async settings(db: Queryable, centreId: string): Promise<CentreSettings> {
    const row = await repo.settingsOf(db, centreId);
    return row ? { maxPriorityInRow: row.max_priority_in_row, slotMinutes: row.slot_minutes, slotCapacity: row.slot_capacity } : DEFAULT_SETTINGS;
  }

  /** The centre's opening periods on a day, from the calendar module (holidays, make-up days, its hours). */
  async hours(centre: UnitRecord, day: string) {
    const periods = await this.cache.get(`hours:${centre.id}:${day}`, async () =>
      (await calendarService(this.db).calendarFor(centre)).dayInfo(day).periods.map((p) => ({ startMinute: p.startMinute, endMinute: p.endMinute })),
    );
    const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const dayStart = Date.parse(`${day}T00:00:00+07:00`);
    const now = this.now().getTime();
    const openNow = periods.some((p) => now >= dayStart + p.startMinute * 60_000 && now < dayStart + p.endMinute * 60_000);
    return {
      view: { day, open: periods.length > 0, periods: periods.map((p) => ({ start: fmt(p.startMinute), end: fmt(p.endMinute) })), openNow },
      periods: periods.map((p) => ({ start: new Date(dayStart + p.startMinute * 60_000), end: new Date(dayStart + p.endMinute * 60_000) })),
    };
  }

  private async assertIssuing(centre: UnitRecord) {
    const now = this.now();
    const { periods } = await this.hours(centre, vietnamDay(now));
    const first = periods[0];
    const last = periods.at(-1);
    if (!first || !last || now.getTime() < first.start.getTime() - ISSUE_BEFORE_OPENING_MS || now.getTime() >= last.end.getTime())
      throw conflict('centre_closed', 'Trung tâm hiện không cấp số thứ tự (ngoài giờ làm việc)', 'The centre is not issuing tickets now (outside working hours)');
  }

  // ── setup (admin) ─────────────────────────────────────────────────────

  async setup(principal: StaffPrincipal | null, ref: string): Promise<QueueSetup> {
    const centre = await this.centre(ref);
    if (principal) this.allow(principal, centre, [...ADMIN, ...COUNTER, ...FIGURES]);
    const [groups, counters, settings, hours] = await Promise.all([
      repo.groupsOf(this.db, centre.id),
      this.countersOf(centre.id),
      this.settings(this.db, centre.id),
      this.hours(centre, vietnamDay(this.now())),
    ]);
    return { centre: { id: centre.id, code: centre.code, name: centre.name }, settings, groups: groups.map(toGroup), counters, hoursToday: hours.view };
  }

  private async countersOf(centreId: string): Promise<Counter[]> {
    const rows = await repo.countersOf(this.db, centreId);
    const ids = rows.map((r) => r.id);
    const [links, sessions] = await Promise.all([repo.counterGroupsOf(this.db, ids), repo.sessionsOf(this.db, ids)]);
    return rows.map((r) => {
      const s = sessions.find((x) => x.counter_id === r.id);
      return {
        id: r.id,
        centreId: r.centre_id,
        number: r.number,
        name: r.name,
        active: r.active,
        groupIds: links.filter((l) => l.counter_id === r.id).map((l) => l.group_id),
        officer: s ? { id: s.officer_id, name: s.officer_name, signedInAt: s.signed_in_at.toISOString() } : null,
      };
    });
  }

  async updateSettings(principal: StaffPrincipal, ref: string, input: z.infer<typeof CentreSettingsInput>) {
    const centre = await this.centre(ref);
    this.allow(principal, centre, ADMIN);
    await repo.saveSettings(this.db, centre.id, { max_priority_in_row: input.maxPriorityInRow, slot_minutes: input.slotMinutes, slot_capacity: input.slotCapacity }, this.now());
    this.cache.clear();
    return this.settings(this.db, centre.id);
  }

  async createGroup(principal: StaffPrincipal | null, ref: string, input: GroupInput): Promise<Group> {
    const centre = await this.centre(ref);
    if (principal) this.allow(principal, centre, ADMIN);
    const existing = await repo.groupsOf(this.db, centre.id);
    if (existing.some((g) => g.prefix === input.prefix)) throw field('body.prefix', 'prefix_taken', `Tiền tố "${input.prefix}" đã dùng cho nhóm khác`, `Prefix "${input.prefix}" is used by another group`);
    const id = randomUUID();
    await repo.insertGroup(this.db, {
      id,
      centre_id: centre.id,
      prefix: input.prefix,
      name: input.name,
      field_name: input.fieldName ?? null,
      minutes_per_ticket: input.minutesPerTicket ?? 10,
      sort: input.sort ?? existing.length,
      active: input.active ?? true,
    });
    return toGroup((await repo.findGroup(this.db, id))!);
  }

  async updateGroup(principal: StaffPrincipal, id: string, input: z.infer<typeof GroupUpdate>): Promise<Group> {
    const group = await repo.findGroup(this.db, id);
    if (!group) throw errors.notFound(t('nhóm dịch vụ', 'Service group'));
    const centre = await this.centre(group.centre_id);
    this.allow(principal, centre, ADMIN);
    if (input.prefix && input.prefix !== group.prefix && (await repo.groupsOf(this.db, centre.id)).some((g) => g.prefix === input.prefix))
      throw field('body.prefix', 'prefix_taken', `Tiền tố "${input.prefix}" đã dùng cho nhóm khác`, `Prefix "${input.prefix}" is used by another group`);
    await repo.updateGroup(this.db, id, {
      ...(input.prefix !== undefined ? { prefix: input.prefix } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.fieldName !== undefined ? { field_name: input.fieldName } : {}),
      ...(input.minutesPerTicket !== undefined ? { minutes_per_ticket: input.minutesPerTicket } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    this.cache.clear();
    return toGroup((await repo.findGroup(this.db, id))!);
  }

  private async checkGroupsOf(centreId: string, groupIds: string[]) {
    const groups = await repo.groupsOf(this.db, centreId);
    const bad = groupIds.findIndex((id) => !groups.some((g) => g.id === id));
    if (bad >= 0) throw field(`body.groupIds[${bad}]`, 'unknown_group', 'Nhóm dịch vụ không thuộc trung tâm này', 'The service group is not one of this centre');
  }

  async createCounter(principal: StaffPrincipal | null, ref: string, input: CounterInput): Promise<Counter> {
    const centre = await this.centre(ref);
    if (principal) this.allow(principal, centre, ADMIN);
    await this.checkGroupsOf(centre.id, input.groupIds);
    const counters = await repo.countersOf(this.db, centre.id);
    if (counters.some((c) => c.number === input.number)) throw field('body.number', 'number_taken', `Đã có quầy số ${input.number}`, `Counter ${input.number} already exists`);
    const id = randomUUID();
    await this.db.transaction().execute((trx) => repo.insertCounter(trx, { id, centre_id: centre.id, number: input.number, name: input.name, active: input.active ?? true }, [...new Set(input.groupIds)]));
    return (await this.countersOf(centre.id)).find((c) => c.id === id)!;
  }

  async updateCounter(principal: StaffPrincipal, id: string, input: z.infer<typeof CounterUpdate>): Promise<Counter> {
    const counter = await repo.findCounter(this.db, id);
    if (!counter) throw errors.notFound(t('quầy', 'Counter'));
    const centre = await this.centre(counter.centre_id);
    this.allow(principal, centre, ADMIN);
    if (input.groupIds) await this.checkGroupsOf(centre.id, input.groupIds);
    if (input.number !== undefined && input.number !== counter.number && (await repo.countersOf(this.db, centre.id)).some((c) => c.number === input.number))
      throw field('body.number', 'number_taken', `Đã có quầy số ${input.number}`, `Counter ${input.number} already exists`);
    await this.db.transaction().execute(async (trx) => {
      await repo.updateCounter(trx, id, {
        ...(input.number !== undefined ? { number: input.number } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      });
      if (input.groupIds) await repo.setCounterGroups(trx, id, [...new Set(input.groupIds)]);
    });
    this.cache.clear();
    return (await this.countersOf(centre.id)).find((c) => c.id === id)!;
  }

  // ── tickets ───────────────────────────────────────────────────────────

  async publicCentre(ref: string): Promise<PublicCentre> {
    const centre = await this.centre(ref);
    const day = vietnamDay(this.now());
    const [groups, counts, averages, counters, hours] = await Promise.all([
      repo.groupsOf(this.db, centre.id),
      repo.waitingCounts(this.db, centre.id),
      repo.serviceAverages(this.db, centre.id, day),
      this.countersOf(centre.id),
      this.hours(centre, day),
    ]);
    return {
      centre: { id: centre.id, code: centre.code, name: centre.name },
      hoursToday: hours.view,
      groups: groups
        .filter((g) => g.active)
        .map((g) => {
          const waiting = Number(counts.find((c) => c.group_id === g.id)?.n ?? 0);
          const open = counters.filter((c) => c.active && c.officer && c.groupIds.includes(g.id)).length;
          const avg = Number(averages.find((a) => a.group_id === g.id)?.minutes ?? 0) || g.minutes_per_ticket;
          return { id: g.id, prefix: g.prefix, name: g.name, fieldName: g.field_name, waiting, estimatedWaitMinutes: estimatedWaitMinutes(waiting, avg, open) };
        }),
    };
  }

  private async activeGroup(groupId: string, centreId?: string) {
    const group = await repo.findGroup(this.db, groupId);
    if (!group || !group.active || (centreId && group.centre_id !== centreId))
      throw field('body.groupId', 'unknown_group', 'Không có nhóm dịch vụ này ở trung tâm', 'No such service group at this centre');
    return group;
  }

  /** A numbered ticket, waiting in its group's line from now (kiosk, SMS, or a booking on arrival). */
  async issue(ref: string, input: { groupId: string; priority?: Priority; channel?: 'kiosk' | 'sms' | 'counter'; phone?: string | null }, options: { checkHours?: boolean } = {}): Promise<TicketView> {
    const centre = await this.centre(ref);
    const group = await this.activeGroup(input.groupId, centre.id);
    if (options.checkHours !== false) await this.assertIssuing(centre);
    const now = this.now();
    const day = vietnamDay(now);
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const seq = await repo.nextNumber(trx, group.id, day);
      await repo.insertTicket(trx, {
        id,
        centre_id: centre.id,
        group_id: group.id,
        day,
        seq,
        number: ticketNumber(group.prefix, seq),
        channel: input.channel ?? 'kiosk',
        priority: input.priority ?? 'none',
        status: 'waiting',
        slot_start: null,
        booking_code: null,
        phone: input.phone ?? null,
        issued_at: now,
        activated_at: now,
        queued_at: now,
        target_counter_id: null,
        counter_id: null,
        officer_id: null,
        officer_name: null,
        first_called_at: null,
        called_at: null,
        service_started_at: null,
        finished_at: null,
        dossier_id: null,
        dossier_code: null,
      });
      await repo.addEvent(trx, { ticket_id: id, at: now, kind: 'issued', detail: { channel: input.channel ?? 'kiosk' } });
    });
    await this.publish(centre.id, 'changed', null);
    return this.ticket(id);
  }

  /** A ticket as the citizen sees it (the printed ticket, the kiosk, the portal). */
  async ticket(id: string): Promise<TicketView> {
    const row = await repo.findTicket(this.db, id);
    if (!row) throw errors.notFound(t('số thứ tự', 'Ticket'));
    return this.view(row);
  }

  private async view(row: repo.TicketRow): Promise<TicketView> {
    const [centre, group, counter, ahead, rating] = await Promise.all([
      this.centre(row.centre_id),
      this.cache.get(`group:${row.group_id}`, () => repo.findGroup(this.db, row.group_id)),
      row.counter_id ? this.cache.get(`counter:${row.counter_id}`, () => repo.findCounter(this.db, row.counter_id!)) : null,
      repo.peopleAhead(this.db, row),
      row.status === 'done' ? repo.ratingOf(this.db, row.id) : null,
    ]);
    let wait = 0;
    if (ahead > 0) {
      const [averages, counters] = await this.cache.get(`estimate:${row.centre_id}:${row.day}`, () =>
        Promise.all([repo.serviceAverages(this.db, row.centre_id, row.day), this.countersOf(row.centre_id)]),
      );
      const open = counters.filter((c) => c.active && c.officer && c.groupIds.includes(row.group_id)).length;
      wait = estimatedWaitMinutes(ahead, Number(averages.find((a) => a.group_id === row.group_id)?.minutes ?? 0) || group!.minutes_per_ticket, open);
    }
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      priority: row.priority,
      channel: row.channel,
      day: row.day,
      issuedAt: row.issued_at.toISOString(),
      centre: { id: centre!.id, code: centre!.code, name: centre!.name },
      group: { id: group!.id, prefix: group!.prefix, name: group!.name },
      peopleAhead: ahead,
      estimatedWaitMinutes: wait,
      counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
      slotStart: row.slot_start?.toISOString() ?? null,
      bookingCode: row.booking_code,
      officerName: row.officer_name,
      dossierCode: row.dossier_code,
      calledAt: row.called_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      rated: Boolean(rating),
    };
  }

  /** The portal's appointment slots of a group on a day (inside the centre's opening periods). */
  async slots(ref: string, groupId: string, day: string) {
    const centre = await this.centre(ref);
    const group = await this.activeGroup(groupId, centre.id);
    const settings = await this.settings(this.db, centre.id);
    const { periods, view } = await this.hours(centre, day);
    const slots: { start: Date; end: Date }[] = [];
    for (const p of periods)
      for (let s = p.start.getTime(); s + settings.slotMinutes * 60_000 <= p.end.getTime(); s += settings.slotMinutes * 60_000)
        slots.push({ start: new Date(s), end: new Date(s + settings.slotMinutes * 60_000) });
    const booked = slots.length ? await repo.bookedInSlots(this.db, group.id, slots[0]!.start, slots.at(-1)!.end) : [];
    const now = this.now().getTime();
    return {
      day,
      open: view.open,
      slots: slots.map((s) => {
        const n = Number(booked.find((b) => b.slot_start?.getTime() === s.start.getTime())?.n ?? 0);
        return { start: s.start.toISOString(), end: s.end.toISOString(), booked: n, capacity: settings.slotCapacity, available: n < settings.slotCapacity && s.start.getTime() > now };
      }),
    };
  }

  /** A booking for a slot: a code (the QR) the kiosk activates on arrival into an appointment ticket. */
  async book(ref: string, input: { groupId: string; slotStart: string; phone?: string | undefined }): Promise<TicketView> {
    const centre = await this.centre(ref);
    const group = await this.activeGroup(input.groupId, centre.id);
    const start = new Date(input.slotStart);
    const day = vietnamDay(start);
    const offered = (await this.slots(centre.id, group.id, day)).slots.find((s) => Date.parse(s.start) === start.getTime());
    if (!offered) throw field('body.slotStart', 'no_such_slot', 'Không có khung giờ này (ngoài giờ làm việc hoặc sai mốc)', 'No such slot (outside working hours or not a slot start)');
    if (!offered.available) throw conflict('slot_full', 'Khung giờ này đã hết chỗ hoặc đã qua', 'This slot is full or already past');
    const settings = await this.settings(this.db, centre.id);
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      // The group row serialises bookings of the group, so a slot is never booked past its capacity.
      await repo.lockGroup(trx, group.id);
      const n = (await repo.bookedInSlots(trx, group.id, start, new Date(start.getTime() + 1)))[0]?.n ?? 0;
      if (Number(n) >= settings.slotCapacity) throw conflict('slot_full', 'Khung giờ này đã hết chỗ hoặc đã qua', 'This slot is full or already past');
      await repo.insertTicket(trx, {
        id, centre_id: centre.id, group_id: group.id, day, seq: null, number: null, channel: 'portal', priority: 'appointment', status: 'booked',
        slot_start: start, booking_code: bookingCode(), phone: input.phone ?? null, issued_at: now, activated_at: null, queued_at: null,
        target_counter_id: null, counter_id: null, officer_id: null, officer_name: null, first_called_at: null, called_at: null,
        service_started_at: null, finished_at: null, dossier_id: null, dossier_code: null,
      });
      await repo.addEvent(trx, { ticket_id: id, at: now, kind: 'booked', detail: { slotStart: start.toISOString() } });
    });
    return this.ticket(id);
  }

  /** The kiosk scanned a booking's QR: on its day, the booking becomes a numbered appointment ticket. */
  async activate(bookingCodeText: string): Promise<TicketView> {
    const code = bookingCodeText.trim().toUpperCase();
    const now = this.now();
    const today = vietnamDay(now);
    const found = await repo.findTicket(this.db, (await this.db.selectFrom('queue_ticket').select('id').where('booking_code', '=', code).executeTakeFirst())?.id ?? '00000000-0000-0000-0000-000000000000');
    if (!found) throw errors.notFound(t('lịch hẹn', 'Booking'));
    if (found.status !== 'booked') return this.view(found); // scanned twice: the same ticket
    if (found.day !== today) throw conflict('booking_not_today', `Lịch hẹn này dành cho ngày ${found.day}`, `This booking is for ${found.day}`);
    const group = await repo.findGroup(this.db, found.group_id);
    await this.db.transaction().execute(async (trx) => {
      const locked = await repo.findByBookingCode(trx, code);
      if (!locked || locked.status !== 'booked') return;
      const seq = await repo.nextNumber(trx, locked.group_id, today);
      await repo.updateTicket(trx, locked.id, { seq, number: ticketNumber(group!.prefix, seq), status: 'waiting', activated_at: now, queued_at: now });
      await repo.addEvent(trx, { ticket_id: locked.id, at: now, kind: 'activated' });
    });
    await this.publish(found.centre_id, 'changed', null);
    return this.ticket(found.id);
  }

  // ── counters ──────────────────────────────────────────────────────────

  private async counterFor(principal: StaffPrincipal, counterId: string) {
    const counter = await this.cache.get(`counter:${counterId}`, () => repo.findCounter(this.db, counterId));
    if (!counter) throw errors.notFound(t('quầy', 'Counter'));
    const centre = await this.centre(counter.centre_id);
    this.allow(principal, centre, COUNTER);
    return { counter, centre };
  }

  /** The counter, checked to be the one the officer is signed in at. */
  private async myCounter(principal: StaffPrincipal, counterId: string) {
    const found = await this.counterFor(principal, counterId);
    const session = await repo.sessionOfOfficer(this.db, principal.id);
    if (session?.counter_id !== counterId) throw conflict('not_at_counter', 'Bạn chưa đăng nhập vào quầy này', 'You are not signed in at this counter');
    return found;
  }

  async signIn(principal: StaffPrincipal, counterId: string) {
    const { counter, centre } = await this.counterFor(principal, counterId);
    if (!counter.active) throw conflict('counter_inactive', 'Quầy này đang ngừng hoạt động', 'This counter is not in use');
    const [session] = await repo.sessionsOf(this.db, [counterId]);
    if (session && session.officer_id !== principal.id) throw conflict('counter_taken', `Quầy đang do ${session.officer_name} phục vụ`, `${session.officer_name} is at this counter`);
    await this.db.transaction().execute((trx) => repo.signIn(trx, { counter_id: counterId, officer_id: principal.id, officer_name: principal.fullName, signed_in_at: this.now() }));
    await this.publish(centre.id, 'changed', null);
    return this.desk(principal, counterId);
  }

  async signOut(principal: StaffPrincipal, counterId: string) {
    const { centre } = await this.counterFor(principal, counterId);
    await repo.signOut(this.db, counterId, principal.id);
    await this.publish(centre.id, 'changed', null);
  }

  /** What the officer's counter page shows: the counter, its current ticket, the line it calls from. */
  async desk(principal: StaffPrincipal, counterId: string): Promise<CounterDesk> {
    const { counter, centre } = await this.counterFor(principal, counterId);
    const counters = await this.countersOf(centre.id);
    const me = counters.find((c) => c.id === counter.id)!;
    const [current] = await repo.currentAt(this.db, [counter.id]);
    const waiting = await repo.waitingList(this.db, counter.id, me.groupIds, 100);
    const groups = await repo.groupsOf(this.db, centre.id);
    return {
      counter: me,
      current: current ? await this.view(current) : null,
      waiting: waiting.map((w) => ({ id: w.id, number: w.number!, groupId: w.group_id, priority: w.priority, queuedAt: w.queued_at!.toISOString(), targetCounterId: w.target_counter_id })),
      groups: groups.map(toGroup),
      counters: counters.filter((c) => c.active).map((c) => ({ id: c.id, number: c.number, name: c.name })),
    };
  }

  private async assertFree(counterId: string) {
    const [current] = await repo.currentAt(this.db, [counterId]);
    if (current)
      throw conflict('counter_busy', `Quầy đang phục vụ số ${current.number}: hãy kết thúc, bỏ qua hoặc chuyển số này trước`, `The counter is on ticket ${current.number}: finish, skip or transfer it first`);
  }

  /** Calls the next ticket by the fairness rule (core/src/queue/ordering.ts); null when nobody waits. */
  async callNext(principal: StaffPrincipal, counterId: string): Promise<TicketView | null> {
    const { centre } = await this.myCounter(principal, counterId);
    await this.assertFree(counterId);
    const settings = await this.cache.get(`settings:${centre.id}`, () => this.settings(this.db, centre.id));
    const now = this.now();
    const called = await this.db.transaction().execute(async (trx) => {
      // The counter row serialises this counter's calls (its streak); tickets are claimed one by one.
      const counter = await repo.lockCounter(trx, counterId);
      const groupIds = (await repo.counterGroupsOf(trx, [counterId])).map((l) => l.group_id);
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidates = await repo.callCandidates(trx, counterId, groupIds);
        const choice = chooseNext({ ...candidates, streak: counter!.priority_streak, maxPriorityInRow: settings.maxPriorityInRow });
        if (!choice) return null;
        const claimed = await repo.claimForCall(trx, choice.ticket.id, { counterId, officerId: principal.id, officerName: principal.fullName, at: now });
        if (!claimed) continue; // another counter called it a moment ago: look again
        await repo.addEvent(trx, { ticket_id: claimed.id, at: now, kind: 'called', counter_id: counterId, officer_id: principal.id });
        await repo.updateCounter(trx, counterId, { priority_streak: choice.streak });
        return claimed;
      }
      throw conflict('queue_busy', 'Hàng đợi đang bận, vui lòng gọi lại', 'The queue is busy, please call again');
    });
    if (!called) return null;
    return this.announce(called, 'called');
  }

  /** Calls one waiting ticket of the centre out of turn (the officer chose it). */
  async callTicket(principal: StaffPrincipal, counterId: string, ticketId: string): Promise<TicketView> {
    const { centre } = await this.myCounter(principal, counterId);
    await this.assertFree(counterId);
    const now = this.now();
    const called = await this.db.transaction().execute(async (trx) => {
      const ticket = await repo.findTicket(trx, ticketId);
      const counter = await repo.lockCounter(trx, counterId);
      const claimed = ticket && ticket.centre_id === centre.id ? await repo.claimForCall(trx, ticketId, { counterId, officerId: principal.id, officerName: principal.fullName, at: now }) : null;
      if (!claimed) throw conflict('ticket_not_waiting', 'Số này không còn chờ gọi', 'This ticket is no longer waiting');
      await repo.addEvent(trx, { ticket_id: ticketId, at: now, kind: 'called', counter_id: counterId, officer_id: principal.id });
      await repo.updateCounter(trx, counterId, { priority_streak: claimed.priority === 'none' ? 0 : counter!.priority_streak + 1 });
      return claimed;
    });
    return this.announce(called, 'called');
  }

  private async announce(row: repo.TicketRow, kind: 'called' | 'recalled') {
    const view = await this.view(row);
    const call: BoardCall = { ticketId: row.id, number: view.number!, counterNumber: view.counter!.number, counterName: view.counter!.name, at: view.calledAt! };
    await this.publish(view.centre.id, kind, call);
    return view;
  }

  /** A ticket at the officer's counter, still in one of the allowed statuses, changed by `values`; the changed row. */
  private async onTicket(principal: StaffPrincipal, ticketId: string, allowed: repo.TicketRow['status'][], kind: string, values: (now: Date) => Record<string, unknown>, detail?: unknown) {
    const found = await repo.findTicket(this.db, ticketId);
    if (!found) throw errors.notFound(t('số thứ tự', 'Ticket'));
    if (!found.counter_id) throw conflict('ticket_not_at_counter', 'Số này chưa được gọi tới quầy nào', 'This ticket has not been called to a counter');
    await this.myCounter(principal, found.counter_id);
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const changed = await repo.changeAtCounter(trx, ticketId, found.counter_id!, allowed, values(now));
      if (!changed) throw conflict('ticket_state', 'Không thể thực hiện với số đang ở trạng thái này', 'Not possible for a ticket in this state');
      await repo.addEvent(trx, { ticket_id: ticketId, at: now, kind, counter_id: found.counter_id, officer_id: principal.id, detail });
      return changed;
    });
  }

  async recall(principal: StaffPrincipal, ticketId: string) {
    const row = await this.onTicket(principal, ticketId, ['called'], 'recalled', (now) => ({ called_at: now, call_count: sql`call_count + 1` }));
    return this.announce(row, 'recalled');
  }

  async noShow(principal: StaffPrincipal, ticketId: string) {
    const row = await this.onTicket(principal, ticketId, ['called'], 'no_show', (now) => ({ status: 'no_show', finished_at: now }));
    await this.publish(row.centre_id, 'changed', null);
    return this.view(row);
  }

  async start(principal: StaffPrincipal, ticketId: string) {
    const row = await this.onTicket(principal, ticketId, ['called'], 'started', (now) => ({ status: 'serving', service_started_at: now }));
    await this.publish(row.centre_id, 'changed', null);
    return this.view(row);
  }

  async finish(principal: StaffPrincipal, ticketId: string) {
    const row = await this.onTicket(principal, ticketId, ['called', 'serving'], 'finished', (now) => ({ status: 'done', finished_at: now, service_started_at: sql`coalesce(service_started_at, called_at, ${now})` }));
    await this.publish(row.centre_id, 'changed', null);
    return this.view(row);
  }

  /** Back in line for another group, or for one counter (ahead of that counter's line); it keeps its number and place. */
  async transfer(principal: StaffPrincipal, ticketId: string, target: { groupId?: string | undefined; counterId?: string | undefined }) {
    const found = await repo.findTicket(this.db, ticketId);
    if (!found) throw errors.notFound(t('số thứ tự', 'Ticket'));
    if (target.groupId) {
      const group = await repo.findGroup(this.db, target.groupId);
      if (!group || group.centre_id !== found.centre_id || !group.active) throw field('body.groupId', 'unknown_group', 'Không có nhóm dịch vụ này ở trung tâm', 'No such service group at this centre');
    }
    if (target.counterId) {
      const counter = await repo.findCounter(this.db, target.counterId);
      if (!counter || counter.centre_id !== found.centre_id || !counter.active) throw field('body.counterId', 'unknown_counter', 'Không có quầy này ở trung tâm', 'No such counter at this centre');
      if (counter.id === found.counter_id) throw field('body.counterId', 'same_counter', 'Số đang ở chính quầy này', 'The ticket is already at this counter');
    }
    const row = await this.onTicket(principal, ticketId, ['called', 'serving'], 'transferred', () => ({
      status: 'waiting',
      counter_id: null,
      service_started_at: null,
      ...(target.groupId ? { group_id: target.groupId, target_counter_id: null } : { target_counter_id: target.counterId! }),
    }), target);
    await this.publish(found.centre_id, 'changed', null);
    return this.view(row);
  }

  /** Links the ticket to the dossier received for it (by id, or by code within the officer's reach). */
  async linkDossier(principal: StaffPrincipal, ticketId: string, input: { dossierId?: string | undefined; dossierCode?: string | undefined }) {
    const dossiers = new DossierService(this.ctx);
    let dossier: { id: string; code: string | null } | null = null;
    if (input.dossierId) {
      const detail = await dossiers.detail(principal, input.dossierId).catch(() => null);
      dossier = detail ? { id: detail.id, code: detail.code } : null;
    } else if (input.dossierCode) {
      const code = input.dossierCode.trim();
      const found = await dossiers.queue(principal, { scope: 'unit', q: code, page: 1, pageSize: 5 });
      const item = found.items.find((i) => i.code === code);
      dossier = item ? { id: item.id, code: item.code } : null;
    }
    if (!dossier) throw field(input.dossierId ? 'body.dossierId' : 'body.dossierCode', 'unknown_dossier', 'Không tìm thấy hồ sơ này trong phạm vi của bạn', 'No such dossier within your reach');
    const row = await this.onTicket(principal, ticketId, ['called', 'serving', 'done'], 'dossier_linked', () => ({ dossier_id: dossier.id, dossier_code: dossier.code }), { dossierId: dossier.id });
    return this.view(row);
  }

  // ── the board ─────────────────────────────────────────────────────────

  async board(ref: string): Promise<BoardState> {
    const centre = await this.centre(ref);
    const day = vietnamDay(this.now());
    const [counters, groups, counts, last] = await Promise.all([
      repo.countersOf(this.db, centre.id),
      repo.groupsOf(this.db, centre.id),
      repo.waitingCounts(this.db, centre.id),
      repo.lastCalled(this.db, centre.id, day, 8),
    ]);
    const current = await repo.currentAt(this.db, counters.map((c) => c.id));
    const byId = new Map(counters.map((c) => [c.id, c]));
    return {
      centre: { id: centre.id, code: centre.code, name: centre.name },
      counters: counters
        .filter((c) => c.active)
        .map((c) => {
          const tk = current.find((x) => x.counter_id === c.id);
          return {
            counterId: c.id,
            counterNumber: c.number,
            counterName: c.name,
            ticketNumber: tk?.number ?? null,
            groupName: tk ? (groups.find((g) => g.id === tk.group_id)?.name ?? null) : null,
            status: tk ? (tk.status as 'called' | 'serving') : null,
          };
        }),
      lastCalled: last
        .filter((tk) => tk.counter_id && byId.has(tk.counter_id))
        .map((tk) => ({ ticketId: tk.id, number: tk.number!, counterNumber: byId.get(tk.counter_id!)!.number, counterName: byId.get(tk.counter_id!)!.name, at: tk.called_at!.toISOString() })),
      waiting: groups.filter((g) => g.active).map((g) => ({ groupId: g.id, prefix: g.prefix, name: g.name, waiting: Number(counts.find((c) => c.group_id === g.id)?.n ?? 0) })),
    };
  }

  private async publish(centreId: string, kind: BoardEvent['kind'], call: BoardCall | null) {
    const event: BoardEvent = { kind, centreId, call, sentAt: Date.now() };
    await this.realtime.publish(boardTopic(centreId), event);
  }

  // ── ratings ───────────────────────────────────────────────────────────

  async served(ref: string, number: string) {
    const centre = await this.centre(ref);
    const row = await repo.findByNumber(this.db, centre.id, vietnamDay(this.now()), number.trim().toUpperCase());
    if (!row) throw errors.notFound(t('số thứ tự hôm nay', "Today's ticket"));
    const counter = row.counter_id ? await repo.findCounter(this.db, row.counter_id) : null;
    return { number: row.number!, officerName: row.officer_name, counterNumber: counter?.number ?? null, status: row.status, rated: Boolean(await repo.ratingOf(this.db, row.id)) };
  }

  /** The citizen rates the officer who served today's ticket; once per ticket. */
  async rate(ref: string, input: z.infer<typeof RatingInput>) {
    const centre = await this.centre(ref);
    const row = await repo.findByNumber(this.db, centre.id, vietnamDay(this.now()), input.number);
    if (!row) throw field('body.number', 'unknown_ticket', 'Không có số thứ tự này hôm nay', 'No such ticket today');
    if (row.status !== 'done') throw conflict('not_served', 'Số này chưa được phục vụ xong', 'This ticket has not been served yet');
    const inserted = await repo.insertRating(this.db, {
      ticket_id: row.id,
      centre_id: centre.id,
      level: input.level,
      reasons: JSON.stringify([...new Set(input.reasons)]),
      comment: input.comment ?? null,
      officer_id: row.officer_id,
      counter_id: row.counter_id,
      rated_at: this.now(),
    });
    if (!inserted) throw conflict('already_rated', 'Số này đã được đánh giá', 'This ticket has already been rated');
    return { number: row.number!, officerName: row.officer_name, level: input.level };
  }

  // ── figures ───────────────────────────────────────────────────────────

  async stats(principal: StaffPrincipal | null, ref: string, day: string): Promise<QueueStats> {
    const centre = await this.centre(ref);
    if (principal) this.allow(principal, centre, FIGURES);
    const from = new Date(`${day}T00:00:00+07:00`);
    const to = new Date(from.getTime() + 86_400_000);
    const [tickets, groups, counters, ratings] = await Promise.all([
      repo.ticketsOfDay(this.db, centre.id, day),
      repo.groupsOf(this.db, centre.id),
      repo.countersOf(this.db, centre.id),
      repo.ratingsOfDay(this.db, centre.id, from, to),
    ]);
    const figures = (rows: repo.TicketRow[]) => {
      const waits = rows.map((r) => minutes(r.activated_at, r.first_called_at)).filter((m): m is number => m !== null);
      const services = rows.filter((r) => r.status === 'done').map((r) => minutes(r.service_started_at, r.finished_at)).filter((m): m is number => m !== null);
      const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
      return {
        issued: rows.length,
        served: rows.filter((r) => r.status === 'done').length,
        noShows: rows.filter((r) => r.status === 'no_show').length,
        waiting: rows.filter((r) => r.status === 'waiting' || r.status === 'called' || r.status === 'serving').length,
        avgWaitMinutes: mean(waits),
        maxWaitMinutes: waits.length ? round1(Math.max(...waits)) : null,
        avgServiceMinutes: mean(services),
      };
    };
    const officers = new Map<string, string>();
    for (const r of tickets) if (r.officer_id) officers.set(r.officer_id, r.officer_name ?? '');
    const hourOf = (d: Date) => Number(new Date(d.getTime() + 7 * 3600_000).toISOString().slice(11, 13));
    const byHour = new Map<number, { issued: number; served: number }>();
    const bump = (h: number, k: 'issued' | 'served') => {
      const e = byHour.get(h) ?? { issued: 0, served: 0 };
      e[k]++;
      byHour.set(h, e);
    };
    for (const r of tickets) {
      if (r.activated_at) bump(hourOf(r.activated_at), 'issued');
      if (r.status === 'done' && r.finished_at) bump(hourOf(r.finished_at), 'served');
    }
    const reasons: Record<string, number> = {};
    for (const r of ratings) for (const reason of (typeof r.reasons === 'string' ? JSON.parse(r.reasons) : r.reasons) as string[]) reasons[reason] = (reasons[reason] ?? 0) + 1;
    return {
      centre: { id: centre.id, code: centre.code, name: centre.name },
      day,
      totals: figures(tickets),
      byGroup: groups.map((g) => ({ groupId: g.id, prefix: g.prefix, name: g.name, ...figures(tickets.filter((r) => r.group_id === g.id)) })),
      byCounter: counters.map((c) => ({ counterId: c.id, number: c.number, name: c.name, ...figures(tickets.filter((r) => r.counter_id === c.id)) })),
      byOfficer: [...officers].map(([id, name]) => ({ officerId: id, name, ...figures(tickets.filter((r) => r.officer_id === id)) })),
      byHour: [...byHour].sort((a, b) => a[0] - b[0]).map(([hour, v]) => ({ hour, ...v })),
      ratings: {
        very_satisfied: ratings.filter((r) => r.level === 'very_satisfied').length,
        satisfied: ratings.filter((r) => r.level === 'satisfied').length,
        not_satisfied: ratings.filter((r) => r.level === 'not_satisfied').length,
        reasons,
      },
    };
  }
}

export { AppError };
