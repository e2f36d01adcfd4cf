/**
 * npm run bench [-- --pglite] [--seconds N] [--connections N]
 * npm run bench -w bench -- NAME [options]: one of the other benches (calendar, catalog, documents,
 * dossiers, queue, reports), with its own options.
 *
 * Starts the whole system on a fresh PostgreSQL database (DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432/postgres) or on in-memory PGlite with --pglite, loads it with
 * autocannon over loopback, and prints requests/s and p50/p99 latency per endpoint, next to a bare
 * Fastify route that runs the same SQL without validation, auth plumbing or serialisation: the limit
 * the real route is compared against. Prints numbers; asserts nothing.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { parseArgs } from 'node:util';
import { startTestSystem } from '@motcua/server/src/testing/harness.ts';
import { ApiClient } from '@motcua/server/src/testing/harness.ts';
import { currentMigration } from '@motcua/server/src/platform/db.ts';
import { hashToken } from '@motcua/server/src/modules/users/users.service.ts';
import { sessionWithAccount } from '@motcua/server/src/modules/users/users.repo.ts';
import { findUnit } from '@motcua/server/src/modules/units/units.repo.ts';

const BENCHES = ['calendar', 'catalog', 'documents', 'dossiers', 'queue', 'reports', 'reports-profile'];
const named = process.argv[2];
if (named && !named.startsWith('-')) {
  if (!BENCHES.includes(named)) throw new Error(`unknown bench "${named}": one of ${BENCHES.join(', ')}`);
  process.argv.splice(2, 1);
  await import(`./${named}.ts`);
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});

if (values.pglite) delete process.env.DATABASE_URL;
else process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const system = await startTestSystem({ env: { COOKIE_SECURE: 'false' } });
const db = system.ctx.db;
const api = new ApiClient(system.url);
await api.login('lanhdao');
const unit = (await api.get('/api/units')).body.find((u: { kind: string }) => u.kind === 'commune_committee');
const token = decodeURIComponent(api.cookie.split('=')[1] ?? '');

// The comparison: the same queries behind a bare route.
const bare = Fastify({ logger: false });
bare.get('/bare/health', async () => ({ status: 'ok', migration: await currentMigration(db) }));
bare.get<{ Params: { id: string } }>('/bare/units/:id', async (request, reply) => {
  const session = await sessionWithAccount(db, hashToken(token), new Date()); // with the grants
  if (!session) return reply.status(401).send();
  return findUnit(db, request.params.id);
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareAddress = bare.server.address();
const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}`;

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url,
    headers,
    connections: Number(values.connections),
    duration: Number(values.seconds),
  });
  const errors = result.non2xx + result.errors;
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors };
}

const cases = [
  { endpoint: 'GET /api/health', real: () => load(`${system.url}/api/health`), bare: () => load(`${bareUrl}/bare/health`) },
  {
    endpoint: 'GET /api/units/:id (signed in)',
    real: () => load(`${system.url}/api/units/${unit.id}`, { cookie: api.cookie }),
    bare: () => load(`${bareUrl}/bare/units/${unit.id}`),
  },
];

console.log(`\nMộtCửa bench — engine ${system.ctx.engine}, ${values.connections} connections, ${values.seconds}s per run, node ${process.version}\n`);
console.log('| endpoint | req/s | p50 ms | p99 ms | errors | bare req/s | bare p50 | bare p99 | real/bare |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const c of cases) {
  const real = await c.real();
  const limit = await c.bare();
  console.log(
    `| ${c.endpoint} | ${real.rps} | ${real.p50} | ${real.p99} | ${real.errors} | ${limit.rps} | ${limit.p50} | ${limit.p99} | ${(real.rps / limit.rps).toFixed(2)} |`,
  );
}
await bare.close();
await system.close();
