import { sql } from 'kysely';
import type { Queryable } from '../../database.ts';

export function findAccountByUsername(db: Queryable, username: string) {
  return db.selectFrom('staff_account').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findAccount(db: Queryable, id: string) {
  return db.selectFrom('staff_account').selectAll().where('id', '=', id).executeTakeFirst();
}

export function grantsOf(db: Queryable, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grant')
    .innerJoin('unit', 'unit.id', 'role_grant.unit_id')
    .select(['role_grant.user_id', 'role_grant.role', 'role_grant.unit_id', 'unit.name as unit_name', 'unit.path as unit_path'])
    .where('role_grant.user_id', 'in', userIds)
    .orderBy('unit.path')
    .orderBy('role_grant.role')
    .execute();
}

/** Accounts holding at least one role inside any of the given subtrees. */
export function accountsWithGrantsUnder(db: Queryable, paths: string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('staff_account')
    .selectAll('staff_account')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grant')
          .innerJoin('unit', 'unit.id', 'role_grant.unit_id')
          .select('role_grant.user_id')
          .whereRef('role_grant.user_id', '=', 'staff_account.id')
          .where((inner) => inner.or(paths.map((p) => inner('unit.path', 'like', `${p}%`)))),
      ),
    )
    .orderBy('staff_account.username')
    .execute();
}

export async function replaceGrants(db: Queryable, userId: string, grants: { role: string; unitId: string }[]) {
  await db.deleteFrom('role_grant').where('user_id', '=', userId).execute();
  const unique = [...new Map(grants.map((g) => [`${g.role}/${g.unitId}`, g])).values()];
  if (unique.length > 0)
    await db
      .insertInto('role_grant')
      .values(unique.map((g) => ({ user_id: userId, role: g.role, unit_id: g.unitId })))
      .execute();
}

export async function sessionWithAccount(db: Queryable, tokenHash: string, now: Date) {
  return db
    .selectFrom('staff_session')
    .innerJoin('staff_account', 'staff_account.id', 'staff_session.user_id')
    .select([
      'staff_session.token_hash',
      'staff_session.csrf_token',
      'staff_account.id',
      'staff_account.username',
      'staff_account.full_name',
      'staff_account.email',
      'staff_account.active',
      'staff_account.locked_until',
    ])
    // The grants too (as `grantsOf` gives them), so a request's session costs one query.
    .select(
      sql<{ role: string; unit_id: string; unit_name: string; unit_path: string }[]>`coalesce((
        select json_agg(json_build_object('role', g.role, 'unit_id', g.unit_id, 'unit_name', u.name, 'unit_path', u.path) order by u.path, g.role)
        from role_grant g join unit u on u.id = g.unit_id where g.user_id = staff_account.id), '[]')`.as('grants'),
    )
    .where('staff_session.token_hash', '=', tokenHash)
    .where('staff_session.expires_at', '>', now)
    .where('staff_account.active', '=', true)
    .executeTakeFirst();
}
