/**
 * npm run bench -w bench -- dossiers [--rows 1000000] [--seconds 10] [--connections 20] [--also 5,1] [--warmup 3]
 *
 * Loads a fresh PostgreSQL database (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/postgres)
 * with `--rows` dossiers made in SQL, then measures with autocannon over loopback:
 *  - receptions (POST /api/dossiers: session, catalog lookup, gap-free code, event, projection, detail answer);
 *  - public status lookups (GET /api/public/dossiers/:code?secret=…);
 * each next to a bare route doing the essential SQL only (the limit), at `--connections` (the headline)
 * and again at each of `--also`, every run after `--warmup` unmeasured seconds. Receptions all go to one
 * unit on one day, so they queue on that unit's daily counter row (gap-free codes): fewer connections
 * show the cost of one reception without that queue. Besides req/s and latency, prints the CPU time this
 * process (server and load generator together) spent per request, which moves less than latency when
 * other work shares the machine.
 * Prints numbers; asserts nothing.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { startTestSystem, ApiClient } from '@motcua/server/src/testing/harness.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'dossiers'),
  options: { rows: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, also: { type: 'string', default: '5,1' }, warmup: { type: 'string', default: '3' } },
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
bare.post('/bare/reception', async () =>
  // What a reception must write, as the real route writes it: the code from the counter, the dossier and
  // its event in one statement, committed at once.
  db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await sql`with counter as (
        insert into dossier_code_counter (unit_id, day, last) values (${centre.id}, 'bare', 1)
        on conflict (unit_id, day) do update set last = dossier_code_counter.last + 1 returning last),
      d as (insert into dossier select ${id}, (select 'BARE-' || last from counter), lookup_secret, null, rule_version, channel, procedure_code,
        procedure_name, procedure_version_id, case_code, process_template_id, duration, supplement_policy, cutoff_15h, cutoff_last_hour,
        receiving_unit_id, competent_unit_id, applicant, representative, applicant_id_number, return_method, return_address, now(), 1, 2
        from dossier where id = ${seed.id} returning id)
      insert into dossier_event (dossier_id, seq, type, at, actor_id, unit_id, from_status, to_status, reason, data)
      values (${id}, 1, 'received', now(), null, ${centre.id}, null, 2, null, '{}')`.execute(trx);
    return { id };
  }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const duration = Number(values.seconds);
async function run(connections: number, options: autocannon.Options) {
  // Unmeasured first: the code paths compiled and the pools filled, as in a server that has been up a while.
  if (Number(values.warmup) > 0) await autocannon({ duration: Number(values.warmup), connections, ...options });
  const cpu = process.cpuUsage();
  const r = await autocannon({ duration, connections, ...options });
  const used = process.cpuUsage(cpu);
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors, cpu: (used.user + used.system) / 1000 / Math.max(1, r.requests.total) };
}
const receptionBody = () => JSON.stringify({
  idempotencyKey: randomUUID(), procedureCode: '1.004222', channel: 'in_person', receivingUnitId: centre.id, competentUnitId: commune.id,
  applicant: { fullName: 'Nguyễn Văn Bench', idNumber: '079085001234' }, documents: [], returnMethod: 'counter', outcome: 'receive', forward: true,
});
const pick = () => `BENCH.${String(1 + Math.floor(Math.random() * rows)).padStart(8, '0')}`;
const headers = { cookie: api.cookie, 'x-csrf-token': api.csrfToken, 'content-type': 'application/json' };

const cases = [
  {
    endpoint: 'GET /api/public/dossiers/:code (lookup)',
    real: (c: number) => run(c, { url: system.url, requests: [{ method: 'GET', setupRequest: (req) => { const code = pick(); return { ...req, path: `/api/public/dossiers/${code}?secret=SECRET${Number(code.slice(6)) % 9973}` }; } }] }),
    bare: (c: number) => run(c, { url: bareUrl, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/bare/lookup/${pick()}?secret=x` }) }] }),
  },
  {
    endpoint: 'POST /api/dossiers (reception)',
    real: (c: number) => run(c, { url: system.url, requests: [{ method: 'POST', path: '/api/dossiers', headers, setupRequest: (req) => ({ ...req, body: receptionBody() }) }] }),
    bare: (c: number) => run(c, { url: bareUrl, requests: [{ method: 'POST', path: '/bare/reception', headers: { 'content-type': 'application/json' }, body: '{}' }] }),
  },
];
const levels = [Number(values.connections), ...values.also.split(',').filter(Boolean).map(Number).filter((n) => n !== Number(values.connections))];
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const lines: string[] = [];
for (const connections of levels)
  for (const c of cases) {
    const real = await c.real(connections);
    const limit = await c.bare(connections);
    lines.push(`| ${c.endpoint} | ${connections} | ${real.rps} | ${real.p50} | ${real.p99} | ${real.errors} | ${real.cpu.toFixed(2)} | ${limit.rps} | ${limit.p50} | ${limit.p99} | ${limit.cpu.toFixed(2)} |`);
  }

console.log(`MộtCửa dossier bench — PostgreSQL, ${rows.toLocaleString()} dossiers, ${duration}s per run, node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore} before and ${load()} after\n`);
console.log('| endpoint | connections | req/s | p50 ms | p99 ms | errors | CPU ms/req | bare req/s | bare p50 | bare p99 | bare CPU ms/req |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of lines) console.log(line);
await bare.close();
await system.close();
