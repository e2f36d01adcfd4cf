import { z } from 'zod';
import { Problem } from '@motcua/core/http/problem.ts';
import {
  PetitionActionInput,
  PetitionDetail,
  PetitionFeedback,
  PetitionFiguresQuery,
  PetitionQuery,
  PetitionReceipt,
  PetitionSubmission,
  PetitionSummary,
  PublicPetition,
  PublishedPetition,
  UnitPetitionFigures,
} from '@motcua/core/petitions/schemas.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { errors } from '../../platform/errors.ts';
import { jurisdictionRoots } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { PetitionService, petitionFigures } from './petitions.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };
const Code = z.strictObject({ code: z.string().trim().min(1).max(40) });

export function registerPetitionRoutes(app: HttpApp, ctx: AppContext) {
  const service = new PetitionService(ctx);
  const staff = requireStaff(ctx);
  const limited = { rateLimit: { max: ctx.config.LOOKUP_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

  app.post(
    '/api/public/petitions',
    {
      config: limited,
      schema: {
        tags: ['petitions'],
        summary: 'Gửi phản ánh, kiến nghị / Send a petition (no login; idempotent by idempotencyKey)',
        body: PetitionSubmission,
        response: { 200: PetitionReceipt, 201: PetitionReceipt, ...problems },
      },
    },
    async (request, reply) => {
      const { created, receipt } = await service.submit(request.body);
      return reply.status(created ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/api/public/petitions',
    { schema: { tags: ['petitions'], summary: 'Phản ánh đã công khai trả lời / Published answers', querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: z.array(PublishedPetition) } } },
    async (request) => service.published(request.query.limit),
  );

  app.get(
    '/api/public/petitions/:code',
    {
      config: limited,
      schema: { tags: ['petitions'], summary: 'Theo dõi phản ánh / Follow a petition by code and secret', params: Code, querystring: z.strictObject({ k: z.string().trim().min(1).max(40), lang: z.enum(['vi', 'en']).optional() }), response: { 200: PublicPetition, ...problems } },
    },
    async (request) => service.publicView(request.params.code, request.query.k),
  );

  app.post(
    '/api/public/petitions/:code/feedback',
    { config: limited, schema: { tags: ['petitions'], summary: 'Ý kiến về câu trả lời / Whether the answer satisfied the petitioner (once)', params: Code, body: PetitionFeedback, response: { 200: PublicPetition, ...problems } } },
    async (request) => service.feedback(request.params.code, request.body),
  );

  app.get(
    '/api/petitions',
    { preHandler: staff, schema: { tags: ['petitions'], summary: 'Phản ánh cần xử lý / Petitions to handle', querystring: PetitionQuery, response: { 200: z.array(PetitionSummary), ...problems } } },
    async (request) => service.list(staffOf(request), request.query),
  );

  app.get(
    '/api/petitions/figures',
    {
      preHandler: staff,
      schema: { tags: ['petitions'], summary: 'Trả lời đúng hạn theo đơn vị / Petitions answered on time per unit and period', querystring: PetitionFiguresQuery, response: { 200: z.array(UnitPetitionFigures), ...problems } },
    },
    async (request) => {
      const roots = jurisdictionRoots(staffOf(request), ['supervisor', 'leader', 'admin']);
      if (roots.length === 0) throw errors.forbidden();
      return petitionFigures(ctx.db, request.query, ctx.clock.now(), roots);
    },
  );

  app.get(
    '/api/petitions/:id',
    { preHandler: staff, schema: { tags: ['petitions'], summary: 'Chi tiết phản ánh / Petition detail', params: z.strictObject({ id: z.uuid() }), response: { 200: PetitionDetail, ...problems } } },
    async (request) => service.detail(staffOf(request), request.params.id),
  );

  app.post(
    '/api/petitions/:id/actions',
    {
      preHandler: staff,
      schema: {
        tags: ['petitions'],
        summary: 'Xử lý phản ánh / Classify and route, forward, answer, publish, refuse',
        params: z.strictObject({ id: z.uuid() }),
        body: PetitionActionInput,
        response: { 200: PetitionDetail, ...problems },
      },
    },
    async (request) => service.act(staffOf(request), request.params.id, request.body),
  );
}
