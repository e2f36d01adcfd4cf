import { z } from 'zod';
import { Commune, LegacyAddressQuery, LegacyCommuneMapping, Province, Unit, UnitCreate, UnitUpdate } from '@motcua/core/units/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { errors } from '../../platform/errors.ts';
import { covers, jurisdictionRoots } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import * as service from './units.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };
const IdParams = z.strictObject({ id: z.uuid() });

export function registerUnitRoutes(app: HttpApp, ctx: AppContext) {
  const staff = requireStaff(ctx);

  /** The unit, if the caller's grants (of `roles`) reach it; otherwise 403, whether or not it exists. */
  async function unitInReach(request: Parameters<typeof staffOf>[0], id: string, roles?: Parameters<typeof covers>[2]) {
    const unit = await service.getUnitRecord(ctx.db, id);
    if (!unit || !covers(staffOf(request), unit.path, roles)) throw errors.forbidden();
    return unit;
  }

  app.get(
    '/api/units',
    { preHandler: staff, schema: { tags: ['units'], summary: 'Đơn vị trong phạm vi quản lý / Units in jurisdiction', response: { 200: z.array(Unit), ...problems } } },
    async (request) => (await service.listUnitRecordsUnder(ctx.db, jurisdictionRoots(staffOf(request)))).map(service.toUnit),
  );

  app.get(
    '/api/units/:id',
    { preHandler: staff, schema: { tags: ['units'], params: IdParams, response: { 200: Unit, ...problems } } },
    async (request) => service.toUnit(await unitInReach(request, request.params.id)),
  );

  app.post(
    '/api/units',
    { preHandler: staff, schema: { tags: ['units'], summary: 'Tạo đơn vị / Create a unit', body: UnitCreate, response: { 201: Unit, ...problems, 409: Problem } } },
    async (request, reply) => {
      const parent = await unitInReach(request, request.body.parentId, ['admin']);
      return reply.status(201).send(await service.createUnit(ctx.db, ctx.clock, staffOf(request).id, parent, request.body));
    },
  );

  app.patch(
    '/api/units/:id',
    { preHandler: staff, schema: { tags: ['units'], params: IdParams, body: UnitUpdate, response: { 200: Unit, ...problems, 409: Problem } } },
    async (request) => {
      const unit = await unitInReach(request, request.params.id, ['admin']);
      return service.updateUnit(ctx.db, ctx.clock, staffOf(request).id, unit, request.body);
    },
  );

  app.get(
    '/api/public/units',
    { schema: { tags: ['units'], summary: 'Cơ quan, đơn vị (công khai) / Agencies (public)', response: { 200: z.array(Unit) } } },
    async () => service.listPublicUnits(ctx.db),
  );

  app.get(
    '/api/admin-units/provinces',
    { schema: { tags: ['administrative units'], summary: 'Tỉnh, thành phố / Provinces', response: { 200: z.array(Province) } } },
    async () => service.listProvinces(ctx.db),
  );

  app.get(
    '/api/admin-units/provinces/:code/communes',
    {
      schema: {
        tags: ['administrative units'],
        summary: 'Xã, phường, đặc khu của tỉnh / Communes of a province',
        params: z.strictObject({ code: z.string().regex(/^\d{2}$/) }),
        response: { 200: z.array(Commune), 400: Problem, 404: Problem },
      },
    },
    async (request) => service.listCommunes(ctx.db, request.params.code),
  );

  app.get(
    '/api/admin-units/legacy',
    {
      schema: {
        tags: ['administrative units'],
        summary: 'Chuyển đổi địa chỉ cũ sang đơn vị hành chính mới / Convert an old address to the current communes',
        querystring: LegacyAddressQuery.extend({ lang: z.enum(['vi', 'en']).optional() }),
        response: { 200: z.array(LegacyCommuneMapping), 400: Problem },
      },
    },
    async (request) => service.convertLegacyAddress(ctx.db, request.query),
  );
}
