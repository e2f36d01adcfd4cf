import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { generateSynthetic } from '../src/modules/reports/reports.synthetic.ts';
import { calendarService } from '../src/modules/calendar/calendar.service.ts';
import { periodAt } from '@motcua/core/reports/periods.ts';
import { instantOfVietnamDay } from '@motcua/core/calendar/vietnam-time.ts';
import { bucketOf } from '@motcua/core/reports/facts.ts';
import { p90Days } from '../src/modules/reports/reports.service.ts';

const NOW = new Date('2026-05-20T03:00:00Z'); // Wednesday 20/05/2026 10:00 in Vietnam
const clock = fixedClock(NOW);
let sys: TestSystem;
const as: Record<string, ApiClient> = {};
let units: { id: string; name: string }[];
const unit = (fragment: string) => units.find((u) => u.name.includes(fragment))!;
let fileSha: string;

before(async () => {
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720' } });
  await Promise.all(
    ['admin', 'tiepnhan', 'chuyenvien', 'lanhdao', 'giamsat'].map((name) => {
      as[name] = new ApiClient(sys.url);
      return as[name].login(name);
    }),
  );
  units = (await as.admin!.get('/api/units')).body;
  const upload = await fetch(`${sys.url}/api/files`, { method: 'POST', body: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'content-type': 'application/pdf', cookie: as.tiepnhan!.cookie, 'x-csrf-token': as.tiepnhan!.csrfToken } });
  fileSha = ((await upload.json()) as { sha256: string }).sha256;
});
after(async () => sys?.close());

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** The figures computed straight from the dossier rows, their events and documents: no counters, no facts. */
async function independent(grain: 'week' | 'month', at: string) {
  const p = periodAt(grain, at);
  const from = instantOfVietnamDay(p.from);
  const to = instantOfVietnamDay(p.to);
  const db = sys.ctx.db;
  const rows = await db.selectFrom('dossier').select(['id', 'status', 'channel', 'received_at', 'created_at', 'result_issued_at', 'finished_at', 'effective_due_at', 'timeliness', 'supplement_requests', 'procedure_version_id']).execute();
  const events = await db.selectFrom('dossier_event').select(['dossier_id', 'type', 'at']).orderBy('seq').execute();
  const docs = await db.selectFrom('dossier_document').select(['dossier_id', 'purpose', 'digitized', 'file_sha256']).execute();
  const results = await sql<{ id: string; n: number }>`select id, coalesce(jsonb_array_length(content -> 'results'), 0) as n from procedure_version`.execute(db);
  const docResult = new Map(results.rows.map((r) => [r.id, Number(r.n) > 0]));
  const inP = (t: number | null) => t !== null && t >= from && t < to;
  const calendar = await calendarService(db).calendarFor(null);
  const now = clock.now().getTime();
  const received = rows.filter((r) => r.received_at && inP(ms(r.received_at)));
  const results_ = rows.filter((r) => r.result_issued_at && inP(ms(r.result_issued_at)));
  const withdrawn = new Set(events.filter((e) => e.type === 'withdrawal_requested').map((e) => e.dossier_id));
  const minutes = results_.map((r) => {
    let w = calendar.workingMsAt(ms(r.result_issued_at)!) - calendar.workingMsAt(ms(r.received_at)!);
    let pausedAt: number | null = null;
    for (const e of events.filter((x) => x.dossier_id === r.id)) {
      if (e.type === 'supplement_requested' || e.type === 'fee_requested') pausedAt = e.at.getTime();
      if ((e.type === 'supplement_received' || e.type === 'fee_paid') && pausedAt !== null) {
        w -= calendar.workingMsAt(e.at.getTime()) - calendar.workingMsAt(pausedAt);
        pausedAt = null;
      }
    }
    return Math.round(w / 60_000);
  });
  const digitized = received.filter((r) => {
    const intake = docs.filter((d) => d.dossier_id === r.id && d.purpose === 'intake');
    return intake.length > 0 && intake.every((d) => d.digitized);
  }).length;
  const docResults = results_.filter((r) => docResult.get(r.procedure_version_id));
  const withFile = docResults.filter((r) => docs.some((d) => d.dossier_id === r.id && d.purpose === 'result' && d.file_sha256)).length;
  const open = rows.filter((r) => r.received_at && !r.result_issued_at && r.status !== 8);
  const count = (xs: unknown[]) => xs.length;
  const processed = results_.length;
  const pct = (a: number, b: number) => (b > 0 ? Math.round((a * 10000) / b) / 100 : null);
  const early = count(results_.filter((r) => r.timeliness === 'early'));
  const onTime = count(results_.filter((r) => r.timeliness === 'on_time' || r.timeliness === null));
  return {
    received: received.length,
    received_in_person: count(received.filter((r) => r.channel === 1)),
    received_online: count(received.filter((r) => r.channel === 2)),
    received_postal: count(received.filter((r) => r.channel === 3)),
    online_share: pct(count(received.filter((r) => r.channel === 2)), received.length),
    processed,
    processed_early: early,
    processed_on_time: onTime,
    processed_late: count(results_.filter((r) => r.timeliness === 'late')),
    on_time_rate: pct(early + onTime, processed),
    open_on_time: count(open.filter((r) => !r.effective_due_at || ms(r.effective_due_at)! >= now)),
    open_overdue: count(open.filter((r) => r.effective_due_at && ms(r.effective_due_at)! < now)),
    supplement_requests: count(received.filter((r) => r.supplement_requests > 0)),
    refusals: count(rows.filter((r) => r.status === 3 && inP(ms(r.created_at)))) + count(rows.filter((r) => r.status === 8 && !withdrawn.has(r.id) && inP(ms(r.finished_at)))),
    withdrawals: count(rows.filter((r) => r.status === 8 && withdrawn.has(r.id) && inP(ms(r.finished_at)))),
    avg_days: minutes.length ? Math.round((minutes.reduce((s, m) => s + m, 0) / 480 / minutes.length) * 100) / 100 : null,
    p90_days: p90Days(minutes.map((m) => ({ bucket: bucketOf(m), n: 1 }))),
    digitized: pct(digitized, received.length),
    results_digitized: pct(withFile, docResults.length),
  } as Record<string, number | null>;
}

