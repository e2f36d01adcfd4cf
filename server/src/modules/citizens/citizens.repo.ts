import type { Queryable } from '../../database.ts';
import type { CitizenAddressColumn } from './citizens.tables.ts';

export type CitizenRow = NonNullable<Awaited<ReturnType<typeof findCitizen>>>;

export const findCitizen = (db: Queryable, id: string) => db.selectFrom('citizen').selectAll().where('id', '=', id).executeTakeFirst();

export const findByEid = (db: Queryable, issuer: string, subject: string) =>
  db.selectFrom('citizen').selectAll().where('eid_issuer', '=', issuer).where('eid_subject', '=', subject).executeTakeFirst();

export const findByPhoneOnly = (db: Queryable, phone: string) => db.selectFrom('citizen').selectAll().where('phone', '=', phone).where('eid_subject', 'is', null).executeTakeFirst();

export interface IdentityFacts {
  idNumber: string | null;
  fullName: string | null;
  birthDate: string | null;
  address: CitizenAddressColumn | null;
  phone: string | null;
}

export async function updateIdentity(db: Queryable, id: string, facts: IdentityFacts, now: Date) {
  await db
    .updateTable('citizen')
    .set({ id_number: facts.idNumber, full_name: facts.fullName, birth_date: facts.birthDate, address: facts.address ? JSON.stringify(facts.address) : null, phone: facts.phone, last_login_at: now })
    .where('id', '=', id)
    .execute();
}

export async function sessionCitizen(db: Queryable, tokenHash: string, now: Date) {
  return db
    .selectFrom('citizen_session')
    .innerJoin('citizen', 'citizen.id', 'citizen_session.citizen_id')
    .selectAll('citizen')
    .select(['citizen_session.csrf_token', 'citizen_session.token_hash'])
    .where('citizen_session.token_hash', '=', tokenHash)
    .where('citizen_session.expires_at', '>', now)
    .executeTakeFirst();
}
