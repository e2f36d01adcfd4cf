import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import * as repo from './citizens.repo.ts';
import { hashSecret } from './citizens.service.ts';

/** Separate from the staff cookie (`motcua_session`): a citizen session never reaches staff routes. */
export const CITIZEN_COOKIE = 'motcua_citizen';
export const CITIZEN_CSRF_HEADER = 'x-citizen-csrf';

export type CitizenPrincipal = repo.CitizenRow & { csrf_token: string; token_hash: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const resolved = new WeakMap<FastifyRequest, CitizenPrincipal | null>();

export async function citizenPrincipalOf(ctx: AppContext, request: FastifyRequest): Promise<CitizenPrincipal | null> {
  if (resolved.has(request)) return resolved.get(request)!;
  const token = request.cookies[CITIZEN_COOKIE];
  const row = token ? ((await repo.sessionCitizen(ctx.db, hashSecret(token), ctx.clock.now())) ?? null) : null;
  resolved.set(request, row);
  return row;
}

/** preHandler for citizen routes: a live citizen session and, for writes, its CSRF token in `x-citizen-csrf`. */
export function requireCitizen(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await citizenPrincipalOf(ctx, request);
    if (!principal) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers[CITIZEN_CSRF_HEADER] !== principal.csrf_token)
      throw new AppError(403, 'csrf_failed', {
        vi: 'Thiếu hoặc sai mã chống giả mạo (x-citizen-csrf); hãy tải lại trang',
        en: 'Missing or wrong anti-forgery token (x-citizen-csrf); reload the page',
      });
  };
}

export function citizenOf(request: FastifyRequest): CitizenPrincipal {
  const principal = resolved.get(request);
  if (!principal) throw errors.unauthenticated();
  return principal;
}
