import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role, StaffAccount, StaffCreate, StaffUpdate } from '@motcua/core/users/schemas.ts';
import type { Db, Queryable } from '../../database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getUnitRecord } from '../units/units.service.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { covers, jurisdictionRoots, type StaffPrincipal } from './principal.ts';
import * as repo from './users.repo.ts';

export interface AuthPolicy {
  sessionHours: number;
  lockoutAfterFailures: number;
  lockoutMinutes: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>;

async function toAccounts(db: Queryable, rows: AccountRow[]): Promise<StaffAccount[]> {
  const grants = await repo.grantsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    active: r.active,
    lockedUntil: r.locked_until ? r.locked_until.toISOString() : null,
    roles: grants
      .filter((g) => g.user_id === r.id)
      .map((g) => ({ role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name })),
  }));
}

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', t('Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password'));

/** Checks the password, counts failures, locks the account after too many, and opens a session. */
export async function login(db: Db, clock: Clock, policy: AuthPolicy, username: string, password: string) {
  const now = clock.now();
  const account = await repo.findAccountByUsername(db, username.trim().toLowerCase());
  if (!account || !account.active) {
    await verifyPassword(password, DUMMY_HASH);
    throw invalidCredentials();
  }
  if (account.locked_until && account.locked_until > now) {
    const minutes = Math.ceil((account.locked_until.getTime() - now.getTime()) / 60000);
    throw new AppError(
      423,
      'account_locked',
      t(
        `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${minutes} phút`,
        `Account locked after repeated failed sign-ins; try again in ${minutes} minutes`,
      ),
    );
  }
  if (!(await verifyPassword(password, account.password_hash))) {
    const failures = account.failed_logins + 1;
    const lock = failures >= policy.lockoutAfterFailures;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('staff_account')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(now.getTime() + policy.lockoutMinutes * 60000) : account.locked_until,
        })
        .where('id', '=', account.id)
        .execute();
      await recordAudit(trx, { actorId: account.id, action: lock ? 'auth.locked' : 'auth.login_failed', objectType: 'staff_account', objectId: account.id, detail: { failures } });
    });
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_account').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
    await trx
      .insertInto('staff_session')
      .values({
        token_hash: hashToken(token),
        user_id: account.id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: new Date(now.getTime() + policy.sessionHours * 3600_000),
      })
      .execute();
    // Expired sessions are swept here, where sessions are made, instead of by a separate job.
    await trx.deleteFrom('staff_session').where('expires_at', '<', now).execute();
    await recordAudit(trx, { actorId: account.id, action: 'auth.login', objectType: 'staff_account', objectId: account.id });
  });
  const [user] = await toAccounts(db, [account]);
  return { token, csrfToken, user: user! };
}

export async function logout(db: Db, principal: StaffPrincipal) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_session').where('token_hash', '=', principal.sessionHash).execute();
    await recordAudit(trx, { actorId: principal.id, action: 'auth.logout', objectType: 'staff_account', objectId: principal.id });
  });
}

/** The principal behind a session cookie, or null when the token is unknown, expired or the account disabled. */
export async function resolveSession(db: Queryable, clock: Clock, token: string): Promise<StaffPrincipal | null> {
  const tokenHash = hashToken(token);
  const row = await repo.sessionWithAccount(db, tokenHash, clock.now());
  if (!row) return null;
  const grants = row.grants;
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    csrfToken: row.csrf_token,
    sessionHash: tokenHash,
    grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name, unitPath: g.unit_path })),
  };
}

export async function currentAccount(db: Queryable, principal: StaffPrincipal) {
  const row = await repo.findAccount(db, principal.id);
  return (await toAccounts(db, [row!]))[0]!;
}

const READ_STAFF_ROLES: Role[] = ['admin', 'leader', 'supervisor'];

export async function listStaff(db: Queryable, principal: StaffPrincipal) {
  const roots = jurisdictionRoots(principal, READ_STAFF_ROLES);
  if (roots.length === 0) throw errors.forbidden();
  return toAccounts(db, await repo.accountsWithGrantsUnder(db, roots));
}

/** An account is in reach when all of its grants lie inside the principal's jurisdiction for `roles`. */
async function accountInReach(db: Queryable, principal: StaffPrincipal, id: string, roles: Role[]) {
  const row = await repo.findAccount(db, id);
  if (!row) throw errors.forbidden();
  const grants = await repo.grantsOf(db, [id]);
  if (grants.length === 0 || !grants.every((g) => covers(principal, g.unit_path, roles))) throw errors.forbidden();
  return row;
}

export async function getStaff(db: Queryable, principal: StaffPrincipal, id: string) {
  return (await toAccounts(db, [await accountInReach(db, principal, id, READ_STAFF_ROLES)]))[0]!;
}

async function checkGrantsInReach(db: Queryable, principal: StaffPrincipal, grants: { role: Role; unitId: string }[]) {
  for (const [i, g] of grants.entries()) {
    const unit = await getUnitRecord(db, g.unitId);
    if (!unit)
      throw errors.validation([
        { path: `body.roles[${i}].unitId`, code: 'unknown_unit', message: t('Đơn vị không tồn tại', 'No such unit') },
      ]);
    if (!covers(principal, unit.path, ['admin'])) throw errors.forbidden();
  }
}

export async function createStaff(db: Db, principal: StaffPrincipal, input: StaffCreate) {
  await checkGrantsInReach(db, principal, input.roles);
  if (await repo.findAccountByUsername(db, input.username))
    throw errors.conflict('username_taken', t(`Tên đăng nhập ${input.username} đã có`, `Username ${input.username} is taken`));
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_account')
      .values({ id, username: input.username, full_name: input.fullName, email: input.email ?? null, password_hash: passwordHash, locked_until: null })
      .execute();
    await repo.replaceGrants(trx, id, input.roles);
    await recordAudit(trx, { actorId: principal.id, action: 'staff.create', objectType: 'staff_account', objectId: id, detail: { username: input.username, roles: input.roles } });
  });
  return getStaff(db, principal, id);
}

export async function updateStaff(db: Db, clock: Clock, principal: StaffPrincipal, id: string, input: StaffUpdate) {
  await accountInReach(db, principal, id, ['admin']);
  if (input.roles) await checkGrantsInReach(db, principal, input.roles);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction().execute(async (trx) => {
    const patch = {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      ...(input.unlock ? { locked_until: null, failed_logins: 0 } : {}),
    };
    if (Object.keys(patch).length > 0) await trx.updateTable('staff_account').set({ ...patch, updated_at: clock.now() }).where('id', '=', id).execute();
    if (input.roles) await repo.replaceGrants(trx, id, input.roles);
    // A disabled account or a new password ends every open session.
    if (input.active === false || passwordHash) await trx.deleteFrom('staff_session').where('user_id', '=', id).execute();
    const { password: _secret, ...changes } = input;
    await recordAudit(trx, { actorId: principal.id, action: 'staff.update', objectType: 'staff_account', objectId: id, detail: { changes, passwordChanged: Boolean(passwordHash) } });
  });
  return getStaff(db, principal, id);
}

/** Seeding only: an account with grants, no principal needed. */
export async function seedAccount(db: Queryable, input: { username: string; fullName: string; password: string; grants: { role: Role; unitId: string }[] }) {
  const id = randomUUID();
  await db
    .insertInto('staff_account')
    .values({ id, username: input.username, full_name: input.fullName, email: null, password_hash: await hashPassword(input.password), locked_until: null })
    .execute();
  await repo.replaceGrants(db, id, input.grants);
  return id;
}
