/**
 * One request at a time against an already loaded database (e.g. after `npm run seed:synthetic`):
 * for each dashboard endpoint, wall and CPU ms per request (the server runs in this process), the
 * number of SQL statements it runs, and, with --explain, EXPLAIN (ANALYZE, BUFFERS) of every statement
 * of its last call. Prints numbers; asserts nothing.
 *
 *   DATABASE_URL=postgres://…/db npm run bench -w bench -- reports-profile [--repeat 5] [--explain]
 */
import pg from 'pg';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '@motcua/server/src/platform/config.ts';
import { startSystem } from '@motcua/server/src/system.ts';
import { ApiClient } from '@motcua/server/src/testing/harness.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'reports-profile'),
  options: { repeat: { type: 'string', default: '5' }, explain: { type: 'boolean', default: false }, only: { type: 'string' } },
});
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the loaded database');

type Logged = { text: string; values: unknown[]; ms: number };
let log: Logged[] | null = null;
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text: string; values?: unknown[] };
  const text = typeof first === 'string' ? first : first?.text;
  const vals = (typeof first === 'string' ? args[1] : first?.values) as unknown[] | undefined;
  const entry = log && typeof text === 'string' ? { text, values: vals ?? [], ms: 0 } : null;
  if (entry) log!.push(entry);
  const t0 = performance.now();
  const result = original.apply(this, args);
  if (entry && result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(() => (entry.ms = performance.now() - t0), () => {});
  return result;
} as never;

const system = await startSystem(loadConfig({ ...process.env, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }), { inMemory: true });
await system.app.listen({ port: 0, host: '127.0.0.1' });
const address = system.app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
try {
  const db = system.ctx.db;
  const api = new ApiClient(url);
  await api.login('giamsat');
  const units = (await api.get('/api/units')).body as { id: string; kind: string }[];
  const commune = units.find((u) => u.kind === 'commune_committee')!;
  const procedure = (await sql<{ code: string }>`select procedure_code as code from report_dossier_fact group by 1 order by count(*) desc limit 1`.execute(db)).rows[0]!.code;
  const facts = (await sql<{ n: number }>`select count(*)::int as n from report_dossier_fact`.execute(db)).rows[0]!.n;
  const at = new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10);
  const cases = [
    ['figures, province, month', `/api/reports/figures?grain=month&at=${at}`],
    ['figures, a unit subtree, quarter', `/api/reports/figures?grain=quarter&at=${at}&unitId=${commune.id}`],
    ['figures, a procedure, quarter', `/api/reports/figures?grain=quarter&at=${at}&procedureCode=${procedure}`],
    ['late list, month, 20 a page', `/api/reports/late?grain=month&at=${at}&pageSize=20`],
    ['late list, a unit, year, page 3', `/api/reports/late?grain=year&at=${at}&pageSize=20&page=3&unitId=${commune.id}`],
    ['QĐ 766 index, quarter', `/api/reports/index?grain=quarter&at=${at}`],
    ['QĐ 766 index, week', `/api/reports/index?grain=week&at=${at}`],
  ].filter(([name]) => !values.only || name!.includes(values.only));
  console.log(`${facts.toLocaleString()} dossiers; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log('| endpoint | first ms | median ms | min ms | CPU ms (median) | SQL statements | slowest statement ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const explains: string[] = [];
  for (const [name, path] of cases) {
    const walls: number[] = [];
    const cpus: number[] = [];
    let statements: Logged[] = [];
    for (let i = 0; i < Number(values.repeat) + 1; i++) {
      log = [];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await api.get(path!);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      walls.push(wall);
      cpus.push((cpu.user + cpu.system) / 1000);
      statements = log;
      log = null;
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rest = walls.slice(1);
    console.log(`| ${name} | ${walls[0]!.toFixed(0)} | ${median(rest).toFixed(1)} | ${Math.min(...rest).toFixed(1)} | ${median(cpus.slice(1)).toFixed(1)} | ${statements.length} | ${Math.max(...statements.map((s) => s.ms)).toFixed(1)} |`);
    if (values.explain)
      for (const s of statements) {
        if (!/^\s*select/i.test(s.text) && !/^\s*with/i.test(s.text)) continue;
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        const plan = await original.call(client, `explain (analyze, buffers) ${s.text}`, s.values) as { rows: { 'QUERY PLAN': string }[] };
        await client.end();
        explains.push(`-- ${name}: ${s.ms.toFixed(1)} ms in the request\n${s.text.replace(/\s+/g, ' ').slice(0, 400)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
      }
  }
  if (explains.length) console.log('\n' + explains.join('\n'));
} finally {
  await system.close();
}
