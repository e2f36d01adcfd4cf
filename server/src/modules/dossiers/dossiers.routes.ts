import { z } from 'zod';
import { FileParams, IdParams } from './dossiers.params.ts';
import { ActionInput, DossierDetail, PublicDossierStatus, QueueQuery, QueueResult, ReceptionInput } from '@motcua/core/dossiers/schemas.ts';
import { ProcessSteps } from '@motcua/core/dossiers/process.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { covers } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DossierService } from './dossiers.service.ts';
import { calendarService } from '../calendar/calendar.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 409: Problem };

export function registerDossierRoutes(app: HttpApp, ctx: AppContext) {
  const service = new DossierService(ctx);
  const staff = requireStaff(ctx);
  calendarService(ctx.db).setDeadlineHooks({
    affected: (proposed, from) => service.affectedByCalendarEdit(proposed, from),
    recompute: (from) => service.recomputeOpenDeadlines(from),
  });

  app.post(
    '/api/dossiers',
    {
      preHandler: staff,
      schema: {
        tags: ['dossiers'],
        summary: 'Tiếp nhận hồ sơ / Receive a dossier (or ask for a supplement, or refuse, at intake)',
        description: 'Idempotent: the same idempotencyKey returns the dossier already made (200) instead of a second one (201).',
        body: ReceptionInput,
        response: { 200: DossierDetail, 201: DossierDetail, ...problems },
      },
    },
    async (request, reply) => {
      const { created, dossier } = await service.receive(staffOf(request), request.body);
      return reply.status(created ? 201 : 200).send(dossier);
    },
  );

  app.get(
    '/api/dossiers',
    { preHandler: staff, schema: { tags: ['dossiers'], summary: 'Hàng đợi xử lý / Work queue', querystring: QueueQuery, response: { 200: QueueResult, ...problems } } },
    async (request) => service.queue(staffOf(request), request.query),
  );

  app.get(
    '/api/dossiers/:id',
    { preHandler: staff, schema: { tags: ['dossiers'], summary: 'Chi tiết hồ sơ / Dossier detail with timeline', params: IdParams, response: { 200: DossierDetail, ...problems } } },
    async (request) => service.detail(staffOf(request), request.params.id),
  );

  app.post(
    '/api/dossiers/:id/actions',
    {
      preHandler: staff,
      schema: {
        tags: ['dossiers'],
        summary: 'Thao tác trên hồ sơ / Act on a dossier (assign, supplement, approve, return …)',
        description: 'expectedVersion must be the version the officer saw: a concurrent change gives 409.',
        params: IdParams,
        body: ActionInput,
        response: { 200: DossierDetail, ...problems },
      },
    },
    async (request) => service.act(staffOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/dossiers/:id/assignees',
    {
      preHandler: staff,
      schema: {
        tags: ['dossiers'],
        summary: 'Cán bộ có thể nhận một bước / Officers who may take a step of the dossier',
        params: IdParams,
        querystring: z.strictObject({ step: z.coerce.number().int().min(0).max(19) }),
        response: {
          200: z.object({
            step: z.object({ index: z.number().int(), key: z.string(), name: z.string(), role: z.string(), unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }) }),
            officers: z.array(z.object({ id: z.uuid(), fullName: z.string(), username: z.string() })),
          }),
          ...problems,
        },
      },
    },
    async (request) => service.eligibleAssignees(staffOf(request), request.params.id, request.query.step),
  );

  app.get(
    '/api/dossiers/:id/files/:sha256',
    {
      preHandler: staff,
      schema: {
        tags: ['dossiers'],
        summary: 'Tệp của hồ sơ / A file of the dossier',
        params: FileParams,
        response: { 200: z.any(), ...problems },
      },
    },
    async (request, reply) => {
      const detail = await service.detail(staffOf(request), request.params.id);
      const doc = detail.documents.find((d) => d.fileSha256 === request.params.sha256);
      if (!doc) throw errors.forbidden();
      const file = await ctx.db.selectFrom('stored_file').select(['media_type']).where('sha256', '=', request.params.sha256).executeTakeFirstOrThrow();
      return reply.type(file.media_type).send(ctx.files.read(request.params.sha256));
    },
  );

  app.get(
    '/api/public/dossiers/:code',
    {
      config: { rateLimit: { max: ctx.config.LOOKUP_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Tra cứu tình trạng hồ sơ / Status lookup with the secret printed on the receipt',
        params: z.strictObject({ code: z.string().trim().min(1).max(60) }),
        querystring: z.strictObject({ secret: z.string().trim().min(1).max(40), lang: z.enum(['vi', 'en']).optional() }),
        response: { 200: PublicDossierStatus, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => {
      const status = await service.publicStatus(request.params.code, request.query.secret);
      // One answer for "no such code" and "wrong secret": codes are guessable, secrets are not.
      if (!status) throw new AppError(404, 'not_found', t('Không tìm thấy hồ sơ với mã và mã tra cứu này', 'No dossier with this code and lookup secret'));
      return status;
    },
  );

  const TemplateView = z.object({ id: z.uuid(), procedureCode: z.string().nullable(), version: z.number().int(), name: z.string(), steps: ProcessSteps, active: z.boolean() });

  app.get(
    '/api/processes',
    { preHandler: staff, schema: { tags: ['processes'], summary: 'Quy trình xử lý / Process templates', querystring: z.strictObject({ procedureCode: z.string().max(40).optional() }), response: { 200: z.array(TemplateView), ...problems } } },
    async (request) => {
      let q = ctx.db.selectFrom('process_template').selectAll().orderBy('procedure_code').orderBy('version', 'desc');
      if (request.query.procedureCode) q = q.where('procedure_code', '=', request.query.procedureCode);
      return (await q.execute()).map((r) => ({ id: r.id, procedureCode: r.procedure_code, version: r.version, name: r.name, steps: r.steps, active: r.active }));
    },
  );

  app.post(
    '/api/processes',
    {
      preHandler: staff,
      schema: {
        tags: ['processes'],
        summary: 'Tạo phiên bản quy trình mới / Publish a new process version (running dossiers keep theirs)',
        body: z.strictObject({ procedureCode: z.string().trim().min(1).max(40).nullable(), name: z.string().trim().min(1).max(200), steps: ProcessSteps }),
        response: { 201: TemplateView, ...problems },
      },
    },
    async (request, reply) => {
      const root = await ctx.db.selectFrom('unit').select('path').where('parent_id', 'is', null).executeTakeFirst();
      const principal = staffOf(request);
      if (!root || !covers(principal, root.path, ['admin'])) throw errors.forbidden();
      const fixedUnits = request.body.steps.map((s) => s.unit).filter((u) => u !== 'receiving' && u !== 'competent');
      if (fixedUnits.length > 0) {
        const found = await ctx.db.selectFrom('unit').select('id').where('id', 'in', fixedUnits).execute();
        const missing = request.body.steps.findIndex((s) => s.unit !== 'receiving' && s.unit !== 'competent' && !found.some((f) => f.id === s.unit));
        if (missing >= 0) throw errors.validation([{ path: `body.steps[${missing}].unit`, code: 'unknown_unit', message: t('Không có đơn vị này', 'No such unit') }]);
      }
      const view = await ctx.db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('process_template').select((eb) => eb.fn.max('version').as('v'));
        q = request.body.procedureCode === null ? q.where('procedure_code', 'is', null) : q.where('procedure_code', '=', request.body.procedureCode);
        const last = Number((await q.executeTakeFirst())?.v ?? 0);
        const id = crypto.randomUUID();
        let deactivate = trx.updateTable('process_template').set({ active: false });
        deactivate = request.body.procedureCode === null ? deactivate.where('procedure_code', 'is', null) : deactivate.where('procedure_code', '=', request.body.procedureCode);
        await deactivate.execute();
        await trx.insertInto('process_template').values({ id, procedure_code: request.body.procedureCode, version: last + 1, name: request.body.name, steps: JSON.stringify(request.body.steps), created_by: principal.id }).execute();
        await recordAudit(trx, { actorId: principal.id, action: 'process.publish', objectType: 'process_template', objectId: id, detail: { procedureCode: request.body.procedureCode, version: last + 1 } });
        return { id, procedureCode: request.body.procedureCode, version: last + 1, name: request.body.name, steps: request.body.steps, active: true };
      });
      return reply.status(201).send(view);
    },
  );

  app.put(
    '/api/procedures/:code/rules',
    {
      preHandler: staff,
      schema: {
        tags: ['processes'],
        summary: 'Quy tắc thời hạn của thủ tục / A procedure’s deadline rules (supplement pause or restart, cut-offs)',
        params: z.strictObject({ code: z.string().trim().min(1).max(40) }),
        body: z.strictObject({ supplementPolicy: z.enum(['pause', 'restart']), cutoff15h: z.boolean(), cutoffLastHour: z.boolean() }),
        response: { 200: z.object({ procedureCode: z.string(), supplementPolicy: z.enum(['pause', 'restart']), cutoff15h: z.boolean(), cutoffLastHour: z.boolean() }), ...problems },
      },
    },
    async (request) => {
      const root = await ctx.db.selectFrom('unit').select('path').where('parent_id', 'is', null).executeTakeFirst();
      const principal = staffOf(request);
      if (!root || !covers(principal, root.path, ['admin'])) throw errors.forbidden();
      const b = request.body;
      await ctx.db.transaction().execute(async (trx) => {
        const row = { procedure_code: request.params.code, supplement_policy: b.supplementPolicy, cutoff_15h: b.cutoff15h, cutoff_last_hour: b.cutoffLastHour, updated_by: principal.id };
        await trx.insertInto('procedure_rule').values(row).onConflict((oc) => oc.column('procedure_code').doUpdateSet(row)).execute();
        await recordAudit(trx, { actorId: principal.id, action: 'procedure.rules', objectType: 'procedure', objectId: request.params.code, detail: b });
      });
      return { procedureCode: request.params.code, ...b };
    },
  );
}
