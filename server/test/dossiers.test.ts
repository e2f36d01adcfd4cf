import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z')); // Monday 04/05/2026 08:00 in Vietnam (after 1.004222's version came into force on 26/03)
let sys: TestSystem;
const as: Record<string, ApiClient> = {};
let units: { id: string; code: string; name: string; kind: string }[];
const unit = (fragment: string) => units.find((u) => u.name.includes(fragment))!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let fileSha: string;
let counter = 0;

before(async () => {
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720' } });
  for (const name of ['admin', 'tiepnhan', 'chuyenvien', 'lanhdao', 'giamsat']) {
    as[name] = new ApiClient(sys.url);
    await as[name].login(name);
  }
  units = (await as.admin!.get('/api/units')).body;
  const upload = await fetch(`${sys.url}/api/files`, { method: 'POST', body: PDF, headers: { 'content-type': 'application/pdf', cookie: as.tiepnhan!.cookie, 'x-csrf-token': as.tiepnhan!.csrfToken } });
  assert.equal(upload.status, 201);
  fileSha = ((await upload.json()) as { sha256: string }).sha256;
});
after(async () => sys?.close());

/** Moves the clock (far) and signs everyone in again, as sessions expire meanwhile. */
async function at(iso: string) {
  clock.set(new Date(iso));
  for (const [name, api] of Object.entries(as)) await api.login(name);
}

function reception(extra: Record<string, unknown> = {}) {
  return {
    idempotencyKey: `test-key-${++counter}-${Date.now()}`,
    procedureCode: '1.004222',
    channel: 'in_person',
    receivingUnitId: unit('Trung tâm').id,
    competentUnitId: unit('Thuận Giao').id,
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '079085001234', phone: '0912345678', address: { communeCode: '25969', detail: '12 đường ĐT743' } },
    documents: [{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0, fileSha256: fileSha, fileName: 'to-khai.pdf' }],
    returnMethod: 'counter',
    outcome: 'receive',
    ...extra,
  };
}

