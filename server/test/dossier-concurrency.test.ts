import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSecondInstance, startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';

let sys: TestSystem;
let second: Awaited<ReturnType<typeof startSecondInstance>>;
before(async () => {
  sys = await startTestSystem({ clock: fixedClock(new Date('2026-05-04T01:00:00Z')) });
  second = await startSecondInstance(sys);
});
after(async () => {
  await second?.close();
  await sys?.close();
});

// 200 on PostgreSQL (the acceptance case); fewer on PGlite, whose single connection serialises them anyway.
const N = process.env.DATABASE_URL ? 200 : 40;

test(`${N} concurrent receptions on two server instances get ${N} distinct, gap-free codes for the day`, async () => {
  const a = new ApiClient(sys.url);
  await a.login('tiepnhan');
  const b = new ApiClient(second.url);
  b.cookie = a.cookie;
  b.csrfToken = a.csrfToken;
  const units = (await a.get('/api/public/units')).body as { id: string; kind: string; communeCode: string | null }[];
  const centre = units.find((u) => u.kind === 'service_centre')!;
  const commune = units.find((u) => u.communeCode === '25969')!;
  const body = (i: number) => ({
    idempotencyKey: `concurrency-${i}-${process.pid}`,
    procedureCode: '1.004222',
    channel: 'in_person',
    receivingUnitId: centre.id,
    competentUnitId: commune.id,
    applicant: { fullName: `Người nộp ${i}`, idNumber: '079085001234' },
    documents: [],
    returnMethod: 'counter',
    outcome: 'receive',
  });
  const results = await Promise.all(Array.from({ length: N }, (_, i) => (i % 2 === 0 ? a : b).post('/api/dossiers', body(i))));
  const failures = results.filter((r) => r.status !== 201);
  assert.equal(failures.length, 0, JSON.stringify(failures[0]?.body));
  const counters = results.map((r) => Number((r.body.code as string).split('-').pop())).sort((x, y) => x - y);
  assert.deepEqual(counters, Array.from({ length: N }, (_, i) => i + 1));
  assert.equal(new Set(results.map((r) => r.body.code)).size, N);
});

test('the same idempotency key sent twice at once, on both instances: one dossier, both answers name it, codes stay gap-free', async () => {
  const a = new ApiClient(sys.url);
  await a.login('tiepnhan');
  const b = new ApiClient(second.url);
  b.cookie = a.cookie;
  b.csrfToken = a.csrfToken;
  const units = (await a.get('/api/public/units')).body as { id: string; kind: string; communeCode: string | null }[];
  const centre = units.find((u) => u.kind === 'service_centre')!;
  const commune = units.find((u) => u.communeCode === '25969')!;
  const keys = 20;
  const body = (k: number) => ({
    idempotencyKey: `twice-${k}-${process.pid}`,
    procedureCode: '1.004222',
    channel: 'in_person',
    receivingUnitId: centre.id,
    competentUnitId: commune.id,
    applicant: { fullName: `Người nộp lặp ${k}`, idNumber: '079085001234' },
    documents: [],
    returnMethod: 'counter',
    outcome: 'receive',
  });
  // Each key from both instances and twice from one, all at once (receptions of one unit arriving together
  // are written in one statement: a duplicate in it must not cost the others their dossier or their number).
  const sent = Array.from({ length: keys }, (_, k) => [a.post('/api/dossiers', body(k)), b.post('/api/dossiers', body(k)), a.post('/api/dossiers', body(k))]);
  const results = await Promise.all(sent.map((group) => Promise.all(group)));
  const codes: number[] = [];
  for (const group of results) {
    assert.deepEqual(group.map((r) => r.status).filter((s) => s !== 200 && s !== 201), [], JSON.stringify(group.map((r) => r.body)));
    assert.equal(group.filter((r) => r.status === 201).length, 1);
    assert.equal(new Set(group.map((r) => r.body.id)).size, 1);
    assert.equal(new Set(group.map((r) => r.body.code)).size, 1);
    codes.push(Number((group[0]!.body.code as string).split('-').pop()));
  }
  codes.sort((x, y) => x - y);
  // The day's numbers go on from the previous test's, without a gap.
  assert.deepEqual(codes, Array.from({ length: keys }, (_, i) => N + 1 + i));
});