async function figuresOf(query: string) {
  const res = await as.giamsat!.get(`/api/reports/figures?${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { figures: { id: string; value: number | null; count: number; available: boolean; formula: { vi: string } }[]; units: { name: string; late: number }[]; trend: unknown[] };
}

describe('reports', () => {
  test('on a generated set, every figure equals an independent computation, and the counters equal a recomputation', async () => {
    const made = await generateSynthetic(sys.ctx.db, { dossiers: 300, now: NOW, days: 70, seed: 9 });
    assert.equal(made.dossiers, 300);
    const check = await as.admin!.get('/api/reports/check');
    assert.equal(check.status, 200);
    assert.deepEqual(check.body.differences, []);
    assert.equal(check.body.equal, true);
    for (const [grain, at] of [['month', '2026-04-15'], ['month', '2026-05-20'], ['week', '2026-05-12']] as const) {
      const expected = await independent(grain, at);
      const got = await figuresOf(`grain=${grain}&at=${at}`);
      for (const [id, value] of Object.entries(expected)) {
        const figure = got.figures.find((f) => f.id === id)!;
        assert.equal(figure.value, value, `${grain} ${at} ${id}`);
        assert.ok(figure.formula.vi.length > 10);
      }
      assert.ok(expected.received! > 0 && expected.processed_late! > 0, 'the set has late dossiers');
      // Kept by the ratings module: nobody has rated these generated dossiers.
      const satisfaction = got.figures.find((f) => f.id === 'satisfaction')!;
      assert.equal(satisfaction.available, true);
      assert.equal(satisfaction.count, 0);
      // Still without a source: no invented numbers.
      const payments = got.figures.find((f) => f.id === 'online_payments');
      if (payments) assert.equal(payments.available, false);
    }
    // A drill-down lists exactly the dossiers counted.
    const late = (await figuresOf('grain=month&at=2026-04-15')).figures.find((f) => f.id === 'processed_late')!;
    const drill = await as.giamsat!.get('/api/reports/dossiers?figure=processed_late&grain=month&at=2026-04-15&pageSize=200');
    assert.equal(drill.status, 200);
    assert.equal(drill.body.total, late.value);
    assert.ok(drill.body.items.every((d: { timeliness: string; daysLate: number }) => d.timeliness === 'late' && d.daysLate > 0));
  });

  test('unit, procedure and officer filters agree with the whole', async () => {
    const all = await figuresOf('grain=month&at=2026-04-15');
    const total = all.figures.find((f) => f.id === 'received')!.value!;
    let sum = 0;
    for (const u of units.filter((x) => /phường|xã|Sở/.test(x.name))) sum += (await figuresOf(`grain=month&at=2026-04-15&unitId=${u.id}`)).figures.find((f) => f.id === 'received')!.value!;
    assert.equal(sum, total);
    const officer = await sys.ctx.db.selectFrom('staff_account').select('id').where('username', '=', 'chuyenvien').executeTakeFirstOrThrow();
    const mine = (await figuresOf(`grain=month&at=2026-04-15&officerId=${officer.id}`)).figures.find((f) => f.id === 'received')!.value!;
    assert.equal(mine, total, 'every generated dossier was assigned to the one specialist');
    const proc = (await sys.ctx.db.selectFrom('report_dossier_fact').select('procedure_code').limit(1).executeTakeFirstOrThrow()).procedure_code;
    const byProc = (await figuresOf(`grain=year&at=2026-04-15&procedureCode=${proc}`)).figures.find((f) => f.id === 'received')!;
    const direct = await sys.ctx.db.selectFrom('dossier').select((eb) => eb.fn.countAll<number>().as('n')).where('procedure_code', '=', proc).where('received_at', 'is not', null).executeTakeFirstOrThrow();
    assert.equal(byProc.value, Number(direct.n));
    assert.equal((await as.chuyenvien!.get('/api/reports/figures')).status, 403);
  });

  test('late list, national index, exports', async () => {
    const late = await as.giamsat!.get('/api/reports/late?grain=month&at=2026-05-20&which=overdue');
    assert.equal(late.status, 200);
    assert.ok(late.body.total > 0);
    const first = late.body.items[0];
    assert.ok(first.holdingUnit && first.officer && first.daysLate > 0);
    assert.equal(typeof first.apologyIssued, 'boolean');
    const index = await as.giamsat!.get('/api/reports/index?grain=quarter&at=2026-04-15');
    assert.equal(index.status, 200, JSON.stringify(index.body));
    const i21 = index.body.indicators.find((i: { id: string }) => i.id === '2.1');
    assert.equal(i21.available, true);
    assert.equal(i21.pointsConfidence, 'V');
    assert.ok(i21.score > 0 && i21.score <= 20);
    assert.equal(index.body.indicators.find((i: { id: string }) => i.id === '5.4').available, false);
    const weights = await as.admin!.request('PUT', '/api/reports/index/weights', { weights: [{ id: '3.3', points: 8, threshold: 0.5 }] });
    assert.equal(weights.status, 204);
    const verified = await as.admin!.request('PUT', '/api/reports/index/weights', { weights: [{ id: '2.1', points: 10, threshold: null }] });
    assert.equal(verified.status, 400);
    assert.equal((await as.giamsat!.get('/api/reports/index?grain=quarter&at=2026-04-15')).body.indicators.find((i: { id: string }) => i.id === '3.3').points, 8);
    const csv = await fetch(`${sys.url}/api/reports/export?format=csv&grain=month&at=2026-04-15`, { headers: { cookie: as.giamsat!.cookie } });
    assert.equal(csv.status, 200);
    const text = await csv.text();
    assert.match(text, /Tổng số hồ sơ tiếp nhận/);
    assert.ok(text.split('\r\n').length >= 3);
    // Each row of the table equals the figures of its unit (the last row: the whole province).
    const cells = text.trim().split('\r\n').slice(1).map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
    const all = await figuresOf('grain=month&at=2026-04-15');
    const figure = (f: Awaited<ReturnType<typeof figuresOf>>, id: string) => f.figures.find((x) => x.id === id)!.value;
    const total = cells[cells.length - 1]!;
    assert.deepEqual([total[1], total[8], total[9], total[10]].map(Number), ['received', 'processed_late', 'open_on_time', 'open_overdue'].map((id) => figure(all, id)));
    for (const row of cells.slice(0, -1)) {
      const u = units.find((x) => x.name === row[0])!;
      const f = await figuresOf(`grain=month&at=2026-04-15&unitId=${u.id}`);
      assert.deepEqual([row[1], row[8], row[9], row[10]].map(Number), ['received', 'processed_late', 'open_on_time', 'open_overdue'].map((id) => figure(f, id)), row[0]);
    }
    const xlsx = await fetch(`${sys.url}/api/reports/export?format=xlsx&grain=month&at=2026-04-15`, { headers: { cookie: as.giamsat!.cookie } });
    assert.equal(xlsx.status, 200);
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  });

  test('the late list and indicator 3.2 equal an independent computation from the dossiers', async () => {
    const db = sys.ctx.db;
    const rows = await db.selectFrom('dossier').select(['id', 'status', 'channel', 'procedure_code', 'competent_unit_id', 'received_at', 'result_issued_at', 'due_at', 'effective_due_at', 'timeliness']).execute();
    const stopped = new Set((await db.selectFrom('dossier_event').select('dossier_id').where('type', '=', 'stopped').execute()).map((e) => e.dossier_id));
    const now = clock.now().getTime();
    for (const [grain, at] of [['month', '2026-04-15'], ['quarter', '2026-04-15'], ['week', '2026-05-12']] as const) {
      const p = periodAt(grain, at);
      const from = instantOfVietnamDay(p.from);
      const to = instantOfVietnamDay(p.to);
      const open = (r: (typeof rows)[number]) => r.received_at !== null && r.result_issued_at === null && !stopped.has(r.id);
      const expected = [
        ...rows.filter((r) => open(r) && r.effective_due_at !== null && ms(r.effective_due_at)! < now).map((r) => ({ id: r.id, k: ms(r.effective_due_at) })),
        ...rows.filter((r) => r.timeliness === 'late' && r.result_issued_at !== null && ms(r.result_issued_at)! >= from && ms(r.result_issued_at)! < to).map((r) => ({ id: r.id, k: ms(r.due_at) })),
      ]
        .sort((a, b) => (a.k === b.k ? (a.id < b.id ? -1 : 1) : a.k === null ? 1 : b.k === null ? -1 : a.k - b.k))
        .map((x) => x.id);
      assert.ok(expected.length > (grain === 'week' ? 0 : 7), `${grain}: the set has late dossiers`);
      const got: string[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 7) + 1; page++) {
        const res = await as.giamsat!.get(`/api/reports/late?grain=${grain}&at=${at}&pageSize=7&page=${page}`);
        assert.equal(res.status, 200);
        assert.equal(res.body.total, expected.length, `${grain} total`);
        got.push(...res.body.items.map((i: { id: string }) => i.id));
      }
      assert.deepEqual(got, expected, `${grain}: the late list in order`);

      // Indicator 3.2: procedures with an online service that had a dossier received in the period, and those of them with an online one.
      const withService = new Set((await db.selectFrom('procedure').select(['code']).where('online_level', 'in', ['partly_online', 'fully_online']).execute()).map((x) => x.code));
      const paths = new Map((await db.selectFrom('unit').select(['id', 'path']).execute()).map((u) => [u.id, u.path]));
      const index = await as.giamsat!.get(`/api/reports/index?grain=${grain}&at=${at}`);
      assert.equal(index.status, 200);
      const used = (unitId: string) => {
        const inScope = rows.filter((r) => paths.get(r.competent_unit_id)!.startsWith(paths.get(unitId)!) && r.received_at !== null && r.status !== 3 && ms(r.received_at)! >= from && ms(r.received_at)! < to && withService.has(r.procedure_code));
        const procs = new Set(inScope.map((r) => r.procedure_code));
        return { numerator: new Set(inScope.filter((r) => r.channel === 2).map((r) => r.procedure_code)).size, denominator: procs.size };
      };
      const i32 = index.body.indicators.find((i: { id: string }) => i.id === '3.2');
      assert.deepEqual({ numerator: i32.numerator, denominator: i32.denominator }, used(index.body.unit.id), `${grain} 3.2`);
      if (grain !== 'week') assert.ok(i32.denominator > 0, `${grain}: procedures used`);
      // Each child's total is its own index, as when asked for that unit.
      for (const child of index.body.units.slice(0, 3)) {
        const alone = await as.giamsat!.get(`/api/reports/index?grain=${grain}&at=${at}&unitId=${child.unitId}`);
        assert.equal(alone.body.total, child.total, `${grain} ${child.name}`);
        const a32 = alone.body.indicators.find((i: { id: string }) => i.id === '3.2');
        assert.deepEqual({ numerator: a32.numerator, denominator: a32.denominator }, used(child.unitId), `${grain} ${child.name} 3.2`);
      }
    }
  });

  test('property: after random dossier actions through the service, the counters equal the recomputation', async () => {
    const actions = ['assigned', 'supplement_requested', 'supplement_received', 'fee_requested', 'fee_paid', 'result_issued', 'returned', 'withdrawal_requested', 'stopped', 'apology_issued', 'refresh', 'later'] as const;
    const who: Record<string, string> = { assigned: 'chuyenvien', supplement_requested: 'chuyenvien', supplement_received: 'tiepnhan', fee_requested: 'chuyenvien', fee_paid: 'tiepnhan', result_issued: 'lanhdao', returned: 'tiepnhan', withdrawal_requested: 'tiepnhan', stopped: 'lanhdao', apology_issued: 'lanhdao' };
    let key = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ dossier: fc.nat(2), action: fc.constantFrom(...actions), hours: fc.nat(30) }), { minLength: 4, maxLength: 14 }), async (ops) => {
        clock.set(NOW);
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          const res = await as.tiepnhan!.post('/api/dossiers', {
            idempotencyKey: `property-${++key}-${NOW.getTime()}`,
            procedureCode: '1.004222',
            channel: i === 1 ? 'online' : 'in_person',
            receivingUnitId: unit('Trung tâm').id,
            competentUnitId: unit('Thuận Giao').id,
            applicant: { fullName: 'Nguyễn Văn An', idNumber: '079085001234', phone: '0912345678', address: { communeCode: '25969', detail: '12 ĐT743' } },
            documents: [{ name: 'Tờ khai', originals: 1, copies: 0, fileSha256: fileSha, fileName: 'a.pdf' }],
            returnMethod: 'counter',
            outcome: i === 2 && key % 4 === 0 ? 'refuse' : 'receive',
            ...(i === 2 && key % 4 === 0 ? { reason: 'Không thuộc thẩm quyền' } : {}),
          });
          assert.ok(res.status === 201, JSON.stringify(res.body));
          ids.push(res.body.id);
        }
        for (const op of ops) {
          if (op.action === 'refresh') {
            assert.equal((await as.giamsat!.post('/api/reports/refresh')).status, 200);
            continue;
          }
          if (op.action === 'later') {
            clock.advance(op.hours * 3_600_000);
            continue;
          }
          const id = ids[op.dossier]!;
          const d = (await as[who[op.action]!]!.get(`/api/dossiers/${id}`)).body;
          const body: Record<string, unknown> = { type: op.action, expectedVersion: d.version, reason: 'Lý do' };
          if (op.action === 'supplement_requested') body.missing = ['Bản sao'];
          if (op.action === 'result_issued') body.documents = [{ name: 'Kết quả', originals: 1, copies: 0, fileSha256: fileSha, fileName: 'kq.pdf' }];
          if (op.action === 'apology_issued' && d.effectiveDueAt) body.newDueAt = new Date(Date.parse(d.effectiveDueAt) + 5 * 86_400_000).toISOString();
          if (op.action === 'assigned') {
            body.toStep = d.status === 2 ? 0 : 0;
            body.assigneeId = (await sys.ctx.db.selectFrom('staff_account').select('id').where('username', '=', 'chuyenvien').executeTakeFirstOrThrow()).id;
          }
          const res = await as[who[op.action]!]!.post(`/api/dossiers/${id}/actions`, body);
          assert.ok([200, 400, 403, 409].includes(res.status), `${op.action}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        const check = await as.admin!.get('/api/reports/check');
        assert.deepEqual(check.body.differences, []);
        assert.equal(check.body.equal, true);
      }),
      { numRuns: 4, seed: 20260520 },
    );
    clock.set(NOW);
  });
});
