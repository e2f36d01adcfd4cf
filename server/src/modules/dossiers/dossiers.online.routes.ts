import { z } from 'zod';
import { FileParams, IdParams } from './dossiers.params.ts';
import { CitizenDossierDetail, CitizenDossierSummary, OnlineQueue, ReviewInput, SubmissionInput, SupplementInput } from '@motcua/core/eforms/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { citizenOf, requireCitizen } from '../citizens/citizens.auth.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { OnlineSubmissionService } from './dossiers.online.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export function registerOnlineSubmissionRoutes(app: HttpApp, ctx: AppContext) {
  const service = new OnlineSubmissionService(ctx);
  const citizen = requireCitizen(ctx);
  const staff = requireStaff(ctx);

  // Breaches are recorded when the counter's list is read, and every minute in a running server.
  if (ctx.config.NODE_ENV !== 'test') {
    const timer = setInterval(() => void service.recordBreaches().catch((err) => app.log.error({ err }, 'recording online review breaches failed')), 60_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  app.post(
    '/api/citizen/submissions',
    {
      preHandler: citizen,
      schema: {
        tags: ['online submissions'],
        summary: 'Nộp hồ sơ trực tuyến / Submit a dossier online (idempotent per citizen and key)',
        description: 'The form data is checked against the e-form’s JSON Schema (the same the browser used); the dossier waits in status 1 for the counter.',
        body: SubmissionInput,
        response: { 200: CitizenDossierDetail, 201: CitizenDossierDetail, ...problems },
      },
    },
    async (request, reply) => {
      const { created, dossier } = await service.submit(citizenOf(request).id, request.body);
      return reply.status(created ? 201 : 200).send(dossier);
    },
  );

  app.get(
    '/api/citizen/dossiers',
    { preHandler: citizen, schema: { tags: ['online submissions'], summary: 'Hồ sơ của tôi / My dossiers', response: { 200: z.array(CitizenDossierSummary), ...problems } } },
    async (request) => service.citizenList(citizenOf(request).id),
  );

  app.get(
    '/api/citizen/dossiers/:id',
    { preHandler: citizen, schema: { tags: ['online submissions'], summary: 'Chi tiết hồ sơ của tôi / One of my dossiers with its timeline', params: IdParams, response: { 200: CitizenDossierDetail, ...problems } } },
    async (request) => service.citizenDetail(citizenOf(request).id, request.params.id),
  );

  app.get(
    '/api/citizen/dossiers/:id/files/:sha256',
    {
      preHandler: citizen,
      schema: {
        tags: ['online submissions'],
        summary: 'Tệp của hồ sơ tôi đã nộp (giấy tờ đã nộp, kết quả khi đã có) / A file of my dossier: what I handed in, the result once issued',
        params: FileParams,
        response: { 200: z.any(), ...problems },
      },
    },
    async (request, reply) => {
      const file = await service.citizenFile(citizenOf(request).id, request.params.id, request.params.sha256);
      return reply.type(file.mediaType).header('cache-control', 'private, no-store').send(file.bytes);
    },
  );

  app.post(
    '/api/citizen/dossiers/:id/supplement',
    {
      preHandler: citizen,
      schema: { tags: ['online submissions'], summary: 'Bổ sung giấy tờ / Hand in the documents asked for', params: IdParams, body: SupplementInput, response: { 200: CitizenDossierDetail, ...problems } },
    },
    async (request) => service.supplement(citizenOf(request).id, request.params.id, request.body),
  );

  app.get(
    '/api/online-submissions',
    {
      preHandler: staff,
      schema: {
        tags: ['online submissions'],
        summary: 'Hồ sơ trực tuyến chờ tiếp nhận / Online submissions waiting for the counter (8 working hours)',
        querystring: z.strictObject({ breached: z.enum(['true', 'false']).optional() }),
        response: { 200: OnlineQueue, ...problems },
      },
    },
    async (request) => service.queue(staffOf(request), request.query),
  );

  app.post(
    '/api/online-submissions/:id/review',
    {
      preHandler: staff,
      schema: {
        tags: ['online submissions'],
        summary: 'Tiếp nhận hoặc trả lại hồ sơ trực tuyến / Receive, send back or refuse an online submission',
        params: IdParams,
        body: ReviewInput,
        response: { 200: z.object({ id: z.uuid(), late: z.boolean(), code: z.string().nullable() }), ...problems },
      },
    },
    async (request) => service.review(staffOf(request), request.params.id, request.body),
  );
}
