/**
 * npm run bench -w bench -- dossiers [--rows 1000000] [--seconds 10] [--connections 20] [--also 5,1] [--warmup 3]
 *   [--only lookup|reception] [--profile PREFIX] [--contact]
 *
 * Loads a fresh PostgreSQL database (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/postgres)
 * with `--rows` dossiers made in SQL, then measures with autocannon over loopback:
 *  - receptions (POST /api/dossiers: session, catalog lookup, gap-free code, event, projection, detail answer);
 *  - public status lookups (GET /api/public/dossiers/:code?secret=…);
 * each next to a bare route doing the essential SQL only (the limit), at `--connections` (the headline)
 * and again at each of `--also`, every run after `--warmup` unmeasured seconds. Receptions all go to one
 * unit on one day, so they queue on that unit's daily counter row (gap-free codes): fewer connections
 * show the cost of one reception without that queue. The load comes from a child process
 * (dossiers.load.ts), so the CPU time this process spends per request is the server's own; the CPU time of
 * the PostgreSQL backends serving the database's connections is read from /proc (same machine only).
 * Before the runs, 200 requests of each kind are timed one at a time (after 50 unmeasured).
 * With `--contact` the applicant gives a phone number, so the notifications module queues a message in
 * the reception's transaction (the path without grouped writes).
 * With `--profile PREFIX`, the server's CPU profile during each headline run is written to
 * PREFIX-<kind>.cpuprofile (open it in Chrome's DevTools).
 * Prints numbers; asserts nothing.
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { startTestSystem, ApiClient } from '@motcua/server/src/testing/harness.ts';
import type { LoadResult, LoadRun } from './dossiers.load.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'dossiers'),
  options: { rows: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, also: { type: 'string', default: '5,1' }, warmup: { type: 'string', default: '3' }, only: { type: 'string' }, profile: { type: 'string' }, contact: { type: 'boolean', default: false } },
});
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(values.rows);

const system = await startTestSystem({ env: { COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOOKUP_RATE_LIMIT_PER_MINUTE: '100000000' } });
const db = system.ctx.db;
const api = new ApiClient(system.url);
await api.login('tiepnhan');
const units = (await api.get('/api/public/units')).body as { id: string; kind: string; communeCode: string | null; code: string }[];
const centre = units.find((u) => u.kind === 'service_centre')!;
const commune = units.find((u) => u.communeCode === '25969')!;

// One real reception gives the procedure version and template ids to copy.
const seed = (await api.post('/api/dossiers', {
  idempotencyKey: randomUUID(), procedureCode: '1.004222', channel: 'in_person', receivingUnitId: centre.id, competentUnitId: commune.id,
  applicant: { fullName: 'Người mẫu', idNumber: '079085001234' }, documents: [], returnMethod: 'counter', outcome: 'receive',
})).body;
const t0 = Date.now();
await sql`
  insert into dossier (id, code, lookup_secret, rule_version, channel, procedure_code, procedure_name, procedure_version_id,
    process_template_id, duration, supplement_policy, receiving_unit_id, competent_unit_id, applicant, applicant_id_number,
    return_method, created_at, version, status, holding_unit_id, holding_unit_path, received_at, due_at, effective_due_at, updated_at)
  select gen_random_uuid(), 'BENCH.' || lpad(g::text, 8, '0'), 'SECRET' || (g % 9973), d.rule_version, 1 + g % 3, d.procedure_code, d.procedure_name,
    d.procedure_version_id, d.process_template_id, d.duration, d.supplement_policy, d.receiving_unit_id, d.competent_unit_id, d.applicant,
    d.applicant_id_number, d.return_method, now() - (g || ' minutes')::interval, 2, 4, d.holding_unit_id, d.holding_unit_path,
    now() - (g || ' minutes')::interval, now() + ((g % 5000) || ' minutes')::interval, now() + ((g % 5000) || ' minutes')::interval, now()
  from dossier d, generate_series(1, ${rows}) g where d.id = ${seed.id}`.execute(db);
await sql`
  insert into dossier_event (dossier_id, seq, type, at, actor_id, unit_id, from_status, to_status, data)
  select id, s.seq, s.type, received_at, null, receiving_unit_id, s.from_status, s.to_status, '{}'::jsonb
  from dossier, (values (1, 'received', null::smallint, 2::smallint), (2, 'assigned', 2::smallint, 4::smallint)) as s(seq, type, from_status, to_status)
  where code like 'BENCH.%'`.execute(db);
await sql`analyze`.execute(db);
console.log(`\nloaded ${rows.toLocaleString()} dossiers (+ ${(2 * rows).toLocaleString()} events) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const bare = Fastify({ logger: false });
bare.get<{ Params: { code: string }; Querystring: { secret: string } }>('/bare/lookup/:code', async (request) =>
  db.selectFrom('dossier').select(['code', 'status', 'effective_due_at', 'lookup_secret']).where('code', '=', request.params.code).executeTakeFirst());
bare.post('/bare/reception', async () => {
  // What a reception must write: the code from the counter, the dossier (with its idempotency key) and
  // its two events in one statement, on its own (no begin or commit round trips), one per request.
  const id = randomUUID();
    await sql`with counter as (
        insert into dossier_code_counter (unit_id, day, last) values (${centre.id}, 'bare', 1)
        on conflict (unit_id, day) do update set last = dossier_code_counter.last + 1 returning last),
      d as (insert into dossier (id, code, lookup_secret, idempotency_key, rule_version, channel, procedure_code, procedure_name,
          procedure_version_id, case_code, process_template_id, duration, supplement_policy, cutoff_15h, cutoff_last_hour,
          receiving_unit_id, competent_unit_id, applicant, representative, applicant_id_number, return_method, return_address,
          created_at, version, status, holding_unit_id, holding_unit_path, step_index, received_at, due_at, effective_due_at, updated_at)
        select ${id}, (select 'BARE-' || last from counter), lookup_secret, ${randomUUID()}, rule_version, channel, procedure_code,
          procedure_name, procedure_version_id, case_code, process_template_id, duration, supplement_policy, cutoff_15h, cutoff_last_hour,
          receiving_unit_id, competent_unit_id, applicant, representative, applicant_id_number, return_method, return_address,
          now(), version, status, holding_unit_id, holding_unit_path, step_index, now(), due_at, effective_due_at, now()
        from dossier where id = ${seed.id} returning id)
      insert into dossier_event (dossier_id, seq, type, at, actor_id, unit_id, from_status, to_status, reason, data)
      select id, s.seq, s.type, now(), null, ${centre.id}, s.from_status, s.to_status, null, '{}'
      from d, (values (1, 'received', null::smallint, 2::smallint), (2, 'assigned', 2::smallint, 4::smallint)) as s(seq, type, from_status, to_status)`.execute(db);
  return { id };
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const duration = Number(values.seconds);
// The load comes from a child process (dossiers.load.ts): autocannon does not share the server's
// process, so this process's CPU time per request is the server's own (the bare routes' server, idle
// while the real routes run, lives here too).
const loader = fork(path.join(import.meta.dirname, 'dossiers.load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const load = (run: Omit<LoadRun, 'rows' | 'centreId' | 'communeId' | 'headers' | 'contact'>) =>
  new Promise<LoadResult>((resolve) => {
    loader.once('message', (m) => resolve(m as LoadResult));
    loader.send({ ...run, rows, contact: values.contact, centreId: centre.id, communeId: commune.id, headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken, 'content-type': 'application/json' } } satisfies LoadRun);
  });

/** CPU time (ms) of the PostgreSQL backends serving this database's connections, from /proc (same machine only). */
async function postgresCpuMs(): Promise<Map<number, number>> {
  const pids = (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db)).rows.map((r) => r.pid);
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // Not on this machine, or gone.
    }
  }
  return out;
}
const postgresCpuSince = async (before: Map<number, number>) => {
  let sum = 0;
  for (const [pid, ms] of await postgresCpuMs()) sum += ms - (before.get(pid) ?? 0);
  return sum;
};

