import { sql, type Selectable } from 'kysely';
import type { Database, Queryable } from '../../database.ts';

/** The queue's SQL. Services call these; nothing else touches the queue tables. */

export type GroupRow = Selectable<Database['queue_group']>;
export type CounterRow = Selectable<Database['queue_counter']>;
export type TicketRow = Selectable<Database['queue_ticket']>;

export const settingsOf = (db: Queryable, centreId: string) =>
  db.selectFrom('queue_centre').selectAll().where('centre_id', '=', centreId).executeTakeFirst();

export async function saveSettings(db: Queryable, centreId: string, values: { max_priority_in_row?: number; slot_minutes?: number; slot_capacity?: number }, at: Date) {
  await db
    .insertInto('queue_centre')
    .values({ centre_id: centreId, ...values, updated_at: at })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet({ ...values, updated_at: at }))
    .execute();
}

export const groupsOf = (db: Queryable, centreId: string) =>
  db.selectFrom('queue_group').selectAll().where('centre_id', '=', centreId).orderBy('sort').orderBy('prefix').execute();

export const findGroup = (db: Queryable, id: string) => db.selectFrom('queue_group').selectAll().where('id', '=', id).executeTakeFirst();

export const groupsByPrefix = (db: Queryable, prefix: string) =>
  db.selectFrom('queue_group').selectAll().where('prefix', '=', prefix).where('active', '=', true).execute();

export const insertGroup = (db: Queryable, row: Database['queue_group'] extends infer T ? Omit<GroupRow, 'created_at'> : never) =>
  db.insertInto('queue_group').values(row).execute();

export const updateGroup = (db: Queryable, id: string, values: Partial<Omit<GroupRow, 'id' | 'centre_id' | 'created_at'>>) =>
  db.updateTable('queue_group').set(values).where('id', '=', id).execute();

export const countersOf = (db: Queryable, centreId: string) =>
  db.selectFrom('queue_counter').selectAll().where('centre_id', '=', centreId).orderBy('number').execute();

export const findCounter = (db: Queryable, id: string) => db.selectFrom('queue_counter').selectAll().where('id', '=', id).executeTakeFirst();

export const lockCounter = (db: Queryable, id: string) => db.selectFrom('queue_counter').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const counterGroupsOf = (db: Queryable, counterIds: string[]) =>
  counterIds.length === 0 ? Promise.resolve([]) : db.selectFrom('queue_counter_group').selectAll().where('counter_id', 'in', counterIds).execute();

export async function insertCounter(db: Queryable, row: { id: string; centre_id: string; number: number; name: string; active: boolean }, groupIds: string[]) {
  await db.insertInto('queue_counter').values(row).execute();
  await setCounterGroups(db, row.id, groupIds);
}

export const updateCounter = (db: Queryable, id: string, values: { number?: number; name?: string; active?: boolean; priority_streak?: number }) =>
  db.updateTable('queue_counter').set(values).where('id', '=', id).execute();

export async function setCounterGroups(db: Queryable, counterId: string, groupIds: string[]) {
  await db.deleteFrom('queue_counter_group').where('counter_id', '=', counterId).execute();
  if (groupIds.length > 0) await db.insertInto('queue_counter_group').values(groupIds.map((group_id) => ({ counter_id: counterId, group_id }))).execute();
}

export const sessionsOf = (db: Queryable, counterIds: string[]) =>
  counterIds.length === 0 ? Promise.resolve([]) : db.selectFrom('queue_counter_session').selectAll().where('counter_id', 'in', counterIds).execute();

export const sessionOfOfficer = (db: Queryable, officerId: string) =>
  db.selectFrom('queue_counter_session').selectAll().where('officer_id', '=', officerId).executeTakeFirst();

export async function signIn(db: Queryable, row: { counter_id: string; officer_id: string; officer_name: string; signed_in_at: Date }) {
  await db.deleteFrom('queue_counter_session').where('officer_id', '=', row.officer_id).execute();
  await db.insertInto('queue_counter_session').values(row).execute();
}

export const signOut = (db: Queryable, counterId: string, officerId: string) =>
  db.deleteFrom('queue_counter_session').where('counter_id', '=', counterId).where('officer_id', '=', officerId).execute();