async function act(who: string, dossier: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await as[who]!.post(`/api/dossiers/${dossier.id}/actions`, { expectedVersion: dossier.version, ...body });
  assert.equal(res.status, 200, `${who} ${body.type}: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('dossier paths', () => {
  test('received → appraised → approved → returned on time, with code, appointment and timeline', async () => {
    clock.set(new Date('2026-05-04T01:00:00Z'));
    const res = await as.tiepnhan!.post('/api/dossiers', reception());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    let d = res.body;
    assert.match(d.code, /^000\.00\.01\.H29-260504-\d{4}$/);
    assert.equal(d.status, 4);
    assert.equal(d.ruleVersion, 'nd118_2025');
    assert.deepEqual(d.duration, { unit: 'workingDays', value: 7 });
    // 7 working days from Mon 04/05 08:00 → Wed 13/05 08:00.
    assert.equal(d.dueAt, '2026-05-13T01:00:00.000Z');
    assert.equal(d.holdingUnit.name, 'Ủy ban nhân dân phường Thuận Giao');
    assert.equal(d.step.key, 'appraise');
    assert.match(d.lookupSecret, /^[A-Z2-9]{10}$/);

    // Each officer is offered only the actions their role allows here.
    assert.ok(d.allowedActions.includes('returned') === false);
    assert.deepEqual((await as.chuyenvien!.get(`/api/dossiers/${d.id}`)).body.allowedActions.includes('result_issued'), false);
    assert.ok((await as.lanhdao!.get(`/api/dossiers/${d.id}`)).body.allowedActions.includes('result_issued'));
    const eligible = await as.chuyenvien!.get(`/api/dossiers/${d.id}/assignees?step=1`);
    assert.equal(eligible.status, 200);
    assert.equal(eligible.body.step.role, 'leader');
    assert.ok(eligible.body.officers.some((o: { username: string }) => o.username === 'lanhdao'));
    clock.advance(3600_000);
    d = await act('chuyenvien', d, { type: 'note', reason: 'Hồ sơ đủ điều kiện' });
    d = await act('chuyenvien', d, { type: 'assigned' });
    assert.equal(d.step.key, 'approve');
    clock.advance(24 * 3600_000);
    d = await act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Xác nhận đăng ký thường trú', fileSha256: fileSha }] });
    assert.equal(d.status, 9);
    assert.equal(d.documents.find((x: { purpose: string }) => x.purpose === 'result').resultCode, `${d.code}-KQ1`);
    assert.equal(d.holdingUnit.name, 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh');
    clock.advance(3600_000);
    d = await act('tiepnhan', d, { type: 'returned', collectedBy: 'Nguyễn Văn An' });
    assert.equal(d.status, 10);
    assert.equal(d.timeliness, 'early');
    assert.deepEqual(d.events.map((e: { type: string }) => e.type), ['received', 'assigned', 'note', 'assigned', 'result_issued', 'returned']);
    assert.deepEqual(d.allowedActions, []);

    const lookup = await new ApiClient(sys.url).get(`/api/public/dossiers/${d.code}?secret=${d.lookupSecret}`);
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.status, 10);
    assert.equal(JSON.stringify(lookup.body).includes('079085001234'), false);
    const wrong = await new ApiClient(sys.url).get(`/api/public/dossiers/${d.code}?secret=WRONGWRONG`);
    assert.equal(wrong.status, 404);
  });

  test('supplement requested twice: the clock pauses each time and the due date moves', async () => {
    clock.set(new Date('2026-05-04T01:00:00Z'));
    let d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    const firstDue = d.dueAt;
    d = await act('chuyenvien', d, { type: 'supplement_requested', reason: 'Thiếu giấy tờ', missing: ['Giấy tờ chứng minh chỗ ở hợp pháp'] });
    assert.equal(d.status, 5);
    assert.equal(d.paused, true);
    clock.advance(2 * 24 * 3600_000); // Wednesday 08:00: two working days paused
    d = await act('tiepnhan', d, { type: 'supplement_received', documents: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', fileSha256: fileSha }] });
    assert.equal(d.status, 4);
    assert.equal(d.dueAt, '2026-05-15T01:00:00.000Z');
    assert.notEqual(d.dueAt, firstDue);
    d = await act('chuyenvien', d, { type: 'supplement_requested', reason: 'Chưa rõ', missing: ['Bản sao sổ đỏ'] });
    clock.advance(24 * 3600_000);
    d = await act('tiepnhan', d, { type: 'supplement_received' });
    assert.equal(d.supplementRequests, 2);
    assert.equal(d.dueAt, '2026-05-18T01:00:00.000Z');
  });

  test('refused at intake: no code, no clock, status 3, reasons kept', async () => {
    const res = await as.tiepnhan!.post('/api/dossiers', reception({ outcome: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết' }));
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 3);
    assert.equal(res.body.code, null);
    assert.equal(res.body.dueAt, null);
    assert.equal(res.body.events[0].reason, 'Không thuộc thẩm quyền giải quyết');
  });

  test('a supplement at intake lists everything missing and runs no clock', async () => {
    const noList = await as.tiepnhan!.post('/api/dossiers', reception({ outcome: 'supplement', reason: 'Thiếu giấy tờ' }));
    assert.equal(noList.status, 400);
    assert.equal(noList.body.errors[0].path, 'body.missing');
    const res = await as.tiepnhan!.post('/api/dossiers', reception({ outcome: 'supplement', reason: 'Thiếu giấy tờ', missing: ['Tờ khai', 'Giấy tờ chỗ ở'] }));
    assert.equal(res.body.status, 1);
    assert.equal(res.body.dueAt, null);
    assert.deepEqual(res.body.events[0].data.missing, ['Tờ khai', 'Giấy tờ chỗ ở']);
  });

  test('withdrawn at the applicant’s request, then stopped', async () => {
    let d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    d = await act('tiepnhan', d, { type: 'withdrawal_requested', reason: 'Công dân xin rút hồ sơ' });
    assert.equal(d.status, 7);
    d = await act('lanhdao', d, { type: 'stopped', reason: 'Dừng theo yêu cầu rút hồ sơ' });
    assert.equal(d.status, 8);
    const again = await as.lanhdao!.post(`/api/dossiers/${d.id}/actions`, { type: 'result_issued', expectedVersion: d.version, documents: [{ name: 'x', fileSha256: fileSha }] });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'illegal_transition');
  });

  test('linked processing: commune → department → commune, each hand-over recorded', async () => {
    const justice = unit('Sở Tư pháp');
    const published = await as.admin!.post('/api/processes', {
      procedureCode: '1.003583',
      name: 'Liên thông xã – Sở Tư pháp',
      steps: [
        { key: 'commune_check', name: 'UBND xã kiểm tra', role: 'specialist', unit: 'competent', weight: 2 },
        { key: 'department', name: 'Sở Tư pháp thẩm định', role: 'leader', unit: justice.id, weight: 3 },
        { key: 'commune_sign', name: 'UBND xã ký kết quả', role: 'leader', unit: 'competent', weight: 1 },
        { key: 'return', name: 'Trả kết quả', role: 'counter_officer', unit: 'receiving', weight: 1 },
      ],
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    let d = (await as.tiepnhan!.post('/api/dossiers', reception({ procedureCode: '1.003583' }))).body;
    assert.equal(d.holdingUnit.id, unit('Thuận Giao').id);
    assert.equal(d.steps.length, 4);
    d = await act('chuyenvien', d, { type: 'assigned' });
    assert.equal(d.holdingUnit.id, justice.id);
    // The commune's specialist no longer holds it and cannot act on it now.
    const blocked = await as.chuyenvien!.post(`/api/dossiers/${d.id}/actions`, { type: 'assigned', expectedVersion: d.version });
    assert.equal(blocked.status, 403);
    d = await act('lanhdao', d, { type: 'assigned' });
    assert.equal(d.holdingUnit.id, unit('Thuận Giao').id);
    assert.equal(d.step.key, 'commune_sign');
    d = await act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Trích lục khai sinh', fileSha256: fileSha }] });
    assert.equal(d.step.key, 'return');
    d = await act('tiepnhan', d, { type: 'returned' });
    const handovers = d.events.filter((e: { type: string }) => e.type === 'assigned' || e.type === 'result_issued').map((e: { unit: { id: string } }) => e.unit?.id);
    assert.deepEqual(handovers, [unit('Thuận Giao').id, justice.id, unit('Thuận Giao').id, unit('Thuận Giao').id]);
    assert.ok(d.steps.every((s: { dueAt: string | null }) => s.dueAt));
    // The control sheet: one row per hand-over, each closed and judged against its step's share of time.
    assert.deepEqual(d.controlSheet.map((r: { stepName: string }) => r.stepName), ['UBND xã kiểm tra', 'Sở Tư pháp thẩm định', 'UBND xã ký kết quả', 'Trả kết quả']);
    assert.ok(d.controlSheet.every((r: { handedOverAt: string | null; timeliness: string | null }) => r.handedOverAt && r.timeliness));
  });

  test('late → apology letter with one new date → returned late', async () => {
    clock.set(new Date('2026-05-04T01:00:00Z'));
    let d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    const tooEarlyDate = '2026-05-12T10:00:00+07:00';
    const notLater = await as.lanhdao!.post(`/api/dossiers/${d.id}/actions`, { type: 'apology_issued', expectedVersion: d.version, reason: 'Cần xác minh', newDueAt: tooEarlyDate });
    assert.equal(notLater.status, 400);
    clock.set(new Date('2026-05-11T01:00:00Z')); // two working days before the due date
    d = await act('lanhdao', d, { type: 'apology_issued', reason: 'Cần xác minh thêm tại địa phương', newDueAt: '2026-05-18T17:00:00+07:00' });
    assert.equal(d.apologyIssued, true);
    assert.equal(d.effectiveDueAt, '2026-05-18T10:00:00.000Z');
    const twice = await as.lanhdao!.post(`/api/dossiers/${d.id}/actions`, { type: 'apology_issued', expectedVersion: d.version, reason: 'Lần hai', newDueAt: '2026-05-22T17:00:00+07:00' });
    assert.equal(twice.status, 409);
    clock.set(new Date('2026-05-15T01:00:00Z'));
    d = await act('chuyenvien', d, { type: 'assigned' });
    d = await act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Kết quả', fileSha256: fileSha }] });
    d = await act('tiepnhan', d, { type: 'returned' });
    assert.equal(d.timeliness, 'late');
  });

  test('an apology on the last day is refused (at least one working day before)', async () => {
    clock.set(new Date('2026-05-04T01:00:00Z'));
    const d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    clock.set(new Date('2026-05-12T03:00:00Z')); // Tue 10:00, due Wed 08:00: under one working day left
    const res = await as.lanhdao!.post(`/api/dossiers/${d.id}/actions`, { type: 'apology_issued', expectedVersion: d.version, reason: 'Trễ', newDueAt: '2026-05-22T17:00:00+07:00' });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'apology_too_late');
  });
});

describe('per-procedure deadline rules', () => {
  test('the 15:00 cut-off and a supplement that restarts the clock, set by the admin only', async () => {
    await at('2026-05-04T09:30:00Z'); // Monday 16:30
    const rules = { supplementPolicy: 'restart', cutoff15h: true, cutoffLastHour: false };
    assert.equal((await as.lanhdao!.request('PUT', '/api/procedures/1.004222/rules', rules)).status, 403);
    const set = await as.admin!.request('PUT', '/api/procedures/1.004222/rules', rules);
    assert.equal(set.status, 200, JSON.stringify(set.body));
    let d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    assert.equal(d.supplementPolicy, 'restart');
    // Received after 15:00: counting starts Tuesday 07:00, 7 working days → Wednesday 13/05 17:00.
    assert.equal(d.dueAt, '2026-05-13T10:00:00.000Z');
    d = await act('chuyenvien', d, { type: 'supplement_requested', reason: 'Thiếu giấy tờ', missing: ['Giấy tờ chỗ ở'] });
    clock.set(new Date('2026-05-07T01:00:00Z')); // Thursday 08:00: the clock starts again from zero
    d = await act('tiepnhan', d, { type: 'supplement_received' });
    assert.equal(d.dueAt, '2026-05-18T01:00:00.000Z');
    const bad = await as.admin!.request('PUT', '/api/procedures/1.004222/rules', { supplementPolicy: 'sometimes', cutoff15h: true, cutoffLastHour: false });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.supplementPolicy');
    await as.admin!.request('PUT', '/api/procedures/1.004222/rules', { supplementPolicy: 'pause', cutoff15h: false, cutoffLastHour: false });
  });
});

describe('calendar edits and promised deadlines', () => {
  test('an edit keeps the dates promised to open dossiers unless the admin chooses to move them', async () => {
    await at('2026-05-04T01:00:00Z');
    let d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    assert.equal(d.dueAt, '2026-05-13T01:00:00.000Z');
    clock.advance(3600_000);
    const dayOff = { scope: 'local', entries: [{ date: '2026-05-08', kind: 'off', label: 'Nghỉ lễ hội địa phương' }] };
    const preview = await as.admin!.request('PUT', '/api/calendar/years/2026/entries', { ...dayOff, dryRun: true });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const mine = preview.body.affectedDossiers.items.find((i: { id: string }) => i.id === d.id);
    assert.deepEqual(mine, { id: d.id, code: d.code, dueAt: '2026-05-13T01:00:00.000Z', dueIfMoved: '2026-05-14T01:00:00.000Z' });

    // Keep (the default): the promised date stands, even after later actions recompute the dossier.
    const kept = await as.admin!.request('PUT', '/api/calendar/years/2026/entries', dayOff);
    assert.equal(kept.body.applied, true);
    d = await act('chuyenvien', d, { type: 'note', reason: 'Đang xác minh' });
    assert.equal(d.dueAt, '2026-05-13T01:00:00.000Z');
    // A dossier received after the edit counts the new day off.
    const later = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    assert.equal(later.dueAt, '2026-05-14T02:00:00.000Z'); // received at 09:00

    // Move: the open dossiers' deadlines follow the edit.
    const moved = await as.admin!.request('PUT', '/api/calendar/years/2026/entries', { ...dayOff, entries: [...dayOff.entries, { date: '2026-05-11', kind: 'off', label: 'Nghỉ bù lễ hội' }], openDossiers: 'move' });
    assert.equal(moved.body.applied, true);
    assert.ok(moved.body.affectedDossiers.total >= 2);
    assert.equal((await as.chuyenvien!.get(`/api/dossiers/${d.id}`)).body.dueAt, '2026-05-15T01:00:00.000Z');
    await as.admin!.request('PUT', '/api/calendar/years/2026/entries', { scope: 'local', entries: [], openDossiers: 'move' });
  });
});

describe('safety', () => {
  test('the same idempotency key never makes two dossiers', async () => {
    const body = reception();
    const first = await as.tiepnhan!.post('/api/dossiers', body);
    const second = await as.tiepnhan!.post('/api/dossiers', body);
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
  });

  test('two officers acting on the same version: one wins, the other gets 409', async () => {
    const d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    const [a, b] = await Promise.all([
      as.chuyenvien!.post(`/api/dossiers/${d.id}/actions`, { type: 'note', expectedVersion: d.version, reason: 'A' }),
      as.lanhdao!.post(`/api/dossiers/${d.id}/actions`, { type: 'note', expectedVersion: d.version, reason: 'B' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const loser = a.status === 409 ? a : b;
    assert.equal(loser.body.code, 'version_conflict');
  });

  test('codes of a day are gap-free and ordered', async () => {
    await at('2026-06-03T02:00:00Z');
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await as.tiepnhan!.post('/api/dossiers', reception())).body.code);
    assert.deepEqual(codes.map((c) => c.slice(-4)), ['0001', '0002', '0003']);
    assert.ok(codes.every((c) => c.includes('-260603-')));
  });

  test('the counter grows past four digits: 9999 is followed by 10000', async () => {
    clock.set(new Date('2026-06-04T02:00:00Z')); // the sessions of the day before still hold
    await sys.ctx.db.insertInto('dossier_code_counter').values({ unit_id: unit('Trung tâm').id, day: '2026-06-04', last: 9998 }).execute();
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) codes.push((await as.tiepnhan!.post('/api/dossiers', reception())).body.code);
    assert.deepEqual(codes.map((c) => c.split('-').slice(-2).join('-')), ['260604-9999', '260604-10000']);
  });

  test('bad reception input: wrong ID number, unknown procedure, unknown file; nothing written', async () => {
    const before = await sys.ctx.db.selectFrom('dossier').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const badId = await as.tiepnhan!.post('/api/dossiers', reception({ applicant: { fullName: 'A', idNumber: '12345' } }));
    assert.equal(badId.status, 400);
    assert.equal(badId.body.errors[0].path, 'body.applicant.idNumber');
    assert.match(badId.body.errors[0].message.vi, /12 chữ số/);
    const badProcedure = await as.tiepnhan!.post('/api/dossiers', reception({ procedureCode: '9.999999' }));
    assert.equal(badProcedure.body.errors[0].path, 'body.procedureCode');
    const badFile = await as.tiepnhan!.post('/api/dossiers', reception({ documents: [{ name: 'x', fileSha256: 'a'.repeat(64) }] }));
    assert.equal(badFile.body.errors[0].path, 'body.documents[0].fileSha256');
    const noTime = await as.tiepnhan!.post('/api/dossiers', reception({ procedureCode: '1.001193' }));
    assert.equal(noTime.status, 400);
    assert.equal(noTime.body.errors[0].path, 'body.duration');
    const after = await sys.ctx.db.selectFrom('dossier').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('jurisdiction: a specialist of another commune sees nothing; a forged file upload is refused', async () => {
    const d = (await as.tiepnhan!.post('/api/dossiers', reception())).body;
    const other = await as.admin!.post('/api/staff', { username: 'cv.laithieu', fullName: 'Chuyên viên Lái Thiêu', password: 'mat-khau-dai-1', roles: [{ role: 'specialist', unitId: unit('Lái Thiêu').id }] });
    assert.equal(other.status, 201);
    const outsider = new ApiClient(sys.url);
    await outsider.login('cv.laithieu', 'mat-khau-dai-1');
    assert.equal((await outsider.get(`/api/dossiers/${d.id}`)).status, 403);
    assert.equal((await outsider.get('/api/dossiers')).body.items.length, 0);
    const exe = await fetch(`${sys.url}/api/files`, { method: 'POST', body: Buffer.from('MZ\x90\x00 not a pdf'), headers: { 'content-type': 'application/pdf', cookie: as.tiepnhan!.cookie, 'x-csrf-token': as.tiepnhan!.csrfToken } });
    assert.equal(exe.status, 400);
    assert.equal(((await exe.json()) as { code: string }).code, 'unsupported_file_type');
  });

  test('work queue: the unit’s dossiers, due soonest first, with overdue counts', async () => {
    await at('2026-07-06T01:00:00Z');
    const q = await as.chuyenvien!.get('/api/dossiers?scope=unit');
    assert.equal(q.status, 200);
    assert.ok(q.body.items.length > 0);
    const dues = q.body.items.map((i: { effectiveDueAt: string | null }) => i.effectiveDueAt).filter(Boolean);
    assert.deepEqual(dues, [...dues].sort());
    assert.ok(q.body.overdue > 0);
    assert.ok(q.body.items.some((i: { overdue: boolean }) => i.overdue));
    // The supervisor's chase list: late or nearly due, without an apology letter.
    const chase = await as.giamsat!.get('/api/dossiers?needsApology=true');
    assert.equal(chase.status, 200);
    assert.ok(chase.body.items.length > 0);
    assert.ok(chase.body.items.every((i: { apologyIssued: boolean; overdue: boolean; dueSoon: boolean }) => !i.apologyIssued && (i.overdue || i.dueSoon)));
  });
});
