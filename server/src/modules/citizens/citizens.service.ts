import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CitizenProfile } from '@motcua/core/citizens/schemas.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { OneTimeCodeSender } from './one-time-code.ts';
import * as repo from './citizens.repo.ts';

export const hashSecret = (value: string) => createHash('sha256').update(value).digest('base64url');

const OTP_MINUTES = 5;
const OTP_MAX_ATTEMPTS = 5;

export function profileOf(row: repo.CitizenRow): CitizenProfile {
  return {
    id: row.id,
    fullName: row.full_name,
    idNumber: row.id_number,
    birthDate: row.birth_date,
    phone: row.phone,
    address: row.address,
    assuranceLevel: row.assurance_level,
    signedInWith: row.eid_subject ? 'eid' : 'phone',
  };
}

export class CitizenService {
  constructor(
    private readonly ctx: AppContext,
    private readonly codeSender: OneTimeCodeSender,
  ) {}

  /** The citizen an e-ID identity belongs to, created on first sign-in; the identity's facts refreshed each time. */
  async upsertFromEid(issuer: string, subject: string, facts: repo.IdentityFacts) {
    const now = this.ctx.clock.now();
    const existing = await repo.findByEid(this.ctx.db, issuer, subject);
    if (existing) {
      await repo.updateIdentity(this.ctx.db, existing.id, facts, now);
      return existing.id;
    }
    const id = randomUUID();
    await this.ctx.db
      .insertInto('citizen')
      .values({ id, eid_issuer: issuer, eid_subject: subject, id_number: facts.idNumber, full_name: facts.fullName, birth_date: facts.birthDate, address: facts.address ? JSON.stringify(facts.address) : null, phone: facts.phone, assurance_level: 2, created_at: now, last_login_at: now })
      .execute();
    return id;
  }

  async openSession(citizenId: string, method: 'eid' | 'phone') {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('citizen_session').values({ token_hash: hashSecret(token), citizen_id: citizenId, csrf_token: csrfToken, created_at: now, expires_at: new Date(now.getTime() + this.ctx.config.CITIZEN_SESSION_HOURS * 3600_000) }).execute();
      await recordAudit(trx, { actorId: null, action: `citizen.login_${method}`, objectType: 'citizen', objectId: citizenId, detail: {} });
    });
    return { token, csrfToken };
  }

  async closeSession(tokenHash: string) {
    await this.ctx.db.deleteFrom('citizen_session').where('token_hash', '=', tokenHash).execute();
  }

  /** A fresh 6-digit code for the phone (replacing any earlier one), sent through the code sender. */
  async requestCode(phone: string) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.ctx.clock.now();
    const row = { phone, code_hash: hashSecret(`${phone}:${code}`), attempts: 0, created_at: now, expires_at: new Date(now.getTime() + OTP_MINUTES * 60_000) };
    await this.ctx.db.insertInto('citizen_otp').values(row).onConflict((oc) => oc.column('phone').doUpdateSet(row)).execute();
    await this.codeSender.sendOneTimeCode(phone, code);
    return { expiresInMinutes: OTP_MINUTES };
  }

  /** Checks the code (a few tries, a few minutes, one use) and returns the phone's citizen account. */
  async verifyCode(phone: string, code: string) {
    const now = this.ctx.clock.now();
    const refused = new AppError(400, 'otp_invalid', t('Mã xác thực không đúng hoặc đã hết hạn; hãy yêu cầu mã mới', 'The code is wrong or expired; ask for a new one'));
    const row = await this.ctx.db.selectFrom('citizen_otp').selectAll().where('phone', '=', phone).executeTakeFirst();
    if (!row || row.expires_at <= now || row.attempts >= OTP_MAX_ATTEMPTS) throw refused;
    const expected = Buffer.from(row.code_hash);
    const given = Buffer.from(hashSecret(`${phone}:${code}`));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await this.ctx.db.updateTable('citizen_otp').set({ attempts: row.attempts + 1 }).where('phone', '=', phone).execute();
      throw refused;
    }
    await this.ctx.db.deleteFrom('citizen_otp').where('phone', '=', phone).execute();
    const existing = await repo.findByPhoneOnly(this.ctx.db, phone);
    if (existing) {
      await this.ctx.db.updateTable('citizen').set({ last_login_at: now }).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const id = randomUUID();
    await this.ctx.db.insertInto('citizen').values({ id, eid_issuer: null, eid_subject: null, id_number: null, full_name: null, birth_date: null, address: null, phone, assurance_level: 0, created_at: now, last_login_at: now }).execute();
    return id;
  }
}
