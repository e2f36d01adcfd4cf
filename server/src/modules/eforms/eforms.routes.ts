import { z } from 'zod';
import { DraftInput, DraftView, EformPublish, EformView } from '@motcua/core/eforms/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { errors } from '../../platform/errors.ts';
import { covers } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { citizenOf, requireCitizen } from '../citizens/citizens.auth.ts';
import { EformService } from './eforms.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const CodeParams = z.strictObject({ code: z.string().trim().min(1).max(40) });

export function registerEformRoutes(app: HttpApp, ctx: AppContext) {
  const service = new EformService(ctx);
  const staff = requireStaff(ctx);
  const citizen = requireCitizen(ctx);
  const requireAdmin = async (request: import('fastify').FastifyRequest) => {
    const root = await ctx.db.selectFrom('unit').select('path').where('parent_id', 'is', null).executeTakeFirst();
    const principal = staffOf(request);
    if (!root || !covers(principal, root.path, ['admin'])) throw errors.forbidden();
    return principal;
  };

  app.get(
    '/api/procedures/:code/eform',
    { schema: { tags: ['eforms'], summary: 'Biểu mẫu điện tử của thủ tục / The procedure’s active e-form (JSON Schema + UI hints)', params: CodeParams, response: { 200: EformView, ...problems } } },
    async (request) => service.active(request.params.code),
  );

  app.get(
    '/api/eforms',
    { preHandler: staff, schema: { tags: ['eforms'], summary: 'Các biểu mẫu điện tử đang dùng / Active e-forms', response: { 200: z.array(EformView), ...problems } } },
    async () => service.list(),
  );

  app.get(
    '/api/eforms/:code/versions',
    { preHandler: staff, schema: { tags: ['eforms'], summary: 'Các phiên bản biểu mẫu / A procedure’s e-form versions', params: CodeParams, response: { 200: z.array(EformView), ...problems } } },
    async (request) => service.versions(request.params.code),
  );

  app.post(
    '/api/eforms/:code',
    {
      preHandler: staff,
      schema: { tags: ['eforms'], summary: 'Đăng phiên bản biểu mẫu mới / Publish a new e-form version (the schema must compile)', params: CodeParams, body: EformPublish, response: { 201: EformView, ...problems } },
    },
    async (request, reply) => {
      const admin = await requireAdmin(request);
      return reply.status(201).send(await service.publish(admin.id, request.params.code, request.body));
    },
  );

  app.get(
    '/api/citizen/drafts/:code',
    { preHandler: citizen, schema: { tags: ['eforms'], summary: 'Bản nháp của công dân / The citizen’s draft for a procedure', params: CodeParams, response: { 200: DraftView.nullable(), ...problems } } },
    async (request) => service.draft(citizenOf(request).id, request.params.code),
  );

  app.put(
    '/api/citizen/drafts/:code',
    { preHandler: citizen, schema: { tags: ['eforms'], summary: 'Lưu bản nháp / Save the draft (resumed on any device)', params: CodeParams, body: DraftInput, response: { 200: DraftView, ...problems } } },
    async (request) => service.saveDraft(citizenOf(request).id, request.params.code, request.body),
  );
}
