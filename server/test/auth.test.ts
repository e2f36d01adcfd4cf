import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';

let sys: TestSystem;
const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
before(async () => (sys = await startTestSystem({ clock })));
after(async () => sys?.close());

describe('staff sign-in', () => {
  test('login sets a secure, HttpOnly, SameSite session cookie and returns the roles and a CSRF token', async () => {
    const api = new ApiClient(sys.url);
    const res = await api.post('/api/auth/login', { username: 'tiepnhan', password: 'motcua-demo' });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^motcua_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /Secure/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.equal(res.body.user.username, 'tiepnhan');
    assert.deepEqual(res.body.user.roles.map((r: { role: string }) => r.role), ['counter_officer']);
    assert.ok(res.body.csrfToken.length >= 20);
    assert.equal(JSON.stringify(res.body).includes('password'), false);
  });

  test('wrong password and unknown user get the same 401 in Vietnamese and English', async () => {
    const vi = await new ApiClient(sys.url).post('/api/auth/login', { username: 'nobody', password: 'x' });
    const en = await new ApiClient(sys.url, 'en').post('/api/auth/login', { username: 'giamsat', password: 'wrong' });
    assert.equal(vi.status, 401);
    assert.equal(en.status, 401);
    assert.equal(vi.body.code, en.body.code);
    assert.equal(vi.body.title, 'Tên đăng nhập hoặc mật khẩu không đúng');
    assert.equal(en.body.title, 'Wrong username or password');
  });

  test('a session-authenticated write without the CSRF token is refused', async () => {
    const api = new ApiClient(sys.url);
    await api.login('admin');
    const units = await api.get('/api/units');
    const root = units.body.find((u: { parentId: string | null }) => u.parentId === null);
    const noToken = await api.post('/api/units', { parentId: root.id, kind: 'other', code: 'X.CSRF', name: 'Không có mã' }, { 'x-csrf-token': '' });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.body.code, 'csrf_failed');
    const after = await api.get('/api/units');
    assert.equal(after.body.length, units.body.length);
  });

  test('logout ends the session', async () => {
    const api = new ApiClient(sys.url);
    await api.login('lanhdao');
    assert.equal((await api.get('/api/auth/me')).status, 200);
    assert.equal((await api.post('/api/auth/logout')).status, 204);
    assert.equal((await api.get('/api/auth/me')).status, 401);
  });

  test('requests without a session get 401', async () => {
    const res = await new ApiClient(sys.url).get('/api/units');
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 'unauthenticated');
  });

  test('sessions expire', async () => {
    const api = new ApiClient(sys.url);
    await api.login('giamsat');
    clock.advance(13 * 3600_000);
    assert.equal((await api.get('/api/auth/me')).status, 401);
  });

  test('five failures lock the account for 15 minutes, even against the right password', async () => {
    const api = new ApiClient(sys.url);
    for (let i = 0; i < 5; i++) assert.equal((await api.post('/api/auth/login', { username: 'chuyenvien', password: 'wrong-' + i })).status, 401);
    const locked = await api.post('/api/auth/login', { username: 'chuyenvien', password: 'motcua-demo' });
    assert.equal(locked.status, 423);
    assert.equal(locked.body.code, 'account_locked');
    clock.advance(16 * 60_000);
    assert.equal((await api.post('/api/auth/login', { username: 'chuyenvien', password: 'motcua-demo' })).status, 200);
  });

  test('an admin can unlock a locked account', async () => {
    const api = new ApiClient(sys.url);
    for (let i = 0; i < 5; i++) await api.post('/api/auth/login', { username: 'tiepnhan', password: 'nope' });
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const list = await admin.get('/api/staff');
    const tiepnhan = list.body.find((a: { username: string }) => a.username === 'tiepnhan');
    assert.ok(tiepnhan.lockedUntil);
    assert.equal((await admin.patch(`/api/staff/${tiepnhan.id}`, { unlock: true })).status, 200);
    assert.equal((await api.post('/api/auth/login', { username: 'tiepnhan', password: 'motcua-demo' })).status, 200);
  });
});

describe('login rate limit', () => {
  let limited: TestSystem;
  before(async () => (limited = await startTestSystem({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } })));
  after(async () => limited?.close());

  test('the fourth login attempt in a minute from one address gets 429 problem+json', async () => {
    const api = new ApiClient(limited.url);
    // A forged X-Forwarded-For does not give a client a fresh address (no proxy is trusted by default).
    for (let i = 0; i < 3; i++) await api.post('/api/auth/login', { username: 'x' + i, password: 'y' }, { 'x-forwarded-for': `10.0.0.${i}` });
    const res = await api.post('/api/auth/login', { username: 'admin', password: 'motcua-demo' }, { 'x-forwarded-for': '10.0.0.99' });
    assert.equal(res.status, 429);
    assert.equal(res.body.code, 'rate_limited');
    assert.ok(res.body.message.vi && res.body.message.en);
  });
});
