import { z } from 'zod';
import { Problem } from '@motcua/core/http/problem.ts';
import { RatingForm, RatingInput, RatingView, SatisfactionQuery, UnitSatisfaction } from '@motcua/core/ratings/schemas.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { errors } from '../../platform/errors.ts';
import { jurisdictionRoots } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { RatingService, satisfactionFigures } from './ratings.service.ts';

const Code = z.strictObject({ code: z.string().trim().min(1).max(60) });

export function registerRatingRoutes(app: HttpApp, ctx: AppContext) {
  const service = new RatingService(ctx);
  const limited = { rateLimit: { max: ctx.config.LOOKUP_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

  app.get(
    '/api/public/ratings/:code',
    {
      config: limited,
      schema: {
        tags: ['ratings'],
        summary: 'Phiếu đánh giá của hồ sơ / The rating form of a dossier (code + lookup secret, no login)',
        params: Code,
        querystring: z.strictObject({ k: z.string().trim().min(1).max(40), lang: z.enum(['vi', 'en']).optional() }),
        response: { 200: RatingForm, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => service.form(request.params.code, request.query.k),
  );

  app.post(
    '/api/public/ratings/:code',
    {
      config: limited,
      schema: {
        tags: ['ratings'],
        summary: 'Đánh giá mức độ hài lòng / Rate a returned dossier (portal, SMS link or kiosk; once per dossier)',
        params: Code,
        body: RatingInput,
        response: { 201: RatingView, 400: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => reply.status(201).send(await service.rate(request.params.code, request.body)),
  );

  app.get(
    '/api/ratings/figures',
    {
      preHandler: requireStaff(ctx),
      schema: {
        tags: ['ratings'],
        summary: 'Mức độ hài lòng theo đơn vị / Satisfaction per unit and period (supervisors, leaders, admins)',
        querystring: SatisfactionQuery,
        response: { 200: z.array(UnitSatisfaction), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const principal = staffOf(request);
      const roots = jurisdictionRoots(principal, ['supervisor', 'leader', 'admin']);
      if (roots.length === 0) throw errors.forbidden();
      const units = await ctx.db.selectFrom('unit').select(['id', 'path']).execute();
      const visible = units.filter((u) => roots.some((r) => u.path.startsWith(r))).map((u) => u.id);
      const ids = request.query.unitId ? visible.filter((id) => id === request.query.unitId) : visible;
      return satisfactionFigures(ctx.db, request.query, ids);
    },
  );
}
