import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { fromEpochDay, formatIsoDate, type Duration, type WorkingCalendar } from '@motcua/core/calendar/index.ts';
import { vietnamEpochDay } from '@motcua/core/calendar/vietnam-time.ts';
import { dossierCodePrefix, resultCode } from '@motcua/core/dossiers/code.ts';
import { timeliness, workingMinutesLeft } from '@motcua/core/dossiers/deadline.ts';
import { allowedEvents, applyEvent, EMPTY_STATE, type DossierEvent, type DossierEventType, type DossierState, type TransitionError } from '@motcua/core/dossiers/lifecycle.ts';
import { DEFAULT_PROCESS, stepUnitId, type ProcessStep } from '@motcua/core/dossiers/process.ts';
import type { ActionInput, DossierDetail, DossierSummary, HandedDocument, ReceptionInput } from '@motcua/core/dossiers/schemas.ts';
import { CHANNELS, STATUS_NAMES, type DossierStatus } from '@motcua/core/dossiers/statuses.ts';
import type { Role } from '@motcua/core/users/schemas.ts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { procedureVersionContent, versionInForceQuery } from '../catalog/catalog.service.ts';
import { covers, jurisdictionRoots, type StaffPrincipal } from '../users/principal.ts';
import { derive, projectionOf, eventFromRow } from './dossiers.projection.ts';
import * as repo from './dossiers.repo.ts';
import { hooksMayWrite, runEventsAppended } from './dossiers.hooks.ts';
import { writeReception } from './dossiers.writer.ts';

/** Decree 118/2025 and Circular 03/2025 apply to dossiers received from 1 July 2025 (REGULATIONS.md §1). */
const ND118_FROM = Date.parse('2025-06-30T17:00:00Z');
export const ruleVersionAt = (now: Date) => (now.getTime() >= ND118_FROM ? ('nd118_2025' as const) : ('nd61_2018' as const));

const field = (path: string, code: string, vi: string, en: string) => errors.validation([{ path, code, message: t(vi, en) }]);

/** Who may do what, and where: the unit whose subtree the actor's role must cover. */
const ACTION_RULES: Record<Exclude<DossierEventType, 'submitted' | 'received' | 'refused' | 'intake_supplement_requested'>, { roles: Role[]; at: ('holding' | 'receiving' | 'competent')[] }> = {
  assigned: { roles: ['counter_officer', 'specialist', 'leader'], at: ['holding'] },
  note: { roles: ['counter_officer', 'specialist', 'leader'], at: ['holding'] },
  supplement_requested: { roles: ['specialist', 'leader'], at: ['holding'] },
  supplement_received: { roles: ['counter_officer', 'specialist', 'leader'], at: ['receiving', 'holding'] },
  fee_requested: { roles: ['specialist', 'leader'], at: ['holding'] },
  fee_paid: { roles: ['counter_officer', 'specialist', 'leader'], at: ['receiving', 'holding'] },
  withdrawal_requested: { roles: ['counter_officer'], at: ['receiving', 'holding'] },
  stopped: { roles: ['leader'], at: ['holding', 'competent'] },
  result_issued: { roles: ['leader'], at: ['holding'] },
  returned: { roles: ['counter_officer'], at: ['holding', 'receiving'] },
  apology_issued: { roles: ['leader'], at: ['holding', 'competent'] },
};

function transitionProblem(error: TransitionError, status: DossierStatus | null): AppError {
  switch (error.code) {
    case 'illegal_transition': {
      const name = status ? STATUS_NAMES[status] : { vi: 'chưa có', en: 'none' };
      return errors.conflict('illegal_transition', t(`Không thể "${error.type}" khi hồ sơ đang ở trạng thái ${status} (${name.vi})`, `"${error.type}" is not allowed while the dossier is in status ${status} (${name.en})`));
    }
    case 'apology_already_issued':
      return errors.conflict('apology_already_issued', t('Hồ sơ đã có thư xin lỗi; chỉ được hẹn lại một lần', 'An apology letter was already issued; only one new date is allowed'));
    case 'apology_needs_new_date':
      return field('body.newDueAt', 'required', 'Thư xin lỗi cần ngày hẹn trả mới', 'The apology letter needs a new appointment date');
    case 'event_before_previous':
      return errors.conflict('clock_skew', t('Thời điểm thao tác trước thao tác trước đó', 'The action is dated before the previous one'));
  }
}

/** The rows for `events` appended after `state`, each checked against the lifecycle (a 409 if not allowed). */
function checkedEventRows(dossierId: string, state: DossierState, lastSeq: number, events: DossierEvent[], supplementPolicy: 'pause' | 'restart') {
  const rows = [];
  let seq = lastSeq;
  for (const event of events) {
    const result = applyEvent(state, event, { supplementPolicy });
    if (!result.ok) throw transitionProblem(result.error, state.status);
    seq++;
    rows.push({
      dossier_id: dossierId,
      seq,
      type: event.type,
      at: new Date(event.at),
      actor_id: event.actorId,
      unit_id: event.unitId,
      from_status: state.status,
      to_status: result.state.status,
      reason: event.reason ?? null,
      data: JSON.stringify(event.data ?? {}),
    });
    state = result.state;
  }
  return { rows, seq, state };
}

