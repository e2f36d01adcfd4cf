import { sql } from 'kysely';
import type { Queryable } from '../../database.ts';

/** Gap-free daily counter for petition codes (the row stays locked until the submission commits). */
export async function nextCounter(db: Queryable, day: string): Promise<number> {
  const row = await db
    .insertInto('petition_code_counter')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`petition_code_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export const findPetition = (db: Queryable, id: string) => db.selectFrom('petition').selectAll().where('id', '=', id).executeTakeFirst();
export const findPetitionByCode = (db: Queryable, code: string) => db.selectFrom('petition').selectAll().where('code', '=', code).executeTakeFirst();
export const findByIdempotencyKey = (db: Queryable, key: string) => db.selectFrom('petition').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
export type PetitionRow = NonNullable<Awaited<ReturnType<typeof findPetition>>>;

export function eventsOf(db: Queryable, id: string) {
  return db
    .selectFrom('petition_event as e')
    .leftJoin('staff_account as s', 's.id', 'e.actor_id')
    .leftJoin('unit as u', 'u.id', 'e.unit_id')
    .select(['e.type', 'e.at', 'e.note', 'e.actor_id', 's.full_name as actor', 'u.name as unit_name'])
    .where('e.petition_id', '=', id)
    .orderBy('e.id')
    .execute();
}

export function unitsByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('unit').select(['id', 'name', 'path']).where('id', 'in', ids).execute();
}

/** Counts per responsible unit for petitions received in [from, to). */
export function figuresByUnit(db: Queryable, from: Date, to: Date, now: Date) {
  return db
    .selectFrom('petition as p')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      (eb) => eb.fn.countAll<number>().as('received'),
      sql<number>`count(*) filter (where p.answered_at is not null)`.as('answered'),
      sql<number>`count(*) filter (where p.answered_at is not null and p.answered_at <= p.answer_due_at)`.as('answered_on_time'),
      sql<number>`count(*) filter (where p.status in ('received', 'in_progress') and p.answer_due_at < ${now})`.as('open_overdue'),
      sql<number>`count(*) filter (where p.status = 'forwarded')`.as('forwarded'),
      sql<number>`count(*) filter (where p.status = 'forwarded' and p.forwarded_at <= p.forward_due_at)`.as('forwarded_on_time'),
      sql<number>`count(*) filter (where p.feedback = 'satisfied')`.as('satisfied'),
      sql<number>`count(*) filter (where p.feedback = 'unsatisfied')`.as('unsatisfied'),
    ])
    .where('p.received_at', '>=', from)
    .where('p.received_at', '<', to)
    .groupBy(['p.unit_id', 'u.name', 'u.path'])
    .orderBy('u.name')
    .execute();
}
