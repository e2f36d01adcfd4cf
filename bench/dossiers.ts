/**
 * npm run bench -w bench -- dossiers [--rows 1000000] [--seconds 10] [--connections 20]
 *
 * Loads a fresh PostgreSQL database (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/postgres)
 * with `--rows` dossiers made in SQL, then measures with autocannon over loopback:
 *  - receptions (POST /api/dossiers: catalog lookup, gap-free code, event, projection, detail answer);
 *  - public status lookups (GET /api/public/dossiers/:code?secret=…);
 * each next to a bare route doing the essential SQL only (the limit). Prints numbers; asserts nothing.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { startTestSystem, ApiClient } from '@motcua/server/src/testing/harness.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'dossiers'),
  options: { rows: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
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
  db.transaction().execute(async (trx) => {
    const { last } = await trx.insertInto('dossier_code_counter').values({ unit_id: centre.id, day: 'bare', last: 1 })
      .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ last: sql`dossier_code_counter.last + 1` })).returning('last').executeTakeFirstOrThrow();
    const id = randomUUID();
    await sql`insert into dossier select ${id}, 'BARE-' || ${last}, lookup_secret, null, rule_version, channel, procedure_code, procedure_name,
      procedure_version_id, case_code, process_template_id, duration, supplement_policy, cutoff_15h, cutoff_last_hour, receiving_unit_id,
      competent_unit_id, applicant, representative, applicant_id_number, return_method, return_address, now(), 1, 2
      from dossier where id = ${seed.id}`.execute(trx);
    await trx.insertInto('dossier_event').values({ dossier_id: id, seq: 1, type: 'received', at: new Date(), actor_id: null, unit_id: centre.id, from_status: null, to_status: 2, reason: null, data: '{}' }).execute();
    return { id };
  }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const duration = Number(values.seconds);
const connections = Number(values.connections);
async function run(options: autocannon.Options) {
  const r = await autocannon({ duration, connections, ...options });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}
const receptionBody = () => JSON.stringify({
  idempotencyKey: randomUUID(), procedureCode: '1.004222', channel: 'in_person', receivingUnitId: centre.id, competentUnitId: commune.id,
  applicant: { fullName: 'Nguyễn Văn Bench', idNumber: '079085001234' }, documents: [], returnMethod: 'counter', outcome: 'receive', forward: true,
});
const pick = () => `BENCH.${String(1 + Math.floor(Math.random() * rows)).padStart(8, '0')}`;
const headers = { cookie: api.cookie, 'x-csrf-token': api.csrfToken, 'content-type': 'application/json' };

const lookup = await run({ url: system.url, requests: [{ method: 'GET', setupRequest: (req) => { const code = pick(); return { ...req, path: `/api/public/dossiers/${code}?secret=SECRET${Number(code.slice(6)) % 9973}` }; } }] });
const lookupBare = await run({ url: bareUrl, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/bare/lookup/${pick()}?secret=x` }) }] });
const reception = await run({ url: system.url, requests: [{ method: 'POST', path: '/api/dossiers', headers, setupRequest: (req) => ({ ...req, body: receptionBody() }) }] });
const receptionBare = await run({ url: bareUrl, requests: [{ method: 'POST', path: '/bare/reception', headers: { 'content-type': 'application/json' }, body: '{}' }] });

console.log(`MộtCửa dossier bench — PostgreSQL, ${rows.toLocaleString()} dossiers, ${connections} connections, ${duration}s per run\n`);
console.log('| endpoint | req/s | p50 ms | p99 ms | errors | bare req/s | bare p50 | bare p99 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| GET /api/public/dossiers/:code (lookup) | ${lookup.rps} | ${lookup.p50} | ${lookup.p99} | ${lookup.errors} | ${lookupBare.rps} | ${lookupBare.p50} | ${lookupBare.p99} |`);
console.log(`| POST /api/dossiers (reception) | ${reception.rps} | ${reception.p50} | ${reception.p99} | ${reception.errors} | ${receptionBare.rps} | ${receptionBare.p50} | ${receptionBare.p99} |`);
await bare.close();
await system.close();