/** The moment whose schedule a dossier's deadlines keep: its reception (or creation, before reception). */
const receptionOf = (d: { received_at: Date | null; created_at: Date }) => d.received_at ?? d.created_at;

/** The secret printed on the receipt for the public status lookup (no look-alike characters). */
export const lookupSecret = () => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
};

export class DossierService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  private async templateSteps(db: Queryable, templateId: string): Promise<ProcessStep[]> {
    return (await repo.findTemplate(db, templateId)).steps;
  }

  /** The active process of a procedure, or the default one (created on first use). */
  async templateFor(db: Queryable, procedureCode: string) {
    const found = await repo.activeTemplate(db, procedureCode);
    if (found) return found;
    const id = randomUUID();
    await db.insertInto('process_template').values({ id, procedure_code: null, version: 1, name: 'Quy trình mặc định', steps: JSON.stringify(DEFAULT_PROCESS) }).onConflict((oc) => oc.doNothing()).execute();
    return (await repo.activeTemplate(db, null))!;
  }

  private async checkFiles(db: Queryable, documents: HandedDocument[], path: string) {
    const shas = documents.map((d) => d.fileSha256).filter((s): s is string => Boolean(s));
    const missing = await repo.missingFiles(db, [...new Set(shas)]);
    if (missing.length > 0) {
      const index = documents.findIndex((d) => d.fileSha256 && missing.includes(d.fileSha256));
      throw field(`${path}[${index}].fileSha256`, 'unknown_file', 'Chưa tải lên tệp này (POST /api/files trước)', 'No such uploaded file (POST /api/files first)');
    }
  }

  private documentRows(dossierId: string, seq: number, purpose: 'intake' | 'supplement' | 'result', documents: HandedDocument[], at: Date, resultCodes: string[] = []) {
    return documents.map((d, i) => ({
      id: randomUUID(),
      dossier_id: dossierId,
      event_seq: seq,
      purpose,
      name: d.name,
      requirement_index: d.requirementIndex ?? null,
      originals: d.originals,
      copies: d.copies,
      provided: d.provided,
      digitized: d.digitized || Boolean(d.fileSha256),
      file_sha256: d.fileSha256 ?? null,
      file_name: d.fileName ?? null,
      result_code: resultCodes[i] ?? null,
      created_at: at,
    }));
  }

  /** Reception at a counter (or of a postal or online submission): receive, ask for a supplement, or refuse. */
  async receive(principal: StaffPrincipal, input: ReceptionInput): Promise<{ created: boolean; dossier: DossierDetail }> {
    const now = this.ctx.clock.now();
    // What a reception reads goes out in one statement (see `receptionReads`); what it finds is checked
    // below in the order it always was, so a refused request learns nothing more and nothing is written.
    const reads = await repo.receptionReads(this.db, {
      idempotencyKey: input.idempotencyKey,
      unitIds: [input.receivingUnitId, input.competentUnitId],
      procedureCode: input.procedureCode,
      versionInForce: await versionInForceQuery(this.db, input.procedureCode, now),
    });
    if (reads.existingId) {
      const existing = (await repo.findDossier(this.db, reads.existingId))!;
      if (!(await this.canSee(principal, existing))) throw errors.forbidden();
      return { created: false, dossier: await this.detail(principal, existing.id) };
    }
    const { units, rules, template: ownTemplate } = reads;
    const receiving = units.find((u) => u.id === input.receivingUnitId);
    const competent = units.find((u) => u.id === input.competentUnitId);
    if (!receiving || !covers(principal, receiving.path, ['counter_officer'])) throw errors.forbidden();
    if (!competent) throw field('body.competentUnitId', 'unknown_unit', 'Không có đơn vị này', 'No such unit');
    if (input.outcome !== 'receive' && !input.reason)
      throw field('body.reason', 'required', 'Cần nêu lý do (yêu cầu bổ sung hoặc từ chối)', 'A reason is required to ask for a supplement or to refuse');
    if (input.outcome === 'supplement' && !(input.missing && input.missing.length > 0))
      throw field('body.missing', 'required', 'Liệt kê mọi thành phần còn thiếu', 'List everything that is missing');
    if (input.returnMethod === 'postal' && !input.returnAddress)
      throw field('body.returnAddress', 'required', 'Trả qua bưu chính cần địa chỉ nhận', 'Return by post needs an address');

    const procedure = reads.versionId ? await procedureVersionContent(this.db, reads.versionId) : null;
    if (!procedure) throw field('body.procedureCode', 'unknown_procedure', `Không có thủ tục ${input.procedureCode} trong danh mục của tỉnh`, `No procedure ${input.procedureCode} in the province's catalog`);
    let caseTime = null;
    if (input.caseCode) {
      const found = procedure.content.cases.find((c) => c.code === input.caseCode);
      if (!found) throw field('body.caseCode', 'unknown_case', `Thủ tục không có trường hợp ${input.caseCode}`, `The procedure has no case ${input.caseCode}`);
      caseTime = found.processingTime;
    }
    const channelTime = procedure.content.channels.find((c) => c.channel === input.channel)?.processingTime ?? procedure.content.channels[0]?.processingTime ?? null;
    const catalogDuration = toDuration(caseTime ?? channelTime);
    const duration: Duration | null = input.duration ?? catalogDuration;
    if (input.outcome === 'receive' && !duration)
      throw field('body.duration', 'duration_required', 'Danh mục không ghi thời hạn bằng số: cán bộ phải nhập thời hạn giải quyết', 'The catalog gives no number for the processing time: enter the duration');
    await this.checkFiles(this.db, input.documents, 'body.documents');

    // The default process (made on first use) only once the request is known to be good.
    const template = ownTemplate && procedure.content.code === input.procedureCode ? ownTemplate : await this.templateFor(this.db, procedure.content.code);
    const calendar = await calendarService(this.db).calendarFor(receiving, undefined, this.db, reads.calendarRevision);
    const steps = template.steps;
    const id = randomUUID();

    // Everything but the code is worked out before the transaction, which holds the unit's daily counter
    // locked until it commits: the shorter it is, the more receptions per second a unit can take.
    const events: DossierEvent[] = [];
    const base = { at: now.getTime(), actorId: principal.id, unitId: receiving.id };
    if (input.outcome === 'receive') {
      events.push({ type: 'received', ...base, reason: null });
      if (input.forward && steps[0]) {
        const unitId = stepUnitId(steps[0], { receivingUnitId: receiving.id, competentUnitId: competent.id });
        events.push({ type: 'assigned', ...base, unitId, data: { stepIndex: 0, assigneeId: null } });
      }
    } else if (input.outcome === 'supplement') events.push({ type: 'intake_supplement_requested', ...base, reason: input.reason ?? null, data: { missing: input.missing ?? [] } });
    else events.push({ type: 'refused', ...base, reason: input.reason ?? null });
    const facts = { duration: duration, supplement_policy: rules.supplementPolicy, cutoff_15h: rules.cutoff15h, cutoff_last_hour: rules.cutoffLastHour };
    const { rows: eventRows } = checkedEventRows(id, EMPTY_STATE, 0, events, rules.supplementPolicy);
    const derived = derive(facts, events, calendar, steps);
    const holdingId = derived.state.holdingUnitId;
    const holdingPath = [receiving, competent].find((u) => u.id === holdingId)?.path ?? (holdingId ? (await repo.unitsByIds(this.db, [holdingId]))[0]?.path : null) ?? null;
    const receptionDay = fromEpochDay(vietnamEpochDay(now.getTime()));
    const row = {
      id,
      lookup_secret: lookupSecret(),
      idempotency_key: input.idempotencyKey,
      rule_version: ruleVersionAt(now),
      channel: CHANNELS[input.channel],
      procedure_code: procedure.content.code,
      procedure_name: procedure.content.name,
      procedure_version_id: procedure.versionId,
      case_code: input.caseCode ?? null,
      process_template_id: template.id,
      duration: duration ? JSON.stringify(duration) : null,
      supplement_policy: rules.supplementPolicy,
      cutoff_15h: rules.cutoff15h,
      cutoff_last_hour: rules.cutoffLastHour,
      receiving_unit_id: receiving.id,
      competent_unit_id: competent.id,
      applicant: JSON.stringify(input.applicant),
      representative: input.representative ? JSON.stringify(input.representative) : null,
      applicant_id_number: input.applicant.idNumber,
      return_method: input.returnMethod,
      return_address: input.returnAddress ? JSON.stringify(input.returnAddress) : null,
      created_at: now,
      ...projectionOf(derived, holdingPath, now),
    };
    const documentRows = this.documentRows(id, 1, 'intake', input.documents, now);
    const writtenWith = (code: string | null): repo.DossierRow => ({
      ...row,
      code,
      duration,
      applicant: input.applicant,
      representative: input.representative ?? null,
      return_address: input.returnAddress ?? null,
      payment_status: 'none',
      delivery_status: 'none',
      sync_status: 'pending',
    });
    // The code is taken in the statement that writes the dossier, its events and documents. When no other
    // module's hook writes for these events, that statement is all: on its own it is atomic, and the unit's
    // counter is released as it commits, without a trip back here (`writeReception`, which also writes
    // receptions of one unit arriving together in one statement). Otherwise the hooks (which may need the
    // code) run after it in the same transaction, before the commit releases the counter.
    const counter = input.outcome === 'receive' ? { unitId: receiving.id, day: formatIsoDate(receptionDay), prefix: dossierCodePrefix(receiving.code, receptionDay) } : null;
    const appended = (code: string | null) => ({ dossier: writtenWith(code), events: events.map((e, i) => ({ ...e, seq: i + 1 })) });
    let code: string | null;
    try {
      code = hooksMayWrite(this.db, appended(null))
        ? await this.db.transaction().execute(async (trx) => {
            const code = await repo.insertReception(trx, row, eventRows, documentRows, counter);
            await runEventsAppended(this.db, trx, appended(code));
            return code;
          })
        : await writeReception(this.db, { row, events: eventRows, documents: documentRows }, counter);
    } catch (error) {
      // The same key sent twice at once: the second insert hits the unique key; answer with the first.
      const winner = await repo.findDossierByIdempotencyKey(this.db, input.idempotencyKey);
      if (!winner) throw error;
      if (!(await this.canSee(principal, winner))) throw errors.forbidden();
      return { created: false, dossier: await this.detail(principal, winner.id) };
    }
    const written = writtenWith(code);
    const writtenEvents = eventRows.map((e, i) => ({ ...e, id: i + 1, data: JSON.parse(e.data) as Record<string, unknown> }));
    return {
      created: true,
      dossier: await this.detail(principal, id, {
        dossier: written,
        events: writtenEvents,
        documents: documentRows,
        steps,
        calendar,
        units: [receiving, competent],
        people: [{ id: principal.id, full_name: principal.fullName }],
      }),
    };
  }

  /**
   * Appends events after checking each against the lifecycle, then rewrites the projection and runs
   * the other modules' hooks, all in the caller's transaction (the online review uses it too).
   */
  async append(trx: Queryable, dossier: repo.DossierRow, newEvents: DossierEvent[], steps: ProcessStep[], calendar: Awaited<ReturnType<ReturnType<typeof calendarService>['calendarFor']>>) {
    const stored = (await repo.eventsOf(trx, dossier.id)).map(eventFromRow);
    const { rows, seq } = checkedEventRows(dossier.id, derive(dossier, stored, calendar, steps).state, stored.length, newEvents, dossier.supplement_policy);
    await repo.insertEvents(trx, rows);
    const derived = derive(dossier, [...stored, ...newEvents], calendar, steps);
    const holding = derived.state.holdingUnitId ? (await repo.unitsByIds(trx, [derived.state.holdingUnitId]))[0] : undefined;
    const projection = projectionOf(derived, holding?.path ?? null, this.ctx.clock.now());
    await repo.updateProjection(trx, dossier.id, projection);
    await runEventsAppended(this.db, trx, { dossier: { ...dossier, ...projection }, events: newEvents.map((e, i) => ({ ...e, seq: stored.length + i + 1 })) });
    return seq;
  }

  private async unitPaths(dossier: repo.DossierRow) {
    const ids = [dossier.receiving_unit_id, dossier.competent_unit_id, ...(dossier.holding_unit_id ? [dossier.holding_unit_id] : [])];
    const units = await repo.unitsByIds(this.db, ids);
    const pathOf = (id: string | null) => units.find((u) => u.id === id)?.path ?? null;
    return { receiving: pathOf(dossier.receiving_unit_id)!, competent: pathOf(dossier.competent_unit_id)!, holding: pathOf(dossier.holding_unit_id) };
  }

  /** Staff see a dossier their roles reach through the units it passed: received, competent, holding, or handled. */
  private async canSee(principal: StaffPrincipal, dossier: repo.DossierRow) {
    const paths = await this.unitPaths(dossier);
    if ([paths.receiving, paths.competent, paths.holding].some((p) => p && covers(principal, p))) return true;
    const events = await repo.eventsOf(this.db, dossier.id);
    const handled = await repo.unitsByIds(this.db, [...new Set(events.map((e) => e.unit_id).filter((u): u is string => Boolean(u)))]);
    return handled.some((u) => covers(principal, u.path));
  }

  async act(principal: StaffPrincipal, id: string, input: ActionInput): Promise<DossierDetail> {
    const before = await repo.findDossier(this.db, id);
    if (!before || !(await this.canSee(principal, before))) throw errors.forbidden();
    const rule = ACTION_RULES[input.type];
    const paths = await this.unitPaths(before);
    if (!rule.at.some((where) => paths[where] && covers(principal, paths[where]!, rule.roles))) throw errors.forbidden();
    const steps = await this.templateSteps(this.db, before.process_template_id);
    const receivingUnit = (await repo.unitsByIds(this.db, [before.receiving_unit_id]))[0]!;
    const calendar = await calendarService(this.db).calendarFor(receivingUnit, receptionOf(before));
    const now = this.ctx.clock.now();

    if (input.documents) await this.checkFiles(this.db, input.documents, 'body.documents');
    if ((input.type === 'supplement_requested' || input.type === 'stopped' || input.type === 'apology_issued' || input.type === 'withdrawal_requested') && !input.reason)
      throw field('body.reason', 'required', 'Cần nêu lý do', 'A reason is required');
    if (input.type === 'supplement_requested' && !(input.missing && input.missing.length > 0))
      throw field('body.missing', 'required', 'Liệt kê mọi thành phần cần bổ sung', 'List everything to supplement');
    if (input.type === 'result_issued' && !(input.documents && input.documents.length > 0))
      throw field('body.documents', 'required', 'Cần ít nhất một tệp kết quả', 'At least one result file is required');

    await this.db.transaction().execute(async (trx) => {
      const dossier = (await repo.findDossier(trx, id, { forUpdate: true }))!;
      if (dossier.version !== input.expectedVersion)
        throw errors.conflict('version_conflict', t(`Hồ sơ vừa được người khác cập nhật (phiên bản ${dossier.version}); tải lại rồi thử lại`, `Someone else just updated the dossier (version ${dossier.version}); reload and try again`));
      const base = { at: now.getTime(), actorId: principal.id, unitId: dossier.holding_unit_id, reason: input.reason ?? null };
      const event: DossierEvent = { type: input.type, ...base };
      let resultCodes: string[] = [];
      switch (input.type) {
        case 'assigned': {
          const toStep = input.toStep ?? (dossier.status === 2 ? 0 : (dossier.step_index ?? -1) + 1);
          const step = steps[toStep];
          if (!step) throw field('body.toStep', 'no_such_step', `Quy trình không có bước ${toStep}`, `The process has no step ${toStep}`);
          const unitId = stepUnitId(step, { receivingUnitId: dossier.receiving_unit_id, competentUnitId: dossier.competent_unit_id });
          if (input.assigneeId) {
            const grants = await trx.selectFrom('role_grant').innerJoin('unit', 'unit.id', 'role_grant.unit_id').select(['unit.path', 'role_grant.role']).where('role_grant.user_id', '=', input.assigneeId).execute();
            const unitPath = (await repo.unitsByIds(trx, [unitId]))[0]?.path ?? '';
            if (!grants.some((g) => unitPath.startsWith(g.path) && g.role === step.role))
              throw field('body.assigneeId', 'assignee_not_eligible', `Cán bộ này không giữ vai trò "${step.role}" tại đơn vị của bước`, `This officer holds no "${step.role}" role in the step's unit`);
          }
          event.unitId = unitId;
          event.data = { stepIndex: toStep, assigneeId: input.assigneeId ?? null };
          break;
        }
        case 'supplement_requested':
          event.data = { missing: input.missing ?? [] };
          break;
        case 'apology_issued': {
          const newDueAt = Date.parse(input.newDueAt ?? '');
          if (Number.isNaN(newDueAt)) throw field('body.newDueAt', 'required', 'Cần ngày hẹn trả mới', 'A new appointment date is required');
          const due = dossier.effective_due_at?.getTime();
          if (due === undefined) throw errors.conflict('no_due_date', t('Hồ sơ chưa có hạn trả (đang tạm dừng)', 'The dossier has no due date now (paused)'));
          if (newDueAt <= due) throw field('body.newDueAt', 'not_later', 'Ngày hẹn mới phải sau ngày hẹn cũ', 'The new date must be after the current one');
          if (workingMinutesLeft(calendar, now.getTime(), due) < 480)
            throw errors.conflict('apology_too_late', t('Thư xin lỗi phải gửi trước hạn ít nhất một ngày làm việc', 'The apology letter must be sent at least one working day before the due date'));
          event.data = { newDueAt, previousDueAt: due };
          break;
        }
        case 'result_issued': {
          const issued = await repo.countResults(trx, dossier.id);
          resultCodes = (input.documents ?? []).map((_, i) => resultCode(dossier.code ?? dossier.id, issued + i + 1));
          const returnIndex = steps.findIndex((s, i) => i > (dossier.step_index ?? -1) && s.unit === 'receiving');
          event.data = { resultCodes, handToUnitId: dossier.receiving_unit_id, ...(returnIndex >= 0 ? { stepIndex: returnIndex } : {}) };
          break;
        }
        case 'returned':
          event.data = { collectedBy: input.collectedBy ?? null };
          break;
      }
      const seq = await this.append(trx, dossier, [event], steps, calendar);
      if (input.documents && input.documents.length > 0) {
        const purpose = input.type === 'result_issued' ? 'result' : 'supplement';
        await repo.insertDocuments(trx, this.documentRows(dossier.id, seq, purpose, input.documents, now, resultCodes));
      }
    });
    return this.detail(principal, id);
  }

  /**
   * The dossier as the office app shows it. `known` is what the caller has just written (reception),
   * so the answer needs no second read of it.
   */
  /**
   * A dossier's detail for `principal`; `null` only where the caller has established the right to read
   * it otherwise (the applicant's own dossier): no actions are then allowed.
   */
  async detail(
    principal: StaffPrincipal | null,
    id: string,
    known?: {
      dossier: repo.DossierRow;
      events: repo.EventRow[];
      documents: repo.DocumentRow[];
      steps: ProcessStep[];
      /** The receiving unit's calendar now, and units and people already at hand (the rest are read). */
      calendar: WorkingCalendar;
      units: { id: string; code: string; name: string; path: string }[];
      people: { id: string; full_name: string }[];
    },
  ): Promise<DossierDetail> {
    const dossier = known?.dossier ?? (await repo.findDossier(this.db, id));
    if (!dossier || (!known && principal && !(await this.canSee(principal, dossier)))) throw errors.forbidden();
    const [events, documents, steps] = known
      ? [known.events, known.documents, known.steps]
      : await Promise.all([repo.eventsOf(this.db, id), repo.documentsOf(this.db, id), this.templateSteps(this.db, dossier.process_template_id)]);
    const unitIds = new Set<string>([dossier.receiving_unit_id, dossier.competent_unit_id, ...(dossier.holding_unit_id ? [dossier.holding_unit_id] : []), ...events.map((e) => e.unit_id).filter((u): u is string => Boolean(u))]);
    const stepUnitIds = steps.map((s) => stepUnitId(s, { receivingUnitId: dossier.receiving_unit_id, competentUnitId: dossier.competent_unit_id }));
    stepUnitIds.forEach((u) => unitIds.add(u));
    const knownUnits = (known?.units ?? []).filter((u) => unitIds.has(u.id));
    const units = [...knownUnits, ...(await repo.unitsByIds(this.db, [...unitIds].filter((u) => !knownUnits.some((k) => k.id === u))))];
    const unitRef = (uid: string | null) => {
      const u = units.find((x) => x.id === uid);
      return u ? { id: u.id, code: u.code, name: u.name } : null;
    };
    const personIds = new Set([...events.map((e) => e.actor_id), dossier.assignee_id].filter((x): x is string => Boolean(x)));
    const knownPeople = (known?.people ?? []).filter((p) => personIds.has(p.id));
    const people = [...knownPeople, ...(await repo.staffNames(this.db, [...personIds].filter((p) => !knownPeople.some((k) => k.id === p))))];
    const person = (pid: string | null) => {
      const p = people.find((x) => x.id === pid);
      return p ? { id: p.id, fullName: p.full_name } : null;
    };
    const receivingUnit = units.find((u) => u.id === dossier.receiving_unit_id)!;
    const calendar = known?.calendar ?? (await calendarService(this.db).calendarFor(receivingUnit, receptionOf(dossier)));
    const derived = derive(dossier, events.map(eventFromRow), calendar, steps);
    const stepViews = steps.map((s, index) => ({
      index,
      key: s.key,
      name: s.name,
      role: s.role,
      unit: unitRef(stepUnitIds[index]!)!,
      dueAt: derived.stepDues[index] !== null && derived.stepDues[index] !== undefined ? new Date(derived.stepDues[index]!).toISOString() : null,
    }));
    const handovers = derived.state.handovers;
    const controlSheet = handovers.map((h, i) => {
      const next = handovers[i + 1];
      const handedOverAt = next?.at ?? (i === handovers.length - 1 ? (derived.state.returnedAt ?? derived.state.stoppedAt) : null);
      const due = h.stepIndex !== null ? (derived.stepDues[h.stepIndex] ?? null) : null;
      return {
        stepIndex: h.stepIndex,
        stepName: h.stepIndex !== null ? (steps[h.stepIndex]?.name ?? null) : null,
        unit: unitRef(h.toUnitId),
        receivedAt: new Date(h.at).toISOString(),
        handedOverAt: handedOverAt !== null ? new Date(handedOverAt).toISOString() : null,
        dueAt: due !== null ? new Date(due).toISOString() : null,
        timeliness: handedOverAt !== null && due !== null ? timeliness(handedOverAt, due) : null,
      };
    });
    return {
      ...this.summary(dossier, unitRef(dossier.holding_unit_id), person(dossier.assignee_id), calendar),
      controlSheet,
      lookupSecret: dossier.lookup_secret,
      ruleVersion: dossier.rule_version,
      procedureVersionId: dossier.procedure_version_id,
      caseCode: dossier.case_code,
      duration: dossier.duration,
      supplementPolicy: dossier.supplement_policy,
      receivingUnit: unitRef(dossier.receiving_unit_id)!,
      competentUnit: unitRef(dossier.competent_unit_id)!,
      applicant: dossier.applicant,
      representative: dossier.representative,
      returnMethod: dossier.return_method,
      supplementRequests: dossier.supplement_requests,
      resultIssuedAt: dossier.result_issued_at?.toISOString() ?? null,
      returnedAt: dossier.returned_at?.toISOString() ?? null,
      paymentStatus: dossier.payment_status,
      deliveryStatus: dossier.delivery_status,
      syncStatus: dossier.sync_status,
      step: dossier.step_index !== null ? (stepViews[dossier.step_index] ?? null) : null,
      steps: stepViews,
      allowedActions: allowedEvents(derived.state).filter((type) => {
        if (!principal || !(type in ACTION_RULES)) return false;
        const rule = ACTION_RULES[type as keyof typeof ACTION_RULES];
        const pathOf = { receiving: receivingUnit.path, competent: units.find((u) => u.id === dossier.competent_unit_id)?.path, holding: units.find((u) => u.id === dossier.holding_unit_id)?.path };
        return rule.at.some((where) => pathOf[where] !== undefined && covers(principal, pathOf[where]!, rule.roles));
      }),
      documents: documents.map((d) => ({
        id: d.id,
        purpose: d.purpose,
        name: d.name,
        requirementIndex: d.requirement_index,
        originals: d.originals,
        copies: d.copies,
        provided: d.provided,
        digitized: d.digitized,
        fileSha256: d.file_sha256,
        fileName: d.file_name,
        resultCode: d.result_code,
      })),
      events: events.map((e) => ({
        seq: e.seq,
        type: e.type as DossierEventType,
        at: e.at.toISOString(),
        actor: person(e.actor_id),
        unit: unitRef(e.unit_id),
        fromStatus: e.from_status,
        toStatus: e.to_status,
        reason: e.reason,
        data: e.data,
      })),
    };
  }

  private summary(d: repo.DossierRow, holdingUnit: { id: string; code: string; name: string } | null, assignee: { id: string; fullName: string } | null, calendar: WorkingCalendar): DossierSummary {
    const now = this.ctx.clock.now().getTime();
    const open = ![3, 8, 9, 10].includes(d.status);
    const due = d.effective_due_at?.getTime() ?? null;
    const overdue = open && due !== null && due < now;
    return {
      id: d.id,
      code: d.code,
      status: d.status,
      channel: d.channel,
      procedureCode: d.procedure_code,
      procedureName: d.procedure_name,
      applicantName: String((d.applicant as { fullName?: string }).fullName ?? ''),
      holdingUnit,
      assignee,
      receivedAt: d.received_at?.toISOString() ?? null,
      dueAt: d.due_at?.toISOString() ?? null,
      effectiveDueAt: d.effective_due_at?.toISOString() ?? null,
      paused: d.paused,
      overdue,
      dueSoon: open && !overdue && due !== null && !d.paused && workingMinutesLeft(calendar, now, due) <= 480,
      apologyIssued: d.apology_issued,
      timeliness: d.timeliness,
      version: d.version,
    };
  }

  /** Work queue: dossiers held in the officer's units (or assigned to them), due soonest and overdue first. */
  async queue(principal: StaffPrincipal, query: { scope: 'mine' | 'unit'; status?: number | undefined; overdue?: 'true' | 'false' | undefined; needsApology?: 'true' | 'false' | undefined; q?: string | undefined; page: number; pageSize: number }) {
    const roots = jurisdictionRoots(principal);
    if (roots.length === 0) throw errors.forbidden();
    const now = this.ctx.clock.now();
    let base = this.db.selectFrom('dossier');
    base = query.scope === 'mine' ? base.where('assignee_id', '=', principal.id) : base.where((eb) => eb.or(roots.map((p) => eb('holding_unit_path', 'like', `${p}%`))));
    base = query.status ? base.where('status', '=', query.status) : base.where('status', 'not in', [3, 8, 10]);
    if (query.q) base = base.where((eb) => eb.or([eb('code', '=', query.q!), eb(eb.fn('lower', [eb.cast(eb.ref('applicant'), 'text')]), 'like', `%${query.q!.toLocaleLowerCase('vi')}%`)]));
    const overdueCondition = (qb: typeof base) => qb.where('effective_due_at', '<', now).where('status', 'in', [2, 4, 5, 6, 7]);
    let filtered = query.overdue === 'true' ? overdueCondition(base) : base;
    const calendar = await calendarService(this.db).calendarFor(null);
    if (query.needsApology === 'true') {
      // Due within one working day (or already late) and no apology letter: a working day from now bounds it.
      const horizon = new Date(calendar.instantAtWorkingMs(calendar.workingMsAt(now.getTime()) + 480 * 60_000));
      filtered = filtered.where('apology_issued', '=', false).where('effective_due_at', '<=', horizon).where('status', 'in', [2, 4, 5, 6]);
    }
    const [rows, total, overdue] = await Promise.all([
      filtered.selectAll().orderBy(sql`effective_due_at asc nulls last`).orderBy('created_at').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      overdueCondition(base).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const units = await repo.unitsByIds(this.db, [...new Set(rows.map((r) => r.holding_unit_id).filter((x): x is string => Boolean(x)))]);
    const people = await repo.staffNames(this.db, [...new Set(rows.map((r) => r.assignee_id).filter((x): x is string => Boolean(x)))]);
    return {
      items: rows.map((r) => {
        const u = units.find((x) => x.id === r.holding_unit_id);
        const p = people.find((x) => x.id === r.assignee_id);
        return this.summary(r, u ? { id: u.id, code: u.code, name: u.name } : null, p ? { id: p.id, fullName: p.full_name } : null, calendar);
      }),
      total: Number(total.n),
      overdue: Number(overdue.n),
      page: query.page,
    };
  }

  /** Officers who may take a step of the dossier: the step's role, in the step's unit or above it. */
  async eligibleAssignees(principal: StaffPrincipal, id: string, stepIndex: number) {
    const dossier = await repo.findDossier(this.db, id);
    if (!dossier || !(await this.canSee(principal, dossier))) throw errors.forbidden();
    const step = (await this.templateSteps(this.db, dossier.process_template_id))[stepIndex];
    if (!step) throw field('querystring.step', 'no_such_step', `Quy trình không có bước ${stepIndex}`, `The process has no step ${stepIndex}`);
    const unitId = stepUnitId(step, { receivingUnitId: dossier.receiving_unit_id, competentUnitId: dossier.competent_unit_id });
    const unit = (await repo.unitsByIds(this.db, [unitId]))[0]!;
    const ancestors = unit.path.split('/').filter(Boolean);
    const rows = await this.db
      .selectFrom('role_grant')
      .innerJoin('staff_account', 'staff_account.id', 'role_grant.user_id')
      .select(['staff_account.id', 'staff_account.full_name', 'staff_account.username'])
      .where('role_grant.role', '=', step.role)
      .where('role_grant.unit_id', 'in', ancestors)
      .where('staff_account.active', '=', true)
      .distinct()
      .orderBy('staff_account.full_name')
      .execute();
    return { step: { index: stepIndex, key: step.key, name: step.name, role: step.role, unit: { id: unit.id, code: unit.code, name: unit.name } }, officers: rows.map((r) => ({ id: r.id, fullName: r.full_name, username: r.username })) };
  }

  /**
   * Open dossiers (received, not finished) due on or after `from`, each with its events and calendar
   * inputs: what a calendar edit may move.
   */
  private async openDossiersFrom(from: Date) {
    const dossiers = await this.db
      .selectFrom('dossier')
      .selectAll()
      .where('status', 'in', [2, 4, 5, 6, 7])
      .where((eb) => eb.or([eb('effective_due_at', '>=', from), eb('paused', '=', true)]))
      .orderBy('effective_due_at')
      .limit(5000)
      .execute();
    if (dossiers.length === 0) return [];
    const ids = dossiers.map((d) => d.id);
    const [events, units, templates] = await Promise.all([
      this.db.selectFrom('dossier_event').selectAll().where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('seq').execute(),
      repo.unitsByIds(this.db, [...new Set(dossiers.flatMap((d) => [d.receiving_unit_id, ...(d.holding_unit_id ? [d.holding_unit_id] : [])]))]),
      this.db.selectFrom('process_template').select(['id', 'steps']).where('id', 'in', [...new Set(dossiers.map((d) => d.process_template_id))]).execute(),
    ]);
    return dossiers.map((d) => ({
      dossier: d,
      events: events.filter((e) => e.dossier_id === d.id).map(eventFromRow),
      receiving: units.find((u) => u.id === d.receiving_unit_id)!,
      holdingPath: units.find((u) => u.id === d.holding_unit_id)?.path ?? null,
      steps: templates.find((t) => t.id === d.process_template_id)!.steps,
    }));
  }

  /** For the calendar: which open dossiers' due dates an edit would move, if applied to them too. */
  async affectedByCalendarEdit(proposed: (unit: { path: string }) => Promise<WorkingCalendar>, from: Date) {
    const items = [];
    for (const o of await this.openDossiersFrom(from)) {
      const moved = derive(o.dossier, o.events, await proposed(o.receiving), o.steps);
      const movedDue = moved.effectiveDueAt;
      if ((o.dossier.effective_due_at?.getTime() ?? null) !== movedDue)
        items.push({ id: o.dossier.id, code: o.dossier.code, dueAt: o.dossier.effective_due_at?.toISOString() ?? '', dueIfMoved: movedDue !== null ? new Date(movedDue).toISOString() : null });
    }
    return { total: items.length, items: items.slice(0, 100) };
  }

  /** After a calendar edit applied to open dossiers: their deadlines recomputed, in one transaction. */
  async recomputeOpenDeadlines(from: Date) {
    const open = await this.openDossiersFrom(from);
    const now = this.ctx.clock.now();
    // Worked out before the transaction: on PGlite the transaction holds the only connection.
    const updates: { id: string; projection: ReturnType<typeof projectionOf> }[] = [];
    for (const o of open) {
      const calendar = await calendarService(this.db).calendarFor(o.receiving, receptionOf(o.dossier));
      updates.push({ id: o.dossier.id, projection: projectionOf(derive(o.dossier, o.events, calendar, o.steps), o.holdingPath, now) });
    }
    await this.db.transaction().execute(async (trx) => {
      for (const u of updates) await repo.updateProjection(trx, u.id, u.projection);
    });
    return open.length;
  }

  /**
   * Digitization (TT 03/2025 Art. 5): a paper the applicant handed in gets its scanned file. Counter
   * officers and the units holding the dossier may do it; the file must be uploaded first.
   */
  async markDigitized(principal: StaffPrincipal, id: string, documentId: string, file: { sha256: string; name: string | null }) {
    const dossier = await repo.findDossier(this.db, id);
    if (!dossier || !(await this.canSee(principal, dossier))) throw errors.forbidden();
    const paths = await this.unitPaths(dossier);
    if (![paths.receiving, paths.holding].some((p) => p && covers(principal, p, ['counter_officer', 'specialist', 'leader']))) throw errors.forbidden();
    await this.checkFiles(this.db, [{ name: 'scan', originals: 0, copies: 0, provided: true, digitized: true, fileSha256: file.sha256 }], 'body');
    const updated = await this.db
      .updateTable('dossier_document')
      .set({ digitized: true, file_sha256: file.sha256, file_name: file.name })
      .where('id', '=', documentId)
      .where('dossier_id', '=', id)
      .where('purpose', 'in', ['intake', 'supplement'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw errors.notFound(t('giấy tờ này trong hồ sơ', 'This document of the dossier'));
    return this.detail(principal, id);
  }

  /** The status lookup printed on the receipt: the code and its secret; nothing personal. */
  async publicStatus(code: string, secret: string) {
    const d = await repo.publicStatusRow(this.db, code);
    if (!d || d.lookup_secret !== secret.trim().toUpperCase()) return null;
    return {
      code: d.code!,
      procedureName: d.procedure_name,
      status: d.status,
      statusName: STATUS_NAMES[d.status as DossierStatus],
      receivedAt: d.received_at?.toISOString() ?? null,
      dueAt: d.effective_due_at?.toISOString() ?? null,
      holdingUnitName: d.holding_unit_name,
      handlingOfficer: d.officer_name,
      resultReady: d.status === 9,
      returnedAt: d.returned_at?.toISOString() ?? null,
    };
  }
}


export function toDuration(time: { value: number | null; unit: string } | null): Duration | null {
  if (!time || time.value === null || time.value <= 0) return null;
  switch (time.unit) {
    case 'working_day':
      return { unit: 'workingDays', value: time.value };
    case 'working_hour':
      return { unit: 'workingHours', value: time.value };
    case 'calendar_day':
      return Number.isInteger(time.value) ? { unit: 'calendarDays', value: time.value } : null;
    case 'month':
      return Number.isInteger(time.value) ? { unit: 'months', value: time.value } : null;
    default:
      return null;
  }
}
