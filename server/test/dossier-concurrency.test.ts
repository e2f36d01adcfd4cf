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
