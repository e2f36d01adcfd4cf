import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';

export const eidCallbackPath = '/api/citizen/auth/eid/callback';

/**
 * The address browsers reach this server at, for redirect URIs and the sandbox issuer: PUBLIC_BASE_URL
 * when set; otherwise the request's own scheme and host (so http://127.0.0.1:port and
 * http://localhost:port both work in development and tests).
 */
export function publicBaseUrl(ctx: AppContext, request: FastifyRequest): string {
  if (ctx.config.PUBLIC_BASE_URL) return ctx.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  const host = request.host || `localhost:${ctx.config.PORT}`;
  return `${request.protocol}://${host}`;
}
