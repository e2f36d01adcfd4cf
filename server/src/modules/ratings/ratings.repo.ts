import { sql } from 'kysely';
import type { Queryable } from '../../database.ts';

/** The few facts of a dossier a rating needs, found by its code (the secret is checked by the caller). */
export function dossierByCode(db: Queryable, code: string) {
  return db
    .selectFrom('dossier')
    .select(['id', 'code', 'lookup_secret', 'procedure_name', 'status', 'returned_at', 'receiving_unit_id', 'competent_unit_id'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export function ratingOf(db: Queryable, dossierId: string) {
  return db.selectFrom('dossier_rating').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

/** Counts and average scores per competent unit for ratings made in [from, to). */
export function figuresByUnit(db: Queryable, from: Date, to: Date, unitIds: string[] | null) {
  let q = db
    .selectFrom('dossier_rating as r')
    .innerJoin('unit as u', 'u.id', 'r.competent_unit_id')
    .select([
      'u.id as unit_id',
      'u.name as unit_name',
      (eb) => eb.fn.countAll<number>().as('ratings'),
      sql<number>`count(*) filter (where r.overall = 'very_satisfied')`.as('very_satisfied'),
      sql<number>`count(*) filter (where r.overall = 'satisfied')`.as('satisfied'),
      sql<number>`count(*) filter (where r.overall = 'dissatisfied')`.as('dissatisfied'),
      sql<number | null>`round(avg(r.total_time_score), 2)`.as('total_time'),
      sql<number | null>`round(avg(r.unit_time_score), 2)`.as('unit_time'),
      sql<number | null>`round(avg(r.contacts_score), 2)`.as('contacts'),
      sql<number | null>`round(avg(r.agencies_score), 2)`.as('agencies'),
    ])
    .where('r.rated_at', '>=', from)
    .where('r.rated_at', '<', to)
    .groupBy(['u.id', 'u.name'])
    .orderBy('u.name');
  if (unitIds) q = q.where('u.id', 'in', unitIds.length > 0 ? unitIds : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}
