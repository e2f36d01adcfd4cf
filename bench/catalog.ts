/**
 * Catalog import speed and search latency (issue #4). Prints numbers; asserts nothing.
 *
 *   npx tsx bench/catalog.ts [--pglite] [--seconds N] [--connections N] [--search-only]
 *
 * 1. Imports the portal's 502 details and 5,670-entry list into a fresh, empty database (PostgreSQL at
 *    DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/postgres, or in-memory PGlite with
 *    --pglite), then again (nothing changes), reporting time and peak memory.
 * 2. Starts the whole system with the demo deployment (national procedures + Thành phố Hồ Chí Minh's own)
 *    and loads GET /api/public/procedures with autocannon over loopback, rotating through realistic
 *    queries (the relevance set: no diacritics, typos, synonyms, codes; broad words; filters; browsing),
 *    then the detail page. The load comes from a worker thread. Target: p99 under 20 ms.
 *    Answers are cached for a minute per instance, so the rotation above is mostly served from memory;
 *    a third run sends queries never asked before (2–4 consecutive words of a real procedure name,
 *    half of them without diacritics, some with a letter dropped), which all miss the answer cache and are searched afresh.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Database } from '@motcua/server/src/database.ts';
import { startTestSystem } from '@motcua/server/src/testing/harness.ts';
import { migrate, openDatabase } from '@motcua/server/src/platform/db.ts';
import { loadConfig } from '@motcua/server/src/platform/config.ts';
import { systemClock } from '@motcua/server/src/platform/clock.ts';
import { importCurrentUnits } from '@motcua/server/src/modules/units/units.import.ts';
import { importCatalogFile } from '@motcua/server/src/modules/catalog/catalog.import.ts';
import { countProcedures } from '@motcua/server/src/modules/catalog/catalog.repo.ts';
import { forgetUnderstoodQueries } from '@motcua/server/src/modules/catalog/catalog.search.ts';
import { unaccent } from '@motcua/core/notifications/unaccent.ts';

const { values } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'search-only': { type: 'boolean', default: false },
  },
});
if (values.pglite) delete process.env.DATABASE_URL;
else process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const config = loadConfig({ NODE_ENV: 'test' });
const catalogDir = path.join(config.SHARED_DATA_DIR, 'catalog');
const FILES = ['dvcqg_details_502.jsonl', 'dvcqg_catalog_5670.jsonl'];

/** Runs `work`, sampling the heap every 20 ms: how long it took and how high memory went. */
async function measured<T>(work: () => Promise<T>) {
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  return { result, ms, peakMb: (peak - heapBefore) / 1024 / 1024 };
}

async function scratchDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) return { url: undefined, drop: async () => {} };
  const name = `motcua_bench_${Date.now()}`;
  const admin = await openDatabase<Database>({ databaseUrl: server, pool: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}

async function benchImport() {
  const scratch = await scratchDatabase();
  const handle = await openDatabase<Database>({ databaseUrl: scratch.url });
  await migrate(handle.db);
  await handle.db.transaction().execute((trx) => importCurrentUnits(trx));
  console.log(`\nImport into an empty ${handle.engine} database (fresh, then the same files again)\n`);
  console.log('| file | run | records | new versions | anomalies | seconds | peak heap growth MB |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const run of ['fresh', 'again']) {
    for (const file of FILES) {
      const { result, ms, peakMb } = await measured(() =>
        importCatalogFile(handle.db, path.join(catalogDir, file), { clock: systemClock, actorId: null, sharedDataDir: config.SHARED_DATA_DIR }),
      );
      console.log(
        `| ${file} | ${run} | ${result.counts.records} | ${result.counts.versionsCreated} | ${result.anomalies.length} | ${(ms / 1000).toFixed(2)} | ${peakMb.toFixed(0)} |`,
      );
    }
  }
  const counts = await countProcedures(handle.db);
  console.log(`\n${counts.procedures} procedures, ${counts.versions} versions`);
  await handle.close();
  await scratch.drop();
}

interface RelevanceFile {
  queries: { q: string }[];
}

function searchPaths(): string[] {
  const relevance = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../server/test/fixtures/catalog-relevance.json'), 'utf8'),
  ) as RelevanceFile;
  const broad = ['đăng ký', 'cấp giấy phép', 'giấy chứng nhận', 'hộ tịch', 'thuế', 'dat dai', 'xin cap lai giay to bi mat'];
  const paths = [...relevance.queries.map((r) => r.q), ...broad].map((q) => `/api/public/procedures?q=${encodeURIComponent(q)}`);
  paths.push(
    `/api/public/procedures?q=${encodeURIComponent('kết hôn')}&level=commune`,
    `/api/public/procedures?field=${encodeURIComponent('Hộ tịch')}`,
    `/api/public/procedures?online=fully_online&page=2`,
    `/api/public/procedures?page=10`,
  );
  return paths;
}

/**
 * The load runs in a worker thread, so the client does not share the server's thread; the rotation
 * through `paths` comes from a small file the worker can load (functions cannot cross to a worker).
 */
