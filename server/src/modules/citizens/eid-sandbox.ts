import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Provider from 'oidc-provider';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { DEMO_CITIZENS, type DemoCitizen } from './demo-citizens.ts';
import { eidCallbackPath, publicBaseUrl } from './public-url.ts';

/**
 * A stand-in for the national electronic identity (VNeID-style level-2 accounts) for the demo and the
 * tests: a real OpenID Connect provider (oidc-provider) mounted at /sandbox/eid, with a one-page sign-in
 * that lists the demo citizens. Its state (codes, sessions) lives in memory: one process, demo only.
 */
export const SANDBOX_PREFIX = '/sandbox/eid';
const LOGIN_PREFIX = '/sandbox/eid-login';

function claimsOf(c: DemoCitizen) {
  return {
    sub: c.subject,
    name: c.fullName,
    birthdate: c.birthDate,
    phone_number: c.phone,
    phone_number_verified: true,
    address: { formatted: c.addressDetail, street_address: c.addressDetail, locality: c.communeName, country: 'VN' },
    // VNeID-style level-2 facts: the 12-digit personal identification number and the current commune code.
    id_number: c.idNumber,
    commune_code: c.communeCode,
    identity_level: 2,
  };
}

function makeProvider(ctx: AppContext, base: string) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: 'sandbox-1', use: 'sig', alg: 'RS256' };
  const provider = new Provider(`${base}${SANDBOX_PREFIX}`, {
    clients: [
      {
        client_id: ctx.config.EID_CLIENT_ID,
        client_secret: ctx.config.EID_CLIENT_SECRET,
        redirect_uris: [`${base}${eidCallbackPath}`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 300, IdToken: 300 },
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate'],
      phone: ['phone_number', 'phone_number_verified'],
      address: ['address'],
      vneid: ['id_number', 'commune_code', 'identity_level'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${LOGIN_PREFIX}/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const c = DEMO_CITIZENS.find((x) => x.subject === sub);
      return c ? { accountId: sub, claims: async () => claimsOf(c) } : undefined;
    },
    // A first-party sandbox: the citizen's consent is taken as given for the scopes the portal asks.
    loadExistingGrant: async (octx: { oidc: { client: { clientId: string }; session: { accountId: string; grantIdFor(id: string): string | undefined }; result?: { consent?: { grantId?: string } }; provider: { Grant: { find(id: string): Promise<unknown> } } } }) => {
      const grantId = octx.oidc.result?.consent?.grantId ?? octx.oidc.session.grantIdFor(octx.oidc.client.clientId);
      if (grantId) return octx.oidc.provider.Grant.find(grantId);
      const grant = new provider.Grant({ accountId: octx.oidc.session.accountId, clientId: octx.oidc.client.clientId });
      grant.addOIDCScope(ctx.config.EID_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: async (koaCtx: { type: string; body: string }, out: { error: string; error_description?: string }) => {
      koaCtx.type = 'html';
      koaCtx.body = page('Lỗi đăng nhập / Sign-in error', `<p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
    },
  });
  provider.proxy = ctx.config.TRUST_PROXY !== 'false';
  return provider;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f3f5f8;color:#1b1f24}main{max-width:28rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.3rem;color:#b3261e}.card{background:#fff;border-radius:10px;padding:1rem;margin:.75rem 0;box-shadow:0 1px 3px #0002}
button{width:100%;font-size:1rem;padding:.8rem;border:0;border-radius:8px;background:#b3261e;color:#fff;margin-top:.5rem;cursor:pointer}
small{color:#555}</style></head><body><main>${body}</main></body></html>`;
}

export function registerEidSandbox(app: HttpApp, ctx: AppContext) {
  const providers = new Map<string, Provider>();
  const providerFor = (request: FastifyRequest) => {
    const base = publicBaseUrl(ctx, request);
    let provider = providers.get(base);
    if (!provider) providers.set(base, (provider = makeProvider(ctx, base)));
    return provider;
  };

  app.register(async (scoped) => {
    // The provider reads its own request bodies (token endpoint, forms): leave the stream untouched.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    const handler = {
      schema: { hide: true },
      onRequest: (request: FastifyRequest, reply: import('fastify').FastifyReply, done: () => void) => {
        const provider = providerFor(request);
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = raw.url!.slice(SANDBOX_PREFIX.length) || '/';
        reply.hijack();
        provider.callback()(raw, reply.raw);
        void done;
      },
    };
    scoped.all(`${SANDBOX_PREFIX}/*`, handler, async () => undefined);
  });

  app.register(async (scoped) => {
    scoped.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    scoped.get(`${LOGIN_PREFIX}/:uid`, { schema: { hide: true } }, async (request, reply) => {
      const provider = providerFor(request);
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const list = DEMO_CITIZENS.map(
        (c) => `<form class="card" method="post" action="${LOGIN_PREFIX}/${escapeHtml(details.uid)}/login"><input type="hidden" name="account" value="${escapeHtml(c.subject)}">
<strong>${escapeHtml(c.fullName)}</strong><br><small>Số định danh ${escapeHtml(c.idNumber)} · sinh ngày ${escapeHtml(c.birthDate)}</small><br><small>${escapeHtml(c.addressDetail)}, ${escapeHtml(c.communeName)}</small>
<button type="submit">Đăng nhập với tài khoản này</button></form>`,
      ).join('');
      return reply
        .type('text/html; charset=utf-8')
        .send(page('Định danh điện tử (thử nghiệm)', `<h1>Định danh điện tử — môi trường thử nghiệm</h1><p>Sandbox national e-ID: choose a demo citizen (level-2 account). Không dùng dữ liệu thật.</p>${list}`));
    });
    scoped.post(`${LOGIN_PREFIX}/:uid/login`, { schema: { hide: true } }, async (request, reply) => {
      const provider = providerFor(request);
      const account = (request.body as Record<string, string> | undefined)?.account;
      const known = DEMO_CITIZENS.some((c) => c.subject === account);
      reply.hijack();
      await provider.interactionFinished(request.raw, reply.raw, known ? { login: { accountId: account } } : { error: 'access_denied', error_description: 'unknown demo account' }, { mergeWithLastSubmission: false });
    });
  });
}
