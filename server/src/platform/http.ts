import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem, ProblemFieldError } from '@motcua/core/http/problem.ts';
import { AppError, errors } from './errors.ts';
import { describeIssue, pickLang, t } from './i18n.ts';

export interface HttpOptions {
  logLevel: string;
  webDistDir?: string | undefined;
  /** Largest accepted request body; JSON bodies beyond it get 413. */
  bodyLimit?: number;
  /** Fastify's trustProxy: false, true, or a comma-separated list of the proxies' addresses or CIDRs. */
  trustProxy?: string;
}

/** `/roles/0/unitId` → `roles[0].unitId` */
function toFieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  let out = context ?? '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export function problemFor(error: AppError, request: FastifyRequest): Problem {
  const lang = pickLang(request.headers['accept-language'], (request.query as Record<string, unknown> | undefined)?.lang);
  const detail =
    error.fieldErrors && error.fieldErrors.length > 0
      ? error.fieldErrors.map((e) => `${e.path}: ${e.message[lang]}`).join('; ')
      : error.text[lang];
  return {
    type: `https://motcua.local/problems/${error.code}`,
    title: error.text[lang],
    status: error.status,
    code: error.code,
    detail,
    message: error.text,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
    requestId: request.id,
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  return reply
    .status(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemFor(error, request));
}

function toAppError(error: FastifyError & { validationContext?: string }): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors: ProblemFieldError[] = [];
    for (const v of error.validation) {
      const params = v.params as Record<string, unknown>;
      const base = toFieldPath(error.validationContext, v.instancePath);
      const message = describeIssue({ code: v.keyword, message: v.message, ...params });
      if (v.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
        for (const key of params.keys as string[])
          fieldErrors.push({ path: base ? `${base}.${key}` : key, code: v.keyword, message });
      } else fieldErrors.push({ path: base, code: v.keyword, message });
    }
    return errors.validation(fieldErrors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', t('Dữ liệu gửi lên quá lớn', 'The request body is too large'));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.badRequest(
        'malformed_json',
        t('Nội dung JSON không hợp lệ, không đọc được', 'Malformed JSON body'),
        [{ path: 'body', code: 'malformed_json', message: t('JSON không đọc được', 'Unparsable JSON') }],
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', t('Kiểu nội dung không được hỗ trợ', 'Unsupported content type'));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.badRequest('invalid_content_length', t('Độ dài nội dung không khớp', 'Content length mismatch'));
  }
  if (error.statusCode === 429)
    return new AppError(429, 'rate_limited', t('Quá nhiều yêu cầu, vui lòng thử lại sau', 'Too many requests, try again later'));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return errors.badRequest('bad_request', t(`Yêu cầu không hợp lệ: ${error.message}`, `Bad request: ${error.message}`));
  return new AppError(500, 'internal', t('Lỗi hệ thống, vui lòng thử lại', 'Internal error, please try again'));
}

function parseTrustProxy(value: string): FastifyServerOptions['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return value.split(',').map((s) => s.trim());
}

/** The Fastify instance with everything cross-cutting: logs, schemas, errors, docs, cookies, static web. */
export async function createHttpApp(options: HttpOptions) {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: parseTrustProxy(options.trustProxy ?? 'false'),
    logger: {
      level: options.logLevel,
      // Personal data is never logged: no bodies, no query strings, no cookies, no credentials.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        remove: true,
      },
      serializers: {
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: req.url.split('?')[0],
          remoteAddress: req.ip,
        }),
      },
    },
  }).withTypeProvider<ZodTypeProvider>();

  /** Every route as registered, so tests can check the OpenAPI document covers them all. */
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', routes);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MộtCửa API',
        description: 'Nền tảng một cửa cho hành chính công / One-stop-shop platform for Vietnamese public administration',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, appError);
  });

  const indexHtml = options.webDistDir ? path.join(options.webDistDir, 'index.html') : undefined;
  if (options.webDistDir && fs.existsSync(options.webDistDir)) {
    await app.register(fastifyStatic, { root: options.webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (!pathname.startsWith('/api') && request.method === 'GET' && indexHtml && fs.existsSync(indexHtml)) {
      // The web apps route on the client: every page path gets the shell.
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexHtml));
    }
    return sendProblem(reply, request, errors.notFound(t('đường dẫn', 'Route')));
  });

  return app;
}

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
  }
}