async function load(base: string, paths: string[], seconds = Number(values.seconds)) {
  const rotation = path.join(os.tmpdir(), `motcua-bench-paths-${process.pid}-${paths.length}.cjs`);
  fs.writeFileSync(
    rotation,
    `const paths = ${JSON.stringify(paths)};\nlet next = Math.floor(Math.random() * paths.length);\n` +
      'module.exports = (request) => { request.path = paths[next++ % paths.length]; return request; };\n',
  );
  const result = await autocannon({
    url: base,
    workers: 1,
    connections: Number(values.connections),
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: rotation }],
  });
  fs.rmSync(rotation, { force: true });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.non2xx + result.errors,
  };
}

/**
 * A steady load: requests sent at evenly spaced moments (`rate` a second) from a worker thread, each timed
 * from the moment it was due, whether or not earlier ones had been answered. (autocannon's own rate
 * option sends each connection's quota for the second at once at the start of the second: bursts.)
 */
async function paced(base: string, paths: string[], seconds: number, rate: number) {
  const { Worker } = await import('node:worker_threads');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const { base, paths, seconds, rate } = workerData;
    const url = new URL(base);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const total = Math.round(seconds * rate), interval = 1000 / rate, latencies = [];
    let sent = 0, done = 0, errors = 0;
    const start = performance.now();
    const finish = () => { if (++done === total) { agent.destroy(); parentPort.postMessage({ latencies, errors }); } };
    const fire = (i) => {
      const due = start + i * interval;
      const request = http.get({ host: url.hostname, port: url.port, path: paths[i % paths.length], agent }, (res) => {
        res.resume();
        res.on('end', () => { latencies.push(performance.now() - due); if (res.statusCode !== 200) errors++; finish(); });
      });
      request.on('error', () => { errors++; finish(); });
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) fire(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();`;
  const worker = new Worker(code, { eval: true, workerData: { base, paths, seconds, rate } });
  const { latencies, errors } = await new Promise<{ latencies: number[]; errors: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return { rps: rate, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: Math.round(latencies[latencies.length - 1]!), errors };
}

if (!values['search-only']) await benchImport();

const system = await startTestSystem();
const { procedures } = await countProcedures(system.ctx.db);
const paths = searchPaths();
console.log(
  `\nSearch under load — engine ${system.ctx.engine}, ${procedures} procedures (the province shows the national ones and its own), ` +
    `${values.connections} connections, ${values.seconds} s per run, node ${process.version}\n`,
);
console.log('| load | distinct URLs | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
/**
 * Queries nobody asked yet: 2–4 consecutive words from real names, half without diacritics, one in five
 * with a letter dropped from its last word (a typo or an unfinished word), all distinct.
 */
async function freshQueries(count: number): Promise<string[]> {
  const names = (await sql<{ name: string }>`select name from procedure order by md5(code)`.execute(system.ctx.db)).rows.map((r) => r.name);
  const out = new Set<string>();
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; out.size < count && i < count * 20; i++) {
    const words = names[i % names.length]!.replace(/^Thủ tục\s+/i, '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length < 2) continue;
    const n = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, words.length - n + 1));
    let q = words.slice(start, start + n).join(' ').toLowerCase();
    if (random() < 0.5) q = unaccent(q);
    if (random() < 0.2 && q.length > 6) q = q.slice(0, -1);
    out.add(q);
  }
  return [...out].map((q) => `/api/public/procedures?q=${encodeURIComponent(q)}`);
}
const fresh = await freshQueries(12000);
const cases: [string, string[], number?][] = [
  ['search: relevance queries, broad words, filters, browse', paths],
  ['search: queries never asked before (answer cache missed), as fast as they are answered', fresh],
  ['search: queries never asked before, a steady 100 req/s (evenly spaced)', fresh, 100],
  ['search: queries never asked before, a steady 500 req/s (evenly spaced)', fresh, 500],
  ['detail page', ['1.001193', '1.000080', '2.001610', '1.004222', '3.000346'].map((c) => `/api/public/procedures/${c}`)],
];
for (const [label, list, rate] of cases) {
  // Warm-up on other URLs than the measured ones when the list is of fresh queries; each fresh run
  // starts from a fresh cache (the previous run asked some of them).
  const [warm, measured] = list === fresh ? [list.slice(0, 2000), list.slice(2000)] : [list, list];
  if (list === fresh) forgetUnderstoodQueries(system.ctx.db);
  await load(system.url, warm, 2); // warm-up
  const r = rate ? await paced(system.url, measured, Number(values.seconds), rate) : await load(system.url, measured, Number(values.seconds));
  console.log(`| ${label} | ${measured.length} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} |`);
}
// The harness drops its PostgreSQL database while the pool is still closing: PostgreSQL then ends the
// pool's idle connections (57P01), which is expected at this point and not a failure of the bench.
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code !== '57P01') throw error;
});
await system.close();
