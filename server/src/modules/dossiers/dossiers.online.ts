import { randomUUID } from 'node:crypto';
import { fromEpochDay, formatIsoDate, type WorkingCalendar } from '@motcua/core/calendar/index.ts';
import { vietnamEpochDay } from '@motcua/core/calendar/vietnam-time.ts';
import { Person } from '@motcua/core/dossiers/schemas.ts';
import { dossierCode } from '@motcua/core/dossiers/code.ts';
import { workingMinutesLeft } from '@motcua/core/dossiers/deadline.ts';
import type { DossierEvent } from '@motcua/core/dossiers/lifecycle.ts';
import { stepUnitId } from '@motcua/core/dossiers/process.ts';
import { CHANNELS, type DossierStatus } from '@motcua/core/dossiers/statuses.ts';
import type { CitizenDossierDetail, CitizenDossierSummary, OnlineQueue, ReviewInput, SubmissionInput } from '@motcua/core/eforms/schemas.ts';
import type { AttachedDocument } from '@motcua/core/eforms/schemas.ts';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { describeIssue, t } from '../../platform/i18n.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { procedureForReception } from '../catalog/catalog.service.ts';
import { checkFormData, checkOwnedFiles, EformService } from '../eforms/eforms.service.ts';
import { covers, jurisdictionRoots, type StaffPrincipal } from '../users/principal.ts';
import { derive, projectionOf } from './dossiers.projection.ts';
import * as repo from './dossiers.repo.ts';
import { runEventsAppended } from './dossiers.hooks.ts';
import { DossierService, lookupSecret, ruleVersionAt, toDuration } from './dossiers.service.ts';

/**
 * Online submissions (channel 2): the citizen submits an e-form with attachments, the dossier waits in
 * status 1 (newly registered) for the counter, which must receive it or send it back within 8 working
 * hours (REGULATIONS.md §2: NĐ 297/2025 Art. 6(4)); the counter is warned before, and a breach is recorded
 * on the dossier as an event and on the submission as `breached_at`.
 */
export const REVIEW_WORKING_MINUTES = 8 * 60;

const field = (path: string, code: string, vi: string, en: string) => errors.validation([{ path, code, message: t(vi, en) }]);

type Calendar = WorkingCalendar;

export class OnlineSubmissionService {
  private readonly eforms: EformService;
  private readonly dossiers: DossierService;
  constructor(private readonly ctx: AppContext) {
    this.eforms = new EformService(ctx);
    this.dossiers = new DossierService(ctx);
  }

  private get db() {
    return this.ctx.db;
  }

