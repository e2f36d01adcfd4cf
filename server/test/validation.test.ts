import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';

let sys: TestSystem;
let admin: ApiClient;
let rootId: string;

async function counts() {
  const db = sys.ctx.db;
  const [u, s, a] = await Promise.all([
    db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('staff_account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('audit_log').where('action', 'like', 'unit.%').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return [Number(u.n), Number(s.n), Number(a.n)];
}

before(async () => {
  sys = await startTestSystem();
  admin = new ApiClient(sys.url);
  await admin.login('admin');
  rootId = (await admin.get('/api/units')).body.find((u: { parentId: string | null }) => u.parentId === null).id;
});
after(async () => sys?.close());

function assertProblem(res: { status: number; headers: Headers; body: any }, status: number, path?: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.ok(res.body.message.vi && res.body.message.en, 'message in vi and en');
  if (path) {
    const err = res.body.errors.find((e: { path: string }) => e.path === path);
    assert.ok(err, `no error at ${path}: ${JSON.stringify(res.body.errors)}`);
    assert.ok(err.message.vi && err.message.en);
  }
}

describe('bad input is refused with a clear problem and writes nothing', () => {
  test('wrong types', async () => {
    const before = await counts();
    const res = await admin.post('/api/units', { parentId: rootId, kind: 'department', code: 42, name: 'Sở A' });
    assertProblem(res, 400, 'body.code');
    assert.deepEqual(await counts(), before);
  });

  test('unknown fields are named', async () => {
    const before = await counts();
    const res = await admin.post('/api/units', { parentId: rootId, kind: 'department', code: 'A.B', name: 'Sở B', colour: 'red' });
    assertProblem(res, 400, 'body.colour');
    assert.deepEqual(await counts(), before);
  });

  test('over-long strings', async () => {
    const before = await counts();
    const res = await admin.post('/api/units', { parentId: rootId, kind: 'department', code: 'A.C', name: 'Sở '.repeat(200) });
    assertProblem(res, 400, 'body.name');
    assert.match(res.body.errors[0].message.vi, /Dài quá 250 ký tự/);
    assert.match(res.body.errors[0].message.en, /Longer than 250 characters/);
    assert.deepEqual(await counts(), before);
  });

  test('nested paths point into arrays', async () => {
    const before = await counts();
    const res = await admin.post('/api/staff', { username: 'new.user', fullName: 'Người mới', password: 'mat-khau-dai-1', roles: [{ role: 'boss', unitId: rootId }] });
    assertProblem(res, 400, 'body.roles[0].role');
    assert.deepEqual(await counts(), before);
  });

  test('malformed JSON', async () => {
    const before = await counts();
    const res = await admin.post('/api/units', '{"parentId": ');
    assertProblem(res, 400, 'body');
    assert.equal(res.body.code, 'malformed_json');
    assert.deepEqual(await counts(), before);
  });

  test('a 10 MB body gets 413', async () => {
    const before = await counts();
    const res = await admin.post('/api/units', JSON.stringify({ parentId: rootId, kind: 'other', code: 'BIG', name: 'x'.repeat(10 * 1024 * 1024) }));
    assertProblem(res, 413);
    assert.equal(res.body.code, 'body_too_large');
    assert.deepEqual(await counts(), before);
  });

  test('bad path parameters', async () => {
    const res = await admin.get('/api/units/not-a-uuid');
    assertProblem(res, 400, 'params.id');
  });

  test('the English problem is in English', async () => {
    const en = new ApiClient(sys.url, 'en');
    en.cookie = admin.cookie;
    en.csrfToken = admin.csrfToken;
    const res = await en.post('/api/units', { parentId: rootId, kind: 'nope', code: 'A.D', name: 'Sở D' });
    assertProblem(res, 400, 'body.kind');
    assert.equal(res.body.title, 'The submitted data is invalid');
    assert.match(res.body.detail, /body\.kind: Invalid value/);
  });

  test('a duplicate agency code is a 409 conflict and changes nothing', async () => {
    const before = await counts();
    const res = await admin.post('/api/units', { parentId: rootId, kind: 'department', code: '000.00.15.H29', name: 'Trùng mã' });
    assertProblem(res, 409);
    assert.equal(res.body.code, 'unit_code_taken');
    assert.deepEqual(await counts(), before);
  });

  test('a commune code from another province is refused', async () => {
    const res = await admin.post('/api/units', { parentId: rootId, kind: 'commune_committee', code: 'HN.BA.DINH', name: 'UBND phường Ba Đình', communeCode: '00004' });
    assertProblem(res, 400, 'body.communeCode');
  });
});
