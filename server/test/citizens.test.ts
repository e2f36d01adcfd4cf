import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, type TestSystem } from '../src/testing/harness.ts';
import { CitizenClient } from '../src/testing/citizen-client.ts';

let sys: TestSystem;
before(async () => {
  sys = await startTestSystem();
});
after(async () => sys?.close());

const sessions = async () => Number((await sys.ctx.db.selectFrom('citizen_session').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('citizen identity', () => {
  test('sign-in through the sandbox e-ID (code + PKCE, state, nonce) gives a citizen session with the level-2 profile', async () => {
    const c = new CitizenClient(sys.url);
    const me = await c.signInWithEid('vneid-demo-0001');
    assert.equal(me.citizen.fullName, 'Nguyễn Văn An');
    assert.equal(me.citizen.idNumber, '079090001234');
    assert.equal(me.citizen.birthDate, '1990-04-12');
    assert.equal(me.citizen.address.communeCode, '25969');
    assert.equal(me.citizen.assuranceLevel, 2);
    assert.ok(c.jar.has('motcua_citizen'));
    // A citizen session is not a staff session.
    assert.equal((await c.get('/api/dossiers')).status, 401);
    // Writes need the citizen CSRF token.
    const token = c.csrfToken;
    c.csrfToken = '';
    assert.equal((await c.post('/api/citizen/auth/logout')).status, 403);
    c.csrfToken = token;
    assert.equal((await c.post('/api/citizen/auth/logout')).status, 204);
    assert.equal((await c.get('/api/citizen/me')).status, 401);
  });

  test('a forged callback with the wrong state is refused and opens no session', async () => {
    const before = await sessions();
    const c = new CitizenClient(sys.url);
    const callback = await c.eidCallbackUrl('vneid-demo-0002');
    callback.searchParams.set('state', 'forged-state-value');
    const res = await c.raw('GET', callback.pathname + callback.search);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { code: string; message: { vi: string; en: string } };
    assert.equal(body.code, 'eid_callback_refused');
    assert.ok(body.message.vi.length > 0 && body.message.en.length > 0);
    assert.equal(c.jar.has('motcua_citizen'), false);
    assert.equal(await sessions(), before);
    // The flow was used up: replaying the genuine callback fails too.
    callback.searchParams.delete('state');
    assert.equal((await c.raw('GET', callback.pathname + callback.search)).status, 400);
    assert.equal(await sessions(), before);
  });

  test('a callback whose ID token carries another nonce is refused and opens no session', async () => {
    const before = await sessions();
    const c = new CitizenClient(sys.url);
    const callback = await c.eidCallbackUrl('vneid-demo-0003');
    // The flow the browser holds now expects another nonce than the one the provider put in the token.
    await sys.ctx.db.updateTable('citizen_login_flow').set({ nonce: 'another-nonce-than-sent' }).execute();
    const res = await c.raw('GET', callback.pathname + callback.search);
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { code: string }).code, 'eid_callback_refused');
    assert.equal(await sessions(), before);
    assert.equal(c.jar.has('motcua_citizen'), false);
  });

  test('a callback without the browser’s flow cookie is refused', async () => {
    const c = new CitizenClient(sys.url);
    const callback = await c.eidCallbackUrl('vneid-demo-0001');
    c.jar.delete('motcua_eid_flow');
    assert.equal((await c.raw('GET', callback.pathname + callback.search)).status, 400);
  });

  test('phone + one-time code: the code goes to the sandbox SMS outbox; wrong codes are refused', async () => {
    const c = new CitizenClient(sys.url);
    assert.equal((await c.post('/api/citizen/auth/otp', { phone: '0909 111 222' })).status, 200);
    const sms = await c.get('/api/sandbox/sms?phone=0909111222');
    const code = /(\d{6})/.exec(sms.body[0].body)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await c.post('/api/citizen/auth/otp/verify', { phone: '0909111222', code: wrong });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'otp_invalid');
    const ok = await c.post('/api/citizen/auth/otp/verify', { phone: '0909111222', code });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.citizen.signedInWith, 'phone');
    assert.equal(ok.body.citizen.assuranceLevel, 0);
    // One use only.
    assert.equal((await new CitizenClient(sys.url).post('/api/citizen/auth/otp/verify', { phone: '0909111222', code })).status, 400);
  });
});
