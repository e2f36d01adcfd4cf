import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CitizenSession, OtpRequest, OtpVerify } from '@motcua/core/citizens/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { StoredFileView } from '../files/files.routes.ts';
import { acceptUpload, MAX_FILE_BYTES } from '../files/files.service.ts';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER, citizenOf, citizenPrincipalOf, requireCitizen } from './citizens.auth.ts';
import { CitizenService, hashSecret, profileOf } from './citizens.service.ts';
import { EidClient } from './eid-client.ts';
import { registerEidSandbox } from './eid-sandbox.ts';
import { sandboxSmsSender } from './one-time-code.ts';
import { eidCallbackPath, publicBaseUrl } from './public-url.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };
const FLOW_COOKIE = 'motcua_eid_flow';
const FLOW_MINUTES = 10;

/** A path inside this site to go back to after signing in (never another site). */
const safeReturnTo = (value: string | undefined) => (value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/ho-so-cua-toi');

export const sandboxEnabled = (ctx: AppContext) => (ctx.config.CITIZEN_SANDBOX === 'auto' ? ctx.config.NODE_ENV !== 'production' : ctx.config.CITIZEN_SANDBOX === 'true');

export function registerCitizenRoutes(app: HttpApp, ctx: AppContext) {
  // The lead may pass the notifications outbox here instead of the sandbox SMS table.
  const service = new CitizenService(ctx, sandboxSmsSender(ctx.db, ctx.clock));
  const eid = new EidClient(ctx);
  const citizen = requireCitizen(ctx);
  const cookieOptions = { httpOnly: true, secure: ctx.config.COOKIE_SECURE, sameSite: 'lax' as const, path: '/' };
  if (sandboxEnabled(ctx) && !ctx.config.EID_ISSUER) registerEidSandbox(app, ctx);

  const setSession = (reply: import('fastify').FastifyReply, token: string) => reply.setCookie(CITIZEN_COOKIE, token, { ...cookieOptions, maxAge: ctx.config.CITIZEN_SESSION_HOURS * 3600 });

  app.get(
    '/api/citizen/auth/eid/start',
    {
      config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizens'],
        summary: 'Đăng nhập bằng định danh điện tử / Start the e-ID sign-in (redirects to the identity provider)',
        querystring: z.strictObject({ returnTo: z.string().max(300).optional() }),
        response: { 302: z.null(), 429: Problem, 502: Problem },
      },
    },
    async (request, reply) => {
      const base = publicBaseUrl(ctx, request);
      let started;
      try {
        started = await eid.start(base, `${base}${eidCallbackPath}`);
      } catch (error) {
        request.log.warn({ err: error }, 'e-ID discovery failed');
        throw new AppError(502, 'eid_unavailable', t('Không kết nối được hệ thống định danh điện tử; thử lại sau', 'The e-ID service cannot be reached; try again later'));
      }
      const flow = randomBytes(24).toString('base64url');
      const now = ctx.clock.now();
      await ctx.db
        .insertInto('citizen_login_flow')
        .values({ flow_hash: hashSecret(flow), state: started.state, nonce: started.nonce, code_verifier: started.codeVerifier, return_to: safeReturnTo(request.query.returnTo), created_at: now, expires_at: new Date(now.getTime() + FLOW_MINUTES * 60_000) })
        .execute();
      reply.setCookie(FLOW_COOKIE, flow, { ...cookieOptions, path: '/api/citizen/auth', maxAge: FLOW_MINUTES * 60 });
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    eidCallbackPath,
    {
      schema: {
        tags: ['citizens'],
        summary: 'Điểm quay về từ định danh điện tử / e-ID callback: state, nonce and PKCE checked before any session',
        querystring: z.object({ code: z.string().max(2000).optional(), state: z.string().max(500).optional(), iss: z.string().max(500).optional(), error: z.string().max(200).optional() }),
        response: { 302: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const refused = (detail: string) => {
        request.log.info({ reason: detail }, 'e-ID callback refused');
        return new AppError(400, 'eid_callback_refused', t('Đăng nhập định danh điện tử không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại', 'The e-ID sign-in is invalid or expired; sign in again'));
      };
      const flowToken = request.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, { path: '/api/citizen/auth' });
      if (!flowToken) throw refused('no flow cookie');
      // One use only: the flow is deleted whatever happens next.
      const flow = await ctx.db.deleteFrom('citizen_login_flow').where('flow_hash', '=', hashSecret(flowToken)).returningAll().executeTakeFirst();
      if (!flow || flow.expires_at <= ctx.clock.now()) throw refused('unknown or expired flow');
      const base = publicBaseUrl(ctx, request);
      let result;
      try {
        result = await eid.finish(base, new URL(`${base}${request.url}`), { state: flow.state, nonce: flow.nonce, codeVerifier: flow.code_verifier });
      } catch (error) {
        throw refused(error instanceof Error ? error.message : 'token exchange failed');
      }
      const info = result.info as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().normalize('NFC') : null);
      const address = info.address as { formatted?: string } | undefined;
      const citizenId = await service.upsertFromEid(result.issuer, result.subject, {
        idNumber: str(info.id_number),
        fullName: str(info.name),
        birthDate: str(info.birthdate),
        phone: str(info.phone_number),
        address: address?.formatted ? { communeCode: str(info.commune_code), detail: address.formatted.normalize('NFC') } : null,
      });
      const { token } = await service.openSession(citizenId, 'eid');
      setSession(reply, token);
      return reply.redirect(flow.return_to, 302);
    },
  );

  app.post(
    '/api/citizen/auth/otp',
    {
      config: { rateLimit: { max: ctx.config.OTP_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags: ['citizens'], summary: 'Gửi mã đăng nhập qua SMS / Send a one-time sign-in code by SMS', body: OtpRequest, response: { 200: z.object({ expiresInMinutes: z.number() }), 400: Problem, 429: Problem } },
    },
    async (request) => service.requestCode(request.body.phone),
  );

  app.post(
    '/api/citizen/auth/otp/verify',
    {
      config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags: ['citizens'], summary: 'Đăng nhập bằng mã một lần / Sign in with the one-time code', body: OtpVerify, response: { 200: CitizenSession, 400: Problem, 429: Problem } },
    },
    async (request, reply) => {
      const citizenId = await service.verifyCode(request.body.phone, request.body.code);
      const { token, csrfToken } = await service.openSession(citizenId, 'phone');
      setSession(reply, token);
      const row = (await ctx.db.selectFrom('citizen').selectAll().where('id', '=', citizenId).executeTakeFirstOrThrow());
      return { citizen: profileOf(row), csrfToken };
    },
  );

  app.get(
    '/api/citizen/me',
    { schema: { tags: ['citizens'], summary: 'Phiên của công dân / The signed-in citizen and the CSRF token', response: { 200: CitizenSession, 401: Problem } } },
    async (request) => {
      const principal = await citizenPrincipalOf(ctx, request);
      if (!principal) throw errors.unauthenticated();
      return { citizen: profileOf(principal), csrfToken: principal.csrf_token };
    },
  );

  app.post(
    '/api/citizen/auth/logout',
    { preHandler: citizen, schema: { tags: ['citizens'], summary: 'Đăng xuất / Sign out', headers: z.object({ [CITIZEN_CSRF_HEADER]: z.string().max(100).optional() }), response: { 204: z.null(), ...problems } } },
    async (request, reply) => {
      await service.closeSession(citizenOf(request).token_hash);
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.register(async (scoped) => {
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    scoped.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/api/citizen/files',
      {
        preHandler: citizen,
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['citizens'],
          summary: 'Công dân tải lên giấy tờ (PDF, JPEG, PNG; tối đa 20 MB) / A citizen uploads a document',
          querystring: z.strictObject({ name: z.string().trim().max(200).optional() }),
          consumes: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
          response: { 201: StoredFileView, 400: Problem, 401: Problem, 403: Problem, 413: Problem },
        },
      },
      async (request, reply) => {
        const file = await acceptUpload(ctx, request.body as Buffer | undefined);
        const who = citizenOf(request);
        const now = ctx.clock.now();
        await ctx.db.transaction().execute(async (trx) => {
          await trx.insertInto('stored_file').values({ sha256: file.sha256, media_type: file.mediaType, size: file.size, created_by: null }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
          await trx
            .insertInto('citizen_file')
            .values({ citizen_id: who.id, sha256: file.sha256, file_name: request.query.name ?? null, created_at: now })
            .onConflict((oc) => oc.columns(['citizen_id', 'sha256']).doNothing())
            .execute();
        });
        return reply.status(201).send(file);
      },
    );
  });

  if (sandboxEnabled(ctx))
    app.get(
      '/api/sandbox/sms',
      {
        schema: {
          tags: ['citizens'],
          summary: 'Hộp thư SMS thử nghiệm / The sandbox SMS outbox (one-time codes), not in production',
          querystring: z.strictObject({ phone: z.string().trim().max(20) }),
          response: { 200: z.array(z.object({ phone: z.string(), body: z.string(), createdAt: z.string() })) },
        },
      },
      async (request) => {
        const rows = await ctx.db.selectFrom('sandbox_sms').selectAll().where('phone', '=', request.query.phone.replace(/[\s.-]/g, '')).orderBy('id', 'desc').limit(20).execute();
        return rows.map((r) => ({ phone: r.phone, body: r.body, createdAt: r.created_at.toISOString() }));
      },
    );
}