  /** Where online dossiers are received by default: the province's service centre (else the root). */
  private async defaultReceivingUnit() {
    const centre = await this.db.selectFrom('unit').select(['id', 'code', 'name', 'path']).where('kind', '=', 'service_centre').orderBy('path').executeTakeFirst();
    return centre ?? (await this.db.selectFrom('unit').select(['id', 'code', 'name', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow());
  }

  /** The end of the 8 working hours the counter has, from the submission. */
  reviewDue(calendar: Calendar, submittedAt: number) {
    return calendar.instantAtWorkingMs(calendar.workingMsAt(submittedAt) + REVIEW_WORKING_MINUTES * 60_000);
  }

  async submit(citizenId: string, input: SubmissionInput): Promise<{ created: boolean; dossier: CitizenDossierDetail }> {
    const existing = await repo.findDossierByIdempotencyKey(this.db, `citizen:${citizenId}:${input.idempotencyKey}`);
    if (existing) return { created: false, dossier: await this.citizenDetail(citizenId, existing.id) };
    const now = this.ctx.clock.now();
    const form = await checkFormData(this.db, input.procedureCode, input.eformId, input.data);
    const given = (input.data.applicant ?? {}) as Record<string, unknown>;
    // The dossier's applicant: the identity fields of the form's applicant section (the rest stays in the form data).
    const parsed = Person.safeParse(Object.fromEntries(['fullName', 'idNumber', 'phone', 'email', 'address'].filter((k) => given[k] !== undefined && given[k] !== '').map((k) => [k, given[k]])));
    if (!parsed.success)
      throw errors.validation(parsed.error.issues.map((issue) => ({ path: ['body', 'data', 'applicant', ...issue.path.map(String)].join('.'), code: issue.code, message: describeIssue(issue as Parameters<typeof describeIssue>[0]) })));
    const applicant = parsed.data;
    await checkOwnedFiles(this.db, citizenId, input.documents);
    if (input.returnMethod === 'postal' && !input.returnAddress) throw field('body.returnAddress', 'required', 'Nhận kết quả qua bưu chính cần địa chỉ nhận', 'Return by post needs an address');
    const procedure = await procedureForReception(this.db, input.procedureCode, now);
    if (!procedure) throw field('body.procedureCode', 'unknown_procedure', `Không có thủ tục ${input.procedureCode} trong danh mục của tỉnh`, `No procedure ${input.procedureCode} in the province's catalog`);

    const receiving = input.receivingUnitId ? (await repo.unitsByIds(this.db, [input.receivingUnitId]))[0] : await this.defaultReceivingUnit();
    if (!receiving) throw field('body.receivingUnitId', 'unknown_unit', 'Không có đơn vị này', 'No such unit');
    // The competent unit: the commune of the applicant's address when it is one of ours, else the receiving unit.
    const communeUnit = applicant.address ? await this.db.selectFrom('unit').select(['id', 'path']).where('commune_code', '=', applicant.address.communeCode).executeTakeFirst() : undefined;
    const competentId = communeUnit?.id ?? receiving.id;

    const rules = await repo.procedureRules(this.db, procedure.content.code);
    const channelTime = procedure.content.channels.find((c) => c.channel === 'online')?.processingTime ?? procedure.content.channels[0]?.processingTime ?? null;
    const duration = toDuration(channelTime);
    const template = await this.dossiers.templateFor(this.db, procedure.content.code);
    const calendar = await calendarService(this.db).calendarFor(receiving);
    const id = randomUUID();
    const events: DossierEvent[] = [{ type: 'submitted', at: now.getTime(), actorId: null, unitId: receiving.id, reason: null, data: { citizenId, eformId: form.id, eformVersion: form.version } }];
    const derived = derive({ duration, supplement_policy: rules.supplementPolicy, cutoff_15h: rules.cutoff15h, cutoff_last_hour: rules.cutoffLastHour }, events, calendar, template.steps);
    const reviewDueAt = new Date(this.reviewDue(calendar, now.getTime()));
    const row = {
      id,
      lookup_secret: lookupSecret(),
      idempotency_key: `citizen:${citizenId}:${input.idempotencyKey}`,
      rule_version: ruleVersionAt(now),
      channel: CHANNELS.online,
      procedure_code: procedure.content.code,
      procedure_name: procedure.content.name,
      procedure_version_id: procedure.versionId,
      case_code: null,
      process_template_id: template.id,
      duration: duration ? JSON.stringify(duration) : null,
      supplement_policy: rules.supplementPolicy,
      cutoff_15h: rules.cutoff15h,
      cutoff_last_hour: rules.cutoffLastHour,
      receiving_unit_id: receiving.id,
      competent_unit_id: competentId,
      applicant: JSON.stringify(applicant),
      representative: null,
      applicant_id_number: applicant.idNumber,
      return_method: input.returnMethod,
      return_address: input.returnAddress ? JSON.stringify(input.returnAddress) : null,
      created_at: now,
      ...projectionOf(derived, null, now),
    };
    const documentRows = input.documents.map((d) => ({
      id: randomUUID(),
      dossier_id: id,
      event_seq: 1,
      purpose: 'intake' as const,
      name: d.name,
      requirement_index: d.requirementIndex,
      originals: 0,
      copies: 0,
      provided: true,
      digitized: true,
      file_sha256: d.fileSha256,
      file_name: d.fileName,
      result_code: null,
      created_at: now,
    }));
    const day = fromEpochDay(vietnamEpochDay(now.getTime()));
    try {
      await this.insertSubmission(row, events, documentRows, { citizenId, formId: form.id, data: input.data, now, reviewDueAt, procedureCode: procedure.content.code, receiving, day });
    } catch (error) {
      // The same key sent twice at once: the second insert hits the unique key; answer with the first.
      const winner = await repo.findDossierByIdempotencyKey(this.db, row.idempotency_key);
      if (winner) return { created: false, dossier: await this.citizenDetail(citizenId, winner.id) };
      throw error;
    }
    return { created: true, dossier: await this.citizenDetail(citizenId, id) };
  }

  private async insertSubmission(
    row: repo.DossierInsert & { id: string },
    events: DossierEvent[],
    documentRows: Parameters<typeof repo.insertDocuments>[1],
    c: { citizenId: string; formId: string; data: Record<string, unknown>; now: Date; reviewDueAt: Date; procedureCode: string; receiving: { id: string; code: string }; day: ReturnType<typeof fromEpochDay> },
  ) {
    const { id } = row;
    const { citizenId, now, reviewDueAt, receiving, day } = c;
    await this.db.transaction().execute(async (trx) => {
      // REGULATIONS.md §5: the code is set at reception; ONLINE_CODE_AT=submission gives it at once instead.
      const code = this.ctx.config.ONLINE_CODE_AT === 'submission' ? dossierCode(receiving.code, day, await repo.nextCounter(trx, receiving.id, formatIsoDate(day))) : null;
      await repo.insertDossier(trx, { ...row, code });
      await repo.insertEvents(trx, [{ dossier_id: id, seq: 1, type: 'submitted', at: now, actor_id: null, unit_id: receiving.id, from_status: null, to_status: 1, reason: null, data: JSON.stringify(events[0]!.data) }]);
      if (documentRows.length > 0) await repo.insertDocuments(trx, documentRows);
      await runEventsAppended(this.db, trx, { dossier: (await repo.findDossier(trx, id))!, events: [{ ...events[0]!, seq: 1 }] });
      await trx.insertInto('online_submission').values({ dossier_id: id, citizen_id: citizenId, eform_id: c.formId, form_data: JSON.stringify(c.data), submitted_at: now, review_due_at: reviewDueAt, reviewed_at: null, review_outcome: null, breached_at: null }).execute();
      await this.eforms.deleteDraft(trx, citizenId, c.procedureCode);
    });
  }

  private breachEvent(at: number, dueAt: Date, unitId: string): DossierEvent {
    return {
      type: 'note',
      at,
      actorId: null,
      unitId,
      reason: 'Quá 8 giờ làm việc chưa tiếp nhận hoặc trả lại hồ sơ nộp trực tuyến / Online submission not reviewed within 8 working hours',
      data: { kind: 'online_review_breach', reviewDueAt: dueAt.toISOString() },
    };
  }

  /** Records every submission still unreviewed past its 8 working hours (once each): flag + dossier event. */
  async recordBreaches() {
    const now = this.ctx.clock.now();
    const late = await this.db
      .selectFrom('online_submission')
      .innerJoin('dossier', 'dossier.id', 'online_submission.dossier_id')
      .select(['online_submission.dossier_id', 'online_submission.review_due_at'])
      .where('online_submission.reviewed_at', 'is', null)
      .where('online_submission.breached_at', 'is', null)
      .where('online_submission.review_due_at', '<', now)
      .where('dossier.status', '=', 1)
      .limit(500)
      .execute();
    for (const item of late) {
      const dossier = (await repo.findDossier(this.db, item.dossier_id))!;
      const steps = (await repo.findTemplate(this.db, dossier.process_template_id)).steps;
      const calendar = await calendarService(this.db).calendarFor((await repo.unitsByIds(this.db, [dossier.receiving_unit_id]))[0]!, dossier.created_at);
      await this.db.transaction().execute(async (trx) => {
        const claimed = await trx.updateTable('online_submission').set({ breached_at: item.review_due_at }).where('dossier_id', '=', item.dossier_id).where('breached_at', 'is', null).executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return;
        const locked = (await repo.findDossier(trx, item.dossier_id, { forUpdate: true }))!;
        await this.dossiers.append(trx, locked, [this.breachEvent(now.getTime(), item.review_due_at, locked.receiving_unit_id)], steps, calendar);
      });
    }
    return late.length;
  }

  /** The counter's list of online submissions waiting for review, in the officer's (or supervisor's) units. */
  async queue(principal: StaffPrincipal, query: { breached?: 'true' | 'false' | undefined }): Promise<OnlineQueue> {
    const roots = jurisdictionRoots(principal);
    if (roots.length === 0) throw errors.forbidden();
    await this.recordBreaches();
    const now = this.ctx.clock.now();
    let q = this.db
      .selectFrom('online_submission')
      .innerJoin('dossier', 'dossier.id', 'online_submission.dossier_id')
      .innerJoin('unit', 'unit.id', 'dossier.receiving_unit_id')
      .select(['dossier.id', 'dossier.code', 'dossier.status', 'dossier.procedure_code', 'dossier.procedure_name', 'dossier.applicant', 'dossier.version', 'online_submission.submitted_at', 'online_submission.review_due_at', 'online_submission.breached_at', 'online_submission.review_outcome', 'unit.path'])
      .where('dossier.status', '=', 1)
      .where((eb) => eb.or(roots.map((p) => eb('unit.path', 'like', `${p}%`))));
    if (query.breached === 'true') q = q.where('online_submission.breached_at', 'is not', null);
    const rows = await q.orderBy('online_submission.review_due_at').limit(200).execute();
    const calendar = await calendarService(this.db).calendarFor(null);
    const docs = rows.length ? await this.db.selectFrom('dossier_document').select(['dossier_id', 'name', 'file_sha256', 'file_name']).where('dossier_id', 'in', rows.map((r) => r.id)).orderBy('created_at').execute() : [];
    const items = rows.map((r) => {
      const left = workingMinutesLeft(calendar, now.getTime(), r.review_due_at.getTime());
      const sentBack = r.review_outcome === 'supplement';
      return {
        id: r.id,
        code: r.code,
        status: r.status,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        applicantName: String((r.applicant as { fullName?: string }).fullName ?? ''),
        submittedAt: r.submitted_at.toISOString(),
        reviewDueAt: r.review_due_at.toISOString(),
        workingMinutesLeft: left,
        warning: !sentBack && left <= this.ctx.config.ONLINE_REVIEW_WARN_MINUTES,
        breachedAt: r.breached_at?.toISOString() ?? null,
        sentBack,
        version: r.version,
        documents: docs.filter((d) => d.dossier_id === r.id).map((d) => ({ name: d.name, fileSha256: d.file_sha256, fileName: d.file_name })),
      };
    });
    const waiting = items.filter((i) => !i.sentBack);
    return { items, pending: waiting.length, warning: waiting.filter((i) => i.warning && !i.breachedAt).length, breached: waiting.filter((i) => i.breachedAt).length };
  }

  /** The counter receives the online dossier (code, appointment), sends it back for a supplement, or refuses it. */
  async review(principal: StaffPrincipal, id: string, input: ReviewInput) {
    const before = await repo.findDossier(this.db, id);
    const submission = await this.db.selectFrom('online_submission').selectAll().where('dossier_id', '=', id).executeTakeFirst();
    if (!before || !submission) throw errors.forbidden();
    const receiving = (await repo.unitsByIds(this.db, [before.receiving_unit_id]))[0]!;
    if (!covers(principal, receiving.path, ['counter_officer'])) throw errors.forbidden();
    if (input.outcome !== 'receive' && !input.reason) throw field('body.reason', 'required', 'Cần nêu lý do (trả lại để bổ sung hoặc từ chối)', 'A reason is required to send back or refuse');
    if (input.outcome === 'supplement' && !(input.missing && input.missing.length > 0)) throw field('body.missing', 'required', 'Liệt kê mọi thành phần còn thiếu', 'List everything that is missing');
    const duration = input.duration ?? before.duration;
    if (input.outcome === 'receive' && !duration)
      throw field('body.duration', 'duration_required', 'Danh mục không ghi thời hạn bằng số: cán bộ phải nhập thời hạn giải quyết', 'The catalog gives no number for the processing time: enter the duration');
    const steps = (await repo.findTemplate(this.db, before.process_template_id)).steps;
    const now = this.ctx.clock.now();
    // The processing clock starts at reception: deadlines use the calendar in force now.
    const calendar = await calendarService(this.db).calendarFor(receiving);
    const base = { at: now.getTime(), actorId: principal.id, unitId: receiving.id };
    const events: DossierEvent[] = [];
    const late = now.getTime() > submission.review_due_at.getTime() && !submission.breached_at;
    if (late) events.push(this.breachEvent(now.getTime(), submission.review_due_at, receiving.id));
    if (input.outcome === 'receive') {
      events.push({ type: 'received', ...base, reason: null });
      if (input.forward && steps[0]) events.push({ type: 'assigned', ...base, unitId: stepUnitId(steps[0], { receivingUnitId: receiving.id, competentUnitId: before.competent_unit_id }), data: { stepIndex: 0, assigneeId: null } });
    } else if (input.outcome === 'supplement') events.push({ type: 'intake_supplement_requested', ...base, reason: input.reason ?? null, data: { missing: input.missing ?? [] } });
    else events.push({ type: 'refused', ...base, reason: input.reason ?? null });
    const day = fromEpochDay(vietnamEpochDay(now.getTime()));
    await this.db.transaction().execute(async (trx) => {
      const dossier = (await repo.findDossier(trx, id, { forUpdate: true }))!;
      if (dossier.version !== input.expectedVersion)
        throw errors.conflict('version_conflict', t(`Hồ sơ vừa được cập nhật (phiên bản ${dossier.version}); tải lại rồi thử lại`, `The dossier was just updated (version ${dossier.version}); reload and try again`));
      if (dossier.status !== 1) throw errors.conflict('not_waiting_review', t('Hồ sơ không còn chờ tiếp nhận', 'The dossier is no longer waiting for review'));
      if (input.duration) await trx.updateTable('dossier').set({ duration: JSON.stringify(input.duration) }).where('id', '=', id).execute();
      // The code first: the messages written with the events (the applicant's "received" SMS) carry it.
      let code = dossier.code;
      if (input.outcome === 'receive' && !code) {
        code = dossierCode(receiving.code, day, await repo.nextCounter(trx, receiving.id, formatIsoDate(day)));
        await trx.updateTable('dossier').set({ code }).where('id', '=', id).execute();
      }
      await this.dossiers.append(trx, { ...dossier, code, duration: duration ?? null }, events, steps, calendar);
      await trx
        .updateTable('online_submission')
        .set({ reviewed_at: now, review_outcome: input.outcome, ...(late ? { breached_at: submission.review_due_at } : {}) })
        .where('dossier_id', '=', id)
        .execute();
    });
    const code = (await repo.findDossier(this.db, id))?.code ?? null;
    return { id, late, code };
  }

  private pendingSupplementOf(status: number, events: repo.EventRow[]) {
    const last = [...events].reverse().find((e) => e.type === 'supplement_requested' || e.type === 'intake_supplement_requested' || (e.type === 'note' && (e.data as { kind?: string }).kind === 'applicant_supplement'));
    const waiting = (status === 5 && last?.type === 'supplement_requested') || (status === 1 && last?.type === 'intake_supplement_requested');
    if (!waiting || !last) return null;
    return { kind: 'supplement' as const, missing: ((last.data as { missing?: string[] }).missing ?? []).map(String), reason: last.reason, requestedAt: last.at.toISOString() };
  }

  async citizenList(citizenId: string): Promise<CitizenDossierSummary[]> {
    const rows = await this.db
      .selectFrom('online_submission')
      .innerJoin('dossier', 'dossier.id', 'online_submission.dossier_id')
      .selectAll('dossier')
      .select(['online_submission.submitted_at', 'online_submission.review_due_at'])
      .where('online_submission.citizen_id', '=', citizenId)
      .orderBy('online_submission.submitted_at', 'desc')
      .limit(200)
      .execute();
    const events = rows.length ? await this.db.selectFrom('dossier_event').selectAll().where('dossier_id', 'in', rows.map((r) => r.id)).orderBy('seq').execute() : [];
    return rows.map((r) => this.summaryOf(r, events.filter((e) => e.dossier_id === r.id)));
  }

  private summaryOf(r: repo.DossierRow & { submitted_at: Date; review_due_at: Date }, events: repo.EventRow[]): CitizenDossierSummary {
    return {
      id: r.id,
      code: r.code,
      lookupSecret: r.code ? r.lookup_secret : null,
      status: r.status,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      submittedAt: r.submitted_at.toISOString(),
      receivedAt: r.received_at?.toISOString() ?? null,
      dueAt: r.effective_due_at?.toISOString() ?? null,
      reviewDueAt: r.review_due_at.toISOString(),
      returnMethod: r.return_method,
      pendingSupplement: this.pendingSupplementOf(r.status, events),
      version: r.version,
    };
  }

  /** Refuses (403, as for a missing one) a dossier the citizen did not submit. */
  async assertOwn(citizenId: string, id: string) {
    await this.ownDossier(citizenId, id);
  }

  private async ownDossier(citizenId: string, id: string) {
    const row = await this.db
      .selectFrom('online_submission')
      .innerJoin('dossier', 'dossier.id', 'online_submission.dossier_id')
      .selectAll('dossier')
      .select(['online_submission.submitted_at', 'online_submission.review_due_at', 'online_submission.form_data', 'online_submission.citizen_id'])
      .where('dossier.id', '=', id)
      .executeTakeFirst();
    // The same answer for someone else's dossier and a missing one.
    if (!row || row.citizen_id !== citizenId) throw errors.forbidden();
    return row;
  }

  async citizenDetail(citizenId: string, id: string): Promise<CitizenDossierDetail> {
    const row = await this.ownDossier(citizenId, id);
    const [events, documents] = await Promise.all([repo.eventsOf(this.db, id), repo.documentsOf(this.db, id)]);
    const units = await repo.unitsByIds(this.db, [...new Set([row.receiving_unit_id, ...(row.holding_unit_id ? [row.holding_unit_id] : []), ...events.map((e) => e.unit_id).filter((u): u is string => Boolean(u))])]);
    const unitName = (uid: string | null) => units.find((u) => u.id === uid)?.name ?? null;
    // Internal notes stay in the office; the applicant sees what happened to the dossier.
    const visible = events.filter((e) => e.type !== 'note' || (e.data as { kind?: string }).kind === 'applicant_supplement');
    return {
      ...this.summaryOf(row, events),
      receivingUnitName: unitName(row.receiving_unit_id) ?? '',
      holdingUnitName: unitName(row.holding_unit_id),
      events: visible.map((e) => ({ type: e.type, at: e.at.toISOString(), toStatus: e.to_status, reason: e.type === 'assigned' ? null : e.reason, missing: ((e.data as { missing?: string[] }).missing ?? []).map(String), unitName: unitName(e.unit_id) })),
      documents: documents.filter((d) => d.purpose !== 'result' || row.status >= 9).map((d) => ({ purpose: d.purpose, name: d.name, fileName: d.file_name, fileSha256: d.file_sha256, at: d.created_at.toISOString() })),
      formData: row.form_data,
    };
  }

  /**
   * A file of the citizen's own dossier (what they handed in, and the result once it is issued): the
   * same 403 for a file that is not among the documents the citizen may see.
   */
  async citizenFile(citizenId: string, id: string, sha256: string) {
    const detail = await this.citizenDetail(citizenId, id);
    const doc = detail.documents.find((d) => d.fileSha256 === sha256);
    if (!doc) throw errors.forbidden();
    const file = await this.db.selectFrom('stored_file').select(['media_type']).where('sha256', '=', sha256).executeTakeFirstOrThrow();
    return { mediaType: file.media_type, fileName: doc.fileName, bytes: this.ctx.files.read(sha256) };
  }

  /**
   * The applicant hands in what was asked for: during processing (status 5) this is the supplement's
   * arrival (`supplement_received`, the clock resumes or restarts); at intake (status 1, sent back) the
   * dossier returns to the counter with a new 8-working-hour review.
   */
  async supplement(citizenId: string, id: string, input: { expectedVersion: number; documents: AttachedDocument[]; note?: string | null | undefined }) {
    const before = await this.ownDossier(citizenId, id);
    await checkOwnedFiles(this.db, citizenId, input.documents);
    const status = before.status as DossierStatus;
    const events = await repo.eventsOf(this.db, id);
    if (!this.pendingSupplementOf(status, events)) throw errors.conflict('no_supplement_requested', t('Hồ sơ không có yêu cầu bổ sung đang chờ', 'The dossier has no supplement request waiting'));
    const steps = (await repo.findTemplate(this.db, before.process_template_id)).steps;
    const receiving = (await repo.unitsByIds(this.db, [before.receiving_unit_id]))[0]!;
    const calendar = await calendarService(this.db).calendarFor(receiving, before.received_at ?? before.created_at);
    const now = this.ctx.clock.now();
    const event: DossierEvent =
      status === 5
        ? { type: 'supplement_received', at: now.getTime(), actorId: null, unitId: before.holding_unit_id, reason: input.note ?? null, data: { byApplicant: true, citizenId } }
        : { type: 'note', at: now.getTime(), actorId: null, unitId: before.receiving_unit_id, reason: input.note ?? null, data: { kind: 'applicant_supplement', citizenId } };
    const reviewCalendar = status === 1 ? await calendarService(this.db).calendarFor(receiving) : null;
    await this.db.transaction().execute(async (trx) => {
      const dossier = (await repo.findDossier(trx, id, { forUpdate: true }))!;
      if (dossier.version !== input.expectedVersion)
        throw errors.conflict('version_conflict', t(`Hồ sơ vừa được cập nhật (phiên bản ${dossier.version}); tải lại rồi thử lại`, `The dossier was just updated (version ${dossier.version}); reload and try again`));
      const seq = await this.dossiers.append(trx, dossier, [event], steps, calendar);
      await repo.insertDocuments(
        trx,
        input.documents.map((d) => ({ id: randomUUID(), dossier_id: id, event_seq: seq, purpose: 'supplement' as const, name: d.name, requirement_index: d.requirementIndex, originals: 0, copies: 0, provided: true, digitized: true, file_sha256: d.fileSha256, file_name: d.fileName, result_code: null, created_at: now })),
      );
      if (reviewCalendar)
        await trx.updateTable('online_submission').set({ reviewed_at: null, review_outcome: null, breached_at: null, review_due_at: new Date(this.reviewDue(reviewCalendar, now.getTime())) }).where('dossier_id', '=', id).execute();
    });
    return this.citizenDetail(citizenId, id);
  }
}

export const unknownSubmission = () => new AppError(404, 'not_found', t('Không tìm thấy hồ sơ', 'Dossier not found'));