/** The next number of a group for a day: the upserted row stays locked until the caller commits. */
export async function nextNumber(db: Queryable, groupId: string, day: string): Promise<number> {
  const row = await db
    .insertInto('queue_number_counter')
    .values({ group_id: groupId, day, last: 1 })
    .onConflict((oc) => oc.columns(['group_id', 'day']).doUpdateSet({ last: sql`queue_number_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export const insertTicket = (db: Queryable, row: Omit<TicketRow, 'call_count'>) => db.insertInto('queue_ticket').values(row).execute();

export const findTicket = (db: Queryable, id: string) => db.selectFrom('queue_ticket').selectAll().where('id', '=', id).executeTakeFirst();

export const lockTicket = (db: Queryable, id: string) => db.selectFrom('queue_ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findByBookingCode = (db: Queryable, code: string) =>
  db.selectFrom('queue_ticket').selectAll().where('booking_code', '=', code).forUpdate().executeTakeFirst();

export const findByNumber = (db: Queryable, centreId: string, day: string, number: string) =>
  db.selectFrom('queue_ticket').selectAll().where('centre_id', '=', centreId).where('day', '=', day).where('number', '=', number).executeTakeFirst();

export const updateTicket = (db: Queryable, id: string, values: Partial<Omit<TicketRow, 'id'>> & { call_count?: any }) =>
  db.updateTable('queue_ticket').set(values).where('id', '=', id).execute();

export async function addEvent(db: Queryable, row: { ticket_id: string; at: Date; kind: string; counter_id?: string | null; officer_id?: string | null; detail?: unknown }) {
  await db
    .insertInto('queue_ticket_event')
    .values({ ticket_id: row.ticket_id, at: row.at, kind: row.kind, counter_id: row.counter_id ?? null, officer_id: row.officer_id ?? null, detail: row.detail === undefined ? null : JSON.stringify(row.detail) })
    .execute();
}

const inLine = (db: Queryable) => db.selectFrom('queue_ticket').selectAll().where('status', '=', 'waiting').orderBy('queued_at').orderBy('seq').limit(1);


/**
 * The oldest waiting tickets a counter may call, unlocked: the caller claims its choice with
 * `claimWaiting`, which fails if another counter took it first (then it looks again). No ticket is
 * skipped because another counter merely looked at it.
 */
export async function callCandidates(db: Queryable, counterId: string, groupIds: string[]) {
  // One round trip: the first transferred, the first priority and the first normal ticket.
  const first = (kind: string, line: ReturnType<typeof inLine>) => db.selectFrom(line.select(sql<string>`${kind}::text`.as('kind')).as(kind)).selectAll();
  let query = first('transferred', inLine(db).where('target_counter_id', '=', counterId));
  if (groupIds.length > 0)
    query = query
      .unionAll(first('priority', inLine(db).where('group_id', 'in', groupIds).where('target_counter_id', 'is', null).where('priority', '<>', 'none')))
      .unionAll(first('normal', inLine(db).where('group_id', 'in', groupIds).where('target_counter_id', 'is', null).where('priority', '=', 'none')));
  const rows = (await query.execute()) as (TicketRow & { kind: string })[];
  const of = (kind: string) => rows.find((r) => r.kind === kind) ?? null;
  return { transferred: of('transferred'), priority: of('priority'), normal: of('normal') };
}

/** Calls a waiting ticket to a counter: null when another transaction took it first. */
export async function claimForCall(db: Queryable, id: string, call: { counterId: string; officerId: string; officerName: string; at: Date }) {
  return (
    (await db
      .updateTable('queue_ticket')
      .set({
        status: 'called',
        counter_id: call.counterId,
        officer_id: call.officerId,
        officer_name: call.officerName,
        called_at: call.at,
        first_called_at: sql`coalesce(first_called_at, ${call.at})`,
        call_count: sql`call_count + 1`,
        target_counter_id: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst()) ?? null
  );
}

/** Changes a ticket at a counter if it is still in one of `allowed` there; null otherwise. */
export async function changeAtCounter(db: Queryable, id: string, counterId: string, allowed: TicketRow['status'][], values: Record<string, unknown>) {
  return (
    (await db
      .updateTable('queue_ticket')
      .set(values as any)
      .where('id', '=', id)
      .where('counter_id', '=', counterId)
      .where('status', 'in', allowed)
      .returningAll()
      .executeTakeFirst()) ?? null
  );
}

/** Waiting tickets ahead of one in its group (the line as the kiosk and the printed ticket show it). */
export async function peopleAhead(db: Queryable, ticket: TicketRow): Promise<number> {
  if (ticket.status !== 'waiting' || !ticket.queued_at) return 0;
  const row = await db
    .selectFrom('queue_ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', ticket.group_id)
    .where('status', '=', 'waiting')
    .where((eb) => eb.or([eb('queued_at', '<', ticket.queued_at!), eb.and([eb('queued_at', '=', ticket.queued_at!), eb('seq', '<', ticket.seq ?? 0)])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const waitingCounts = (db: Queryable, centreId: string) =>
  db
    .selectFrom('queue_ticket')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('centre_id', '=', centreId)
    .where('status', '=', 'waiting')
    .groupBy('group_id')
    .execute();

/** Today's mean service minutes per group (finished tickets), for the wait estimates. */
export const serviceAverages = (db: Queryable, centreId: string, day: string) =>
  db
    .selectFrom('queue_ticket')
    .select(['group_id', sql<number>`avg(extract(epoch from (finished_at - service_started_at))) / 60`.as('minutes')])
    .where('centre_id', '=', centreId)
    .where('day', '=', day)
    .where('status', '=', 'done')
    .where('service_started_at', 'is not', null)
    .groupBy('group_id')
    .execute();

export const waitingList = (db: Queryable, counterId: string, groupIds: string[], limit: number) =>
  db
    .selectFrom('queue_ticket')
    .selectAll()
    .where('status', '=', 'waiting')
    .where((eb) => (groupIds.length > 0 ? eb.or([eb('target_counter_id', '=', counterId), eb.and([eb('group_id', 'in', groupIds), eb('target_counter_id', 'is', null)])]) : eb('target_counter_id', '=', counterId)))
    .orderBy('queued_at')
    .orderBy('seq')
    .limit(limit)
    .execute();

export const currentAt = (db: Queryable, counterIds: string[]) =>
  counterIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('queue_ticket').selectAll().where('counter_id', 'in', counterIds).where('status', 'in', ['called', 'serving']).execute();

export const lastCalled = (db: Queryable, centreId: string, day: string, limit: number) =>
  db
    .selectFrom('queue_ticket')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('day', '=', day)
    .where('called_at', 'is not', null)
    .orderBy('called_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();

export const bookedInSlots = (db: Queryable, groupId: string, from: Date, to: Date) =>
  db
    .selectFrom('queue_ticket')
    .select(['slot_start', (eb) => eb.fn.countAll<number>().as('n')])
    .where('group_id', '=', groupId)
    .where('slot_start', '>=', from)
    .where('slot_start', '<', to)
    .where('status', '<>', 'cancelled')
    .groupBy('slot_start')
    .execute();

export const lockGroup = (db: Queryable, id: string) => db.selectFrom('queue_group').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export const ticketsOfDay = (db: Queryable, centreId: string, day: string) =>
  db.selectFrom('queue_ticket').selectAll().where('centre_id', '=', centreId).where('day', '=', day).where('status', '<>', 'booked').execute();

export const ratingsOfDay = (db: Queryable, centreId: string, from: Date, to: Date) =>
  db.selectFrom('queue_rating').selectAll().where('centre_id', '=', centreId).where('rated_at', '>=', from).where('rated_at', '<', to).execute();

export const ratingOf = (db: Queryable, ticketId: string) => db.selectFrom('queue_rating').select('ticket_id').where('ticket_id', '=', ticketId).executeTakeFirst();

/** Once per ticket: the primary key refuses a second rating (false then). */
export async function insertRating(db: Queryable, row: Omit<Selectable<Database['queue_rating']>, never>): Promise<boolean> {
  const inserted = await db.insertInto('queue_rating').values(row).onConflict((oc) => oc.column('ticket_id').doNothing()).returning('ticket_id').executeTakeFirst();
  return Boolean(inserted);
}