async function run(connections: number, kind: LoadRun['kind']) {
  const url = kind.startsWith('bare') ? bareUrl : system.url;
  // Unmeasured first: the code paths compiled and the pools filled, as in a server that has been up a while.
  if (Number(values.warmup) > 0) await load({ kind, url, connections, seconds: Number(values.warmup) });
  const profiling = values.profile && !kind.startsWith('bare') && connections === levels[0] ? await startProfile() : null;
  const cpu = process.cpuUsage();
  const pgCpu = await postgresCpuMs();
  const r = await load({ kind, url, connections, seconds: duration });
  const used = process.cpuUsage(cpu);
  if (profiling) await profiling(`${values.profile}-${kind}.cpuprofile`);
  const pgUsed = await postgresCpuSince(pgCpu);
  const n = Math.max(1, r.total);
  return { ...r, cpu: (used.user + used.system) / 1000 / n, pgCpu: pgUsed / n };
}

/** A CPU profile of this process (the server) from now until the returned function writes it to `file`. */
async function startProfile() {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async (file: string) => {
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile written to ${file}`);
  };
}

/** One request at a time, timed from the client: what a single reception or lookup costs on an idle server. */
async function single(kind: 'lookup' | 'reception', count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    if (kind === 'lookup') {
      const code = `BENCH.${String(1 + Math.floor(Math.random() * rows)).padStart(8, '0')}`;
      const res = await fetch(`${system.url}/api/public/dossiers/${code}?secret=SECRET${Number(code.slice(6)) % 9973}`);
      await res.arrayBuffer();
    } else {
      await api.post('/api/dossiers', {
        idempotencyKey: randomUUID(), procedureCode: '1.004222', channel: 'in_person', receivingUnitId: centre.id, competentUnitId: commune.id,
        applicant: { fullName: 'Nguyễn Văn Bench', idNumber: '079085001234' }, documents: [], returnMethod: 'counter', outcome: 'receive', forward: true,
      });
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(count / 2)]!, p90: times[Math.floor(count * 0.9)]! };
}

const cases = [
  { endpoint: 'GET /api/public/dossiers/:code (lookup)', name: 'lookup', real: 'lookup', bare: 'bareLookup' },
  { endpoint: 'POST /api/dossiers (reception)', name: 'reception', real: 'reception', bare: 'bareReception' },
] as const;
const only = values.only ? values.only.split(',') : ['lookup', 'reception'];
const levels = [Number(values.connections), ...values.also.split(',').filter(Boolean).map(Number).filter((n) => n !== Number(values.connections))];
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = loadAverage();
const singles: string[] = [];
for (const c of cases) {
  if (!only.includes(c.name)) continue;
  await single(c.name, 50); // warm-up
  const s = await single(c.name, 200);
  singles.push(`${c.name}: median ${s.median.toFixed(2)} ms, p90 ${s.p90.toFixed(2)} ms`);
}
const lines: string[] = [];
for (const connections of levels)
  for (const c of cases) {
    if (!only.includes(c.name)) continue;
    const real = await run(connections, c.real);
    const limit = await run(connections, c.bare);
    lines.push(`| ${c.endpoint} | ${connections} | ${real.rps} | ${real.p50} | ${real.p99} | ${real.errors} | ${real.cpu.toFixed(2)} | ${real.pgCpu.toFixed(2)} | ${limit.rps} | ${limit.p50} | ${limit.p99} | ${limit.cpu.toFixed(2)} | ${limit.pgCpu.toFixed(2)} | ${limit.errors} |`);
  }

console.log(`MộtCửa dossier bench — PostgreSQL, ${rows.toLocaleString()} dossiers, ${duration}s per run, node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore} before and ${loadAverage()} after\n`);
console.log(`One request at a time (200, client-timed): ${singles.join('; ')}\n`);
console.log('| endpoint | connections | req/s | p50 ms | p99 ms | errors | CPU ms/req | PG CPU ms/req | bare req/s | bare p50 | bare p99 | bare CPU ms/req | bare PG CPU ms/req | bare errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of lines) console.log(line);
loader.disconnect();
await bare.close();
await system.close();
