import { randomBytes, randomUUID } from 'node:crypto';
import { fromEpochDay, formatIsoDate } from '@motcua/core/calendar/index.ts';
import { dueInstant } from '@motcua/core/calendar/deadline.ts';
import { vietnamEpochDay, vietnamInstant } from '@motcua/core/calendar/vietnam-time.ts';
import { allowedPetitionActions, petitionTransition, type PetitionAction } from '@motcua/core/petitions/rules.ts';
import type { PetitionActionInput, PetitionDetail, PetitionSubmission, UnitPetitionFigures } from '@motcua/core/petitions/schemas.ts';
import type { Role } from '@motcua/core/users/schemas.ts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../database.ts';
import { publicBaseUrl } from '../../platform/config.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { enqueue, normalisePhone } from '../notifications/notifications.outbox.ts';
import { covers, type StaffPrincipal } from '../users/principal.ts';
import * as repo from './petitions.repo.ts';

const field = (path: string, code: string, vi: string, en: string) => errors.validation([{ path, code, message: t(vi, en) }]);
const notFound = () => new AppError(404, 'not_found', t('Không tìm thấy phản ánh, kiến nghị với mã và mã tra cứu này', 'No petition with this code and lookup secret'));

const secret = () => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
};

/** Who may act: before routing, the intake roles anywhere; after, the roles in the responsible unit. */
const ROLES: Record<PetitionAction, { unrouted: Role[]; routed: Role[] }> = {
  classify: { unrouted: ['counter_officer', 'leader', 'admin'], routed: ['leader', 'admin'] },
  forward: { unrouted: ['counter_officer', 'leader', 'admin'], routed: ['specialist', 'leader', 'admin'] },
  refuse: { unrouted: ['counter_officer', 'leader', 'admin'], routed: ['leader', 'admin'] },
  answer: { unrouted: [], routed: ['specialist', 'leader', 'admin'] },
  publish: { unrouted: [], routed: ['leader', 'admin'] },
  note: { unrouted: ['counter_officer', 'specialist', 'leader', 'admin', 'supervisor'], routed: ['specialist', 'leader', 'admin', 'supervisor'] },
};

