import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { StaffPrincipal } from './principal.ts';
import { resolveSession } from './users.service.ts';

export const SESSION_COOKIE = 'motcua_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const resolved = new WeakMap<FastifyRequest, StaffPrincipal | null>();

/** The officer behind the request's session cookie, looked up once per request. */
export async function principalOf(ctx: AppContext, request: FastifyRequest): Promise<StaffPrincipal | null> {
  if (resolved.has(request)) return resolved.get(request)!;
  const token = request.cookies[SESSION_COOKIE];
  const principal = token ? await resolveSession(ctx.db, ctx.clock, token) : null;
  resolved.set(request, principal);
  return principal;
}

/**
 * preHandler for staff routes: a valid session, and for writes the CSRF token the session was given
 * (sent back in the `x-csrf-token` header, which a cross-site form cannot set).
 */
export function requireStaff(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await principalOf(ctx, request);
    if (!principal) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== principal.csrfToken)
      throw new AppError(403, 'csrf_failed', {
        vi: 'Thiếu hoặc sai mã chống giả mạo (x-csrf-token); hãy tải lại trang',
        en: 'Missing or wrong anti-forgery token (x-csrf-token); reload the page',
      });
  };
}

/** The principal a `requireStaff` route is running for. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  const principal = resolved.get(request);
  if (!principal) throw errors.unauthenticated();
  return principal;
}
