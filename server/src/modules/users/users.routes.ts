import { z } from 'zod';
import { LoginRequest, SessionInfo, StaffAccount, StaffCreate, StaffUpdate } from '@motcua/core/users/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { CSRF_HEADER, SESSION_COOKIE, requireStaff, staffOf } from './users.auth.ts';
import * as service from './users.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };
const IdParams = z.strictObject({ id: z.uuid() });

export function registerUserRoutes(app: HttpApp, ctx: AppContext) {
  const policy = {
    sessionHours: ctx.config.SESSION_HOURS,
    lockoutAfterFailures: ctx.config.LOCKOUT_AFTER_FAILURES,
    lockoutMinutes: ctx.config.LOCKOUT_MINUTES,
  };
  const staff = requireStaff(ctx);

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập cán bộ / Staff sign-in',
        body: LoginRequest,
        response: { 200: SessionInfo, ...problems, 423: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, user } = await service.login(ctx.db, ctx.clock, policy, request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        secure: ctx.config.COOKIE_SECURE,
        sameSite: 'lax',
        path: '/',
        maxAge: ctx.config.SESSION_HOURS * 3600,
      });
      return { user, csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      preHandler: staff,
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất / Sign out',
        headers: z.object({ [CSRF_HEADER]: z.string().max(100).optional() }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await service.logout(ctx.db, staffOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { preHandler: staff, schema: { tags: ['auth'], summary: 'Phiên hiện tại / Current session', response: { 200: SessionInfo, ...problems } } },
    async (request) => {
      const principal = staffOf(request);
      return { user: await service.currentAccount(ctx.db, principal), csrfToken: principal.csrfToken };
    },
  );

  app.get(
    '/api/staff',
    { preHandler: staff, schema: { tags: ['staff'], summary: 'Danh sách cán bộ trong phạm vi / Staff in jurisdiction', response: { 200: z.array(StaffAccount), ...problems } } },
    async (request) => service.listStaff(ctx.db, staffOf(request)),
  );

  app.get(
    '/api/staff/:id',
    { preHandler: staff, schema: { tags: ['staff'], params: IdParams, response: { 200: StaffAccount, ...problems } } },
    async (request) => service.getStaff(ctx.db, staffOf(request), request.params.id),
  );

  app.post(
    '/api/staff',
    {
      preHandler: staff,
      schema: { tags: ['staff'], summary: 'Tạo tài khoản cán bộ / Create a staff account', body: StaffCreate, response: { 201: StaffAccount, ...problems, 409: Problem } },
    },
    async (request, reply) => reply.status(201).send(await service.createStaff(ctx.db, staffOf(request), request.body)),
  );

  app.patch(
    '/api/staff/:id',
    {
      preHandler: staff,
      schema: { tags: ['staff'], params: IdParams, body: StaffUpdate, response: { 200: StaffAccount, ...problems } },
    },
    async (request) => service.updateStaff(ctx.db, ctx.clock, staffOf(request), request.params.id, request.body),
  );
}
