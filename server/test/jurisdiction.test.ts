import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';

let sys: TestSystem;
let units: { id: string; name: string; communeCode: string | null; parentId: string | null }[];
const byName = (fragment: string) => units.find((u) => u.name.includes(fragment))!;

before(async () => {
  sys = await startTestSystem();
  const admin = new ApiClient(sys.url);
  await admin.login('admin');
  units = (await admin.get('/api/units')).body;
});
after(async () => sys?.close());

describe('roles cover their unit subtree', () => {
  test('a specialist of commune A sees A and gets 403 on commune B', async () => {
    const api = new ApiClient(sys.url);
    await api.login('chuyenvien');
    const a = byName('Thuận Giao');
    const b = byName('Lái Thiêu');
    assert.equal((await api.get(`/api/units/${a.id}`)).status, 200);
    const denied = await api.get(`/api/units/${b.id}`);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');
    const visible = (await api.get('/api/units')).body.map((u: { id: string }) => u.id);
    assert.deepEqual(visible, [a.id]);
  });

  test('403 does not leak whether the object exists', async () => {
    const api = new ApiClient(sys.url);
    await api.login('chuyenvien');
    const missing = await api.get(`/api/units/${randomUUID()}`);
    const other = await api.get(`/api/units/${byName('Lái Thiêu').id}`);
    assert.equal(missing.status, 403);
    assert.deepEqual({ ...missing.body, requestId: null }, { ...other.body, requestId: null });
  });

  test('a leader of the province sees both communes and every unit', async () => {
    const api = new ApiClient(sys.url);
    await api.login('lanhdao');
    assert.equal((await api.get(`/api/units/${byName('Thuận Giao').id}`)).status, 200);
    assert.equal((await api.get(`/api/units/${byName('Lái Thiêu').id}`)).status, 200);
    assert.equal((await api.get('/api/units')).body.length, units.length);
  });

  test('only admins change units and accounts, and only inside their jurisdiction', async () => {
    const leader = new ApiClient(sys.url);
    await leader.login('lanhdao');
    const root = units.find((u) => u.parentId === null)!;
    assert.equal((await leader.post('/api/units', { parentId: root.id, kind: 'other', code: 'X.LEADER', name: 'Thử' })).status, 403);
    assert.equal((await leader.get('/api/staff')).status, 200);
    const specialist = new ApiClient(sys.url);
    await specialist.login('chuyenvien');
    assert.equal((await specialist.get('/api/staff')).status, 403);
  });

  test('an admin of a commune cannot grant roles above it', async () => {
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const a = byName('Thuận Giao');
    const root = units.find((u) => u.parentId === null)!;
    const created = await admin.post('/api/staff', {
      username: 'admin.thuangiao',
      fullName: 'Quản trị phường Thuận Giao',
      password: 'mat-khau-dai-1',
      roles: [{ role: 'admin', unitId: a.id }],
    });
    assert.equal(created.status, 201);
    const local = new ApiClient(sys.url);
    await local.login('admin.thuangiao', 'mat-khau-dai-1');
    const escalate = await local.post('/api/staff', {
      username: 'escalated',
      fullName: 'Leo quyền',
      password: 'mat-khau-dai-2',
      roles: [{ role: 'leader', unitId: root.id }],
    });
    assert.equal(escalate.status, 403);
    const list = (await local.get('/api/staff')).body.map((s: { username: string }) => s.username);
    assert.deepEqual(list.sort(), ['admin.thuangiao', 'chuyenvien']);
    const lanhdao = (await admin.get('/api/staff')).body.find((s: { username: string }) => s.username === 'lanhdao');
    assert.equal((await local.get(`/api/staff/${lanhdao.id}`)).status, 403);
    assert.equal((await local.patch(`/api/staff/${lanhdao.id}`, { active: false })).status, 403);
  });
});
