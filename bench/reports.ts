/**
 * Dashboard speed on a large generated set (issue #9). Prints numbers; asserts nothing.
 *
 *   npm run bench -w bench -- reports [--dossiers 10000000] [--seconds 10] [--connections 10] [--days 365]
 *   DATABASE_URL=postgres://…/loaded npm run bench -w bench -- reports --existing   (time a database loaded beforehand)
 *
 * 1. A fresh scratch PostgreSQL database (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/postgres),
 *    copied from the seeded template and dropped at the end, is loaded with `--dossiers` synthetic dossiers by
 *    the generator (`generateSynthetic`, with `rebuildIndexes`): dossiers/s.
 * 2. The refresh brings the counters up to date (it has nothing to read: the generator moved the watermark).
 * 3. autocannon over loopback loads what the dashboard page calls, as the province supervisor: figures for
 *    the whole province, for a unit's subtree, for a procedure (detail counters), month/quarter/year; the late
 *    list; the QĐ 766 index. Periods and units rotate.
 * 4. Next to it, a bare route computing the same on-time figure naively: GROUP BY over all dossiers whose
 *    result falls in the period (no counters), with fewer connections since each request scans the table.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { startTestSystem, ApiClient } from '@motcua/server/src/testing/harness.ts';
import { loadConfig } from '@motcua/server/src/platform/config.ts';
import { startSystem } from '@motcua/server/src/system.ts';
import { generateSynthetic } from '@motcua/server/src/modules/reports/reports.synthetic.ts';
import { refreshCounters } from '@motcua/server/src/modules/reports/reports.refresh.ts';
import { periodAt } from '@motcua/core/reports/periods.ts';
import { instantOfVietnamDay } from '@motcua/core/calendar/vietnam-time.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'reports'),
  options: {
    dossiers: { type: 'string', default: '10000000' },
    days: { type: 'string', default: '365' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    // Time the API on the database DATABASE_URL names as it is (already loaded, e.g. by seed:synthetic), without generating.
    existing: { type: 'boolean', default: false },
  },
});
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const dossiers = Number(values.dossiers);
const duration = Number(values.seconds);
const connections = Number(values.connections);

const benchEnv = { COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', SESSION_HOURS: '24' };
const system = values.existing ? await startExisting() : await startTestSystem({ env: benchEnv });

async function startExisting() {
  const started = await startSystem(loadConfig({ ...process.env, ...benchEnv, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), { inMemory: true });
  await started.app.listen({ port: 0, host: '127.0.0.1' });
  const address = started.app.server.address();
  return { ...started, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}
const db = system.ctx.db;
const bare = Fastify({ logger: false });
try {
  const now = new Date();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  let t0 = performance.now();
  let last = t0;
  const made = values.existing ? { dossiers: Number((await sql<{ n: number }>`select count(*)::bigint as n from dossier`.execute(db)).rows[0]!.n) } : await generateSynthetic(db, {
    dossiers,
    now,
    days: Number(values.days),
    rebuildIndexes: true,
    onProgress: (done) => {
      const t = performance.now();
      if (t - last > 10_000 || done === dossiers) {
        last = t;
        process.stdout.write(`  ${done.toLocaleString()} dossiers, ${Math.round(done / ((t - t0) / 1000))}/s\n`);
      }
    },
  });
  const genSeconds = (performance.now() - t0) / 1000;
  // As autovacuum would in time: fresh planner statistics, and the visibility map for index-only scans.
  if (!values.existing) await sql`vacuum analyze`.execute(db);
  t0 = performance.now();
  await refreshCounters({ db });
  const refreshMs = performance.now() - t0;
  const size = await sql<{ events: number; details: number; bytes: string }>`
    select (select count(*) from dossier_event)::int as events, (select count(*) from report_counter_detail)::int as details,
      pg_size_pretty(pg_database_size(current_database())) as bytes`.execute(db);

  const api = new ApiClient(system.url);
  await api.login('giamsat');
  const units = (await api.get('/api/units')).body as { id: string; kind: string; name: string }[];
  const communes = units.filter((u) => u.kind === 'commune_committee' || u.kind === 'department').slice(0, 20);
  const procedures = (await sql<{ code: string }>`select procedure_code as code from report_dossier_fact group by 1 order by count(*) desc limit 20`.execute(db)).rows.map((r) => r.code);
  const today = now.toISOString().slice(0, 10);
  const dayBack = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  const ats = [today, dayBack(35), dayBack(70), dayBack(120), dayBack(200), dayBack(300)];
  let i = 0;
  const rotate = <T>(xs: T[]) => xs[i++ % xs.length]!;

  async function run(url: string, paths: () => string, options: { connections?: number; timeout?: number } = {}) {
    const r = await autocannon({
      url,
      duration,
      connections: options.connections ?? connections,
      timeout: options.timeout ?? 10,
      headers: { cookie: api.cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths() }) }],
    });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts };
  }

  // The naive way: the on-time rate of results in the period, per competent unit, straight from the dossiers.
  bare.get<{ Querystring: { at: string; grain: 'month' | 'quarter' | 'year' } }>('/naive/on-time', async (request) => {
    const p = periodAt(request.query.grain, request.query.at);
    const { rows } = await sql<{ unit_id: string; processed: number; on_time: number }>`
      select competent_unit_id as unit_id, count(*)::int as processed,
        count(*) filter (where timeliness is null or timeliness in ('early', 'on_time'))::int as on_time
      from dossier
      where result_issued_at >= ${new Date(instantOfVietnamDay(p.from))} and result_issued_at < ${new Date(instantOfVietnamDay(p.to))}
      group by competent_unit_id`.execute(db);
    const processed = rows.reduce((s, r) => s + r.processed, 0);
    return { processed, onTimeRate: processed ? rows.reduce((s, r) => s + r.on_time, 0) / processed : null };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const cases: { name: string; url: string; path: () => string; connections?: number; timeout?: number }[] = [
    { name: 'GET /api/reports/figures (province, month)', url: system.url, path: () => `/api/reports/figures?grain=month&at=${rotate(ats)}` },
    { name: 'GET /api/reports/figures (unit subtree, month/quarter/year)', url: system.url, path: () => `/api/reports/figures?grain=${rotate(['month', 'quarter', 'year'])}&at=${rotate(ats)}&unitId=${rotate(communes).id}` },
    { name: 'GET /api/reports/figures (procedure, quarter)', url: system.url, path: () => `/api/reports/figures?grain=quarter&at=${rotate(ats)}&procedureCode=${rotate(procedures)}` },
    { name: 'GET /api/reports/late (month, 20 a page)', url: system.url, path: () => `/api/reports/late?grain=month&at=${rotate(ats)}&pageSize=20` },
    { name: 'GET /api/reports/index (QĐ 766, quarter)', url: system.url, path: () => `/api/reports/index?grain=quarter&at=${rotate(ats)}` },
    { name: 'naive GROUP BY over dossiers: on-time rate (month)', url: bareUrl, path: () => `/naive/on-time?grain=month&at=${rotate(ats)}`, connections: 2, timeout: 120 },
    { name: 'naive GROUP BY over dossiers: on-time rate (year)', url: bareUrl, path: () => `/naive/on-time?grain=year&at=${rotate(ats)}`, connections: 2, timeout: 120 },
  ];
  const results = [];
  for (const c of cases) results.push({ c, r: await run(c.url, c.path, c) });

  console.log(`\nMộtCửa reports bench — PostgreSQL, ${made.dossiers.toLocaleString()} synthetic dossiers over ${values.days} days (${size.rows[0]!.events.toLocaleString()} events, ${size.rows[0]!.details.toLocaleString()} detail counter rows, database ${size.rows[0]!.bytes}), ${duration}s per run, node ${process.version}, load at start ${load}\n`);
  if (!values.existing) console.log(`generator: ${made.dossiers.toLocaleString()} dossiers in ${genSeconds.toFixed(1)} s = ${Math.round(made.dossiers / genSeconds).toLocaleString()} dossiers/s; refresh afterwards ${refreshMs.toFixed(0)} ms\n`);
  if ('timings' in made) console.log(`generator time in s: ${Object.entries(made.timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join(', ')}\n`);
  console.log('| endpoint | connections | req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const { c, r } of results) console.log(`| ${c.name} | ${c.connections ?? connections} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  console.log(`\nload at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await bare.close();
  await system.close();
}