export class PetitionService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  /** The working-day deadlines from the moment of reception (the province's calendar). */
  private async deadlines(receivedAt: Date) {
    const calendar = await calendarService(this.db).calendarFor(null);
    const due = (days: number) => new Date(dueInstant(calendar, receivedAt.getTime(), { unit: 'workingDays', value: days }));
    return { forwardDueAt: due(this.ctx.config.PETITION_FORWARD_WORKING_DAYS), answerDueAt: due(this.ctx.config.PETITION_ANSWER_WORKING_DAYS) };
  }

  /** A citizen's petition, without login: the answer is its code and the secret to follow it. Idempotent. */
  async submit(input: PetitionSubmission) {
    const existing = await repo.findByIdempotencyKey(this.db, input.idempotencyKey);
    if (existing) return { created: false, receipt: receipt(existing) };
    if (!input.petitioner.phone && !input.petitioner.email)
      throw field('body.petitioner.phone', 'contact_required', 'Cần số điện thoại hoặc email để trả lời', 'A phone number or an email is needed for the answer');
    const now = this.ctx.clock.now();
    const { forwardDueAt, answerDueAt } = await this.deadlines(now);
    const id = randomUUID();
    const day = fromEpochDay(vietnamEpochDay(now.getTime()));
    const row = await this.db.transaction().execute(async (trx) => {
      const n = await repo.nextCounter(trx, formatIsoDate(day));
      const code = `PAKN-${formatIsoDate(day).slice(2).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
      const inserted = await trx
        .insertInto('petition')
        .values({
          id,
          code,
          lookup_secret: secret(),
          idempotency_key: input.idempotencyKey,
          subject_kind: input.subjectKind,
          title: input.title,
          content: input.content,
          procedure_code: input.procedureCode ?? null,
          dossier_code: input.dossierCode ?? null,
          petitioner: JSON.stringify(input.petitioner),
          status: 'received',
          category: null,
          unit_id: null,
          received_at: now,
          forward_due_at: forwardDueAt,
          answer_due_at: answerDueAt,
          forwarded_at: null,
          forwarded_to: null,
          answer: null,
          answered_at: null,
          answered_by: null,
          published_at: null,
          feedback: null,
          feedback_comment: null,
          feedback_at: null,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.insertInto('petition_event').values({ petition_id: id, type: 'submitted', at: now, actor_id: null, unit_id: null, note: null, data: JSON.stringify({ subjectKind: input.subjectKind }) }).execute();
      return inserted;
    });
    return { created: true, receipt: receipt(row) };
  }

  private async byCodeAndSecret(code: string, key: string) {
    const p = await repo.findPetitionByCode(this.db, code.trim().toUpperCase());
    if (!p || p.lookup_secret !== key.trim().toUpperCase()) throw notFound();
    return p;
  }

  async publicView(code: string, key: string) {
    const p = await this.byCodeAndSecret(code, key);
    const unit = p.unit_id ? (await repo.unitsByIds(this.db, [p.unit_id]))[0] : undefined;
    return {
      code: p.code,
      subjectKind: p.subject_kind,
      title: p.title,
      status: p.status,
      receivedAt: p.received_at.toISOString(),
      answerDueAt: p.answer_due_at.toISOString(),
      unitName: unit?.name ?? null,
      forwardedTo: p.forwarded_to,
      answer: p.status === 'answered' ? p.answer : null,
      answeredAt: p.answered_at?.toISOString() ?? null,
      published: p.published,
      feedback: p.feedback,
    };
  }

  /** Whether the answer satisfied the petitioner: once, after the answer. */
  async feedback(code: string, input: { secret: string; satisfied: boolean; comment?: string | null | undefined }) {
    const p = await this.byCodeAndSecret(code, input.secret);
    if (p.status !== 'answered') throw errors.conflict('not_answered', t('Phản ánh chưa được trả lời', 'The petition has not been answered yet'));
    if (p.feedback) throw errors.conflict('feedback_given', t('Ông/bà đã cho biết ý kiến về câu trả lời này', 'Feedback on this answer was already given'));
    const now = this.ctx.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('petition')
        .set({ feedback: input.satisfied ? 'satisfied' : 'unsatisfied', feedback_comment: input.comment ?? null, feedback_at: now, updated_at: now, version: p.version + 1 })
        .where('id', '=', p.id)
        .where('feedback', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw errors.conflict('feedback_given', t('Ông/bà đã cho biết ý kiến về câu trả lời này', 'Feedback on this answer was already given'));
      await trx.insertInto('petition_event').values({ petition_id: p.id, type: 'feedback', at: now, actor_id: null, unit_id: null, note: input.comment ?? null, data: JSON.stringify({ satisfied: input.satisfied }) }).execute();
    });
    return this.publicView(code, input.secret);
  }

  async published(limit: number) {
    const rows = await this.db
      .selectFrom('petition as p')
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.code', 'p.subject_kind', 'p.title', 'p.content', 'p.answer', 'p.answered_at', 'u.name as unit_name'])
      .where('p.published', '=', true)
      .orderBy('p.published_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ code: r.code, subjectKind: r.subject_kind, title: r.title, content: r.content, unitName: r.unit_name, answer: r.answer ?? '', answeredAt: r.answered_at?.toISOString() ?? '' }));
  }

  private async unitPath(unitId: string | null) {
    if (!unitId) return null;
    return (await repo.unitsByIds(this.db, [unitId]))[0]?.path ?? null;
  }

  private mayAct(principal: StaffPrincipal, action: PetitionAction, unitPath: string | null) {
    const rule = ROLES[action];
    return unitPath === null ? principal.grants.some((g) => rule.unrouted.includes(g.role)) : covers(principal, unitPath, rule.routed);
  }

  private canSee(principal: StaffPrincipal, unitPath: string | null) {
    return unitPath === null ? principal.grants.length > 0 : covers(principal, unitPath);
  }

  async list(principal: StaffPrincipal, query: { status?: string | undefined; page: number; pageSize: number }) {
    let q = this.db.selectFrom('petition as p').leftJoin('unit as u', 'u.id', 'p.unit_id').selectAll('p').select(['u.name as unit_name', 'u.path as unit_path']);
    if (query.status) q = q.where('p.status', '=', query.status as 'received');
    const paths = principal.grants.map((g) => g.unitPath);
    q = q.where((eb) => eb.or([eb('p.unit_id', 'is', null), ...paths.map((path) => eb('u.path', 'like', `${path}%`))]));
    const rows = await q.orderBy('p.answer_due_at').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
    const now = this.ctx.clock.now();
    return rows.map((r) => this.summary(r, r.unit_name ? { id: r.unit_id!, name: r.unit_name } : null, now));
  }

  private summary(p: repo.PetitionRow, unit: { id: string; name: string } | null, now: Date) {
    const open = p.status === 'received' || p.status === 'in_progress';
    return {
      id: p.id,
      code: p.code,
      subjectKind: p.subject_kind,
      category: p.category,
      title: p.title,
      status: p.status,
      unit,
      receivedAt: p.received_at.toISOString(),
      forwardDueAt: p.forward_due_at.toISOString(),
      answerDueAt: p.answer_due_at.toISOString(),
      overdue: open && p.answer_due_at < now,
      published: p.published,
      feedback: p.feedback,
      version: p.version,
    };
  }

  async detail(principal: StaffPrincipal, id: string): Promise<PetitionDetail> {
    const p = await repo.findPetition(this.db, id);
    if (!p) throw errors.forbidden();
    const unit = p.unit_id ? (await repo.unitsByIds(this.db, [p.unit_id]))[0] : undefined;
    const events = await repo.eventsOf(this.db, id);
    // Besides the responsible unit, whoever handled it (the intake officer who routed it) still sees it.
    if (!this.canSee(principal, unit?.path ?? null) && !events.some((e) => e.actor_id === principal.id)) throw errors.forbidden();
    return {
      ...this.summary(p, unit ? { id: unit.id, name: unit.name } : null, this.ctx.clock.now()),
      content: p.content,
      procedureCode: p.procedure_code,
      dossierCode: p.dossier_code,
      petitioner: p.petitioner,
      forwardedAt: p.forwarded_at?.toISOString() ?? null,
      forwardedTo: p.forwarded_to,
      answer: p.answer,
      answeredAt: p.answered_at?.toISOString() ?? null,
      publishedAt: p.published_at?.toISOString() ?? null,
      feedbackComment: p.feedback_comment,
      allowedActions: allowedPetitionActions(p.status, p.published).filter((a) => this.mayAct(principal, a, unit?.path ?? null)),
      events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), actor: e.actor, unitName: e.unit_name, note: e.note })),
    };
  }

  /** The answer is announced by SMS and email through the outbox, in the answer's own transaction. */
  private async tellPetitioner(trx: Queryable, p: repo.PetitionRow, now: Date) {
    const base = publicBaseUrl(this.ctx.config);
    const values = { code: p.code, title: p.title, petitioner: p.petitioner.fullName, followUrl: `${base}/phan-anh/${p.code}?k=${p.lookup_secret}` };
    if (p.petitioner.phone) await enqueue(trx, now, { dedupeKey: `petition:${p.id}:answered:sms`, kind: 'petition_answered', channel: 'sms', recipient: normalisePhone(p.petitioner.phone), values });
    if (p.petitioner.email) await enqueue(trx, now, { dedupeKey: `petition:${p.id}:answered:email`, kind: 'petition_answered', channel: 'email', recipient: p.petitioner.email.toLowerCase(), values });
  }

  async act(principal: StaffPrincipal, id: string, input: PetitionActionInput): Promise<PetitionDetail> {
    const before = await repo.findPetition(this.db, id);
    if (!before) throw errors.forbidden();
    const unitPath = await this.unitPath(before.unit_id);
    if (!this.canSee(principal, unitPath) || !this.mayAct(principal, input.type, unitPath)) throw errors.forbidden();
    let target: { id: string; path: string } | null = null;
    if (input.type === 'classify') {
      if (!input.category) throw field('body.category', 'required', 'Cần chọn loại phản ánh', 'Choose the category');
      if (!input.unitId) throw field('body.unitId', 'required', 'Cần chọn đơn vị chịu trách nhiệm', 'Choose the responsible unit');
      const found = (await repo.unitsByIds(this.db, [input.unitId]))[0];
      if (!found) throw field('body.unitId', 'unknown_unit', 'Không có đơn vị này', 'No such unit');
      target = found;
    }
    if (input.type === 'forward' && !input.forwardedTo) throw field('body.forwardedTo', 'required', 'Cần ghi cơ quan có thẩm quyền nhận chuyển', 'Name the competent agency it goes to');
    if (input.type === 'answer' && !input.answer) throw field('body.answer', 'required', 'Cần nội dung trả lời', 'The answer is required');
    if ((input.type === 'refuse' || input.type === 'note') && !input.note) throw field('body.note', 'required', 'Cần nêu lý do hoặc nội dung', 'A reason or a note is required');
    const now = this.ctx.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const p = (await trx.selectFrom('petition').selectAll().where('id', '=', id).forUpdate().executeTakeFirst())!;
      if (p.version !== input.expectedVersion)
        throw errors.conflict('version_conflict', t(`Phản ánh vừa được người khác cập nhật (phiên bản ${p.version}); tải lại rồi thử lại`, `Someone else just updated the petition (version ${p.version}); reload and try again`));
      const next = petitionTransition(p.status, input.type);
      if (!next || (input.type === 'publish' && p.published))
        throw errors.conflict('illegal_transition', t(`Không thể "${input.type}" khi phản ánh đang ở trạng thái ${p.status}`, `"${input.type}" is not allowed while the petition is ${p.status}`));
      const set: Partial<Record<string, unknown>> = { status: next, version: p.version + 1, updated_at: now };
      if (input.type === 'classify') Object.assign(set, { category: input.category, unit_id: target!.id });
      if (input.type === 'forward') Object.assign(set, { forwarded_at: now, forwarded_to: input.forwardedTo });
      if (input.type === 'answer') Object.assign(set, { answer: input.answer, answered_at: now, answered_by: principal.id });
      if (input.type === 'publish') Object.assign(set, { published: true, published_at: now });
      await trx.updateTable('petition').set(set).where('id', '=', id).execute();
      await trx
        .insertInto('petition_event')
        .values({
          petition_id: id,
          type: input.type,
          at: now,
          actor_id: principal.id,
          unit_id: input.type === 'classify' ? target!.id : p.unit_id,
          note: input.note ?? input.forwardedTo ?? null,
          data: JSON.stringify({ category: input.category ?? null, from: p.status, to: next }),
        })
        .execute();
      if (input.type === 'answer') await this.tellPetitioner(trx, p, now);
      await recordAudit(trx, { actorId: principal.id, action: `petition.${input.type}`, objectType: 'petition', objectId: id, detail: { code: p.code, from: p.status, to: next } });
    });
    return this.detail(principal, id);
  }
}

function receipt(p: repo.PetitionRow) {
  return { code: p.code, secret: p.lookup_secret, receivedAt: p.received_at.toISOString(), answerDueAt: p.answer_due_at.toISOString() };
}

/**
 * "Answered on time" per responsible unit for petitions received between two Vietnam dates (inclusive):
 * for the statistics module (QĐ 766 indicator 5.2) and the supervisor. Unrouted petitions count under a
 * null unit. `unitPaths` limits the units (null: all).
 */
export async function petitionFigures(db: Queryable, period: { from: string; to: string }, now: Date, unitPaths: string[] | null = null): Promise<UnitPetitionFigures[]> {
  const from = new Date(vietnamInstant(period.from));
  const to = new Date(vietnamInstant(period.to) + 86_400_000);
  const rows = await repo.figuresByUnit(db, from, to, now);
  return rows
    .filter((r) => !unitPaths || (r.unit_path !== null && unitPaths.some((p) => r.unit_path!.startsWith(p))) || (r.unit_path === null && unitPaths.length > 0))
    .map((r) => {
      const answered = Number(r.answered);
      const onTime = Number(r.answered_on_time);
      return {
        unitId: r.unit_id,
        unitName: r.unit_name,
        received: Number(r.received),
        answered,
        answeredOnTime: onTime,
        onTimeShare: answered > 0 ? Math.round((onTime / answered) * 10_000) / 10_000 : null,
        openOverdue: Number(r.open_overdue),
        forwarded: Number(r.forwarded),
        forwardedOnTime: Number(r.forwarded_on_time),
        satisfied: Number(r.satisfied),
        unsatisfied: Number(r.unsatisfied),
      };
    });
}
