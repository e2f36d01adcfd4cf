import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ApiClient, createTestDatabase, createTestDataDir, startServerProcess } from '../src/testing/harness.ts';
import { officeFixture } from './support/citizen-flow.ts';

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/**
 * A stand-in SMS provider speaking the HTTP API the real adapter talks (JSON POST, bearer token,
 * Idempotency-Key), keeping its idempotency keys as providers do: a key seen before is answered
 * again but not delivered again. Its third request is delivered and then never answered, so the
 * server is killed in the middle of that request.
 */
function stubSmsProvider() {
  const delivered: { key: string; to: string; text: string }[] = [];
  const requests: string[] = [];
  let onHang!: (key: string) => void;
  const hung = new Promise<string>((resolve) => (onHang = resolve));
  const hangAt = 3;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.headers.authorization !== 'Bearer provider-token') {
        res.writeHead(401).end();
        return;
      }
      const key = String(req.headers['idempotency-key']);
      const message = JSON.parse(body) as { to: string; text: string; idempotencyKey: string };
      assert.equal(message.idempotencyKey, key);
      requests.push(key);
      if (!delivered.some((d) => d.key === key)) delivered.push({ key, to: message.to, text: message.text });
      if (requests.length === hangAt) {
        onHang(key);
        return; // delivered to the handset, but the answer never comes
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${delivered.findIndex((d) => d.key === key)}` }));
    });
  });
  return { server, delivered, requests, hung };
}

async function until(what: string, condition: () => Promise<boolean> | boolean, limitMs = 60_000) {
  const end = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('the worker killed mid-delivery: after a restart every notification is delivered exactly once, none twice', { timeout: 240_000 }, async () => {
  const provider = stubSmsProvider();
  await new Promise<void>((r) => provider.server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => provider.server.close(() => r())));
  cleanups.push(() => void provider.server.closeAllConnections());
  const port = (provider.server.address() as { port: number }).port;

  const dataDir = process.env.DATABASE_URL ? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-notify-crash-')) : await createTestDataDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SMS_GATEWAY: 'http',
    SMS_HTTP_URL: `http://127.0.0.1:${port}/sms/send`,
    SMS_HTTP_TOKEN: 'provider-token',
    EMAIL_TRANSPORT: 'sandbox',
    NOTIFY_POLL_MS: '100',
    NOTIFY_LEASE_SECONDS: '2',
  };
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase(process.env.DATABASE_URL);
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }

  const first = await startServerProcess(env);
  cleanups.push(() => void first.child.kill('SIGKILL'));
  const f = await officeFixture(first, ['tiepnhan']);
  const dossiers = [];
  for (let i = 0; i < 6; i++) dossiers.push(await f.receive({ phone: `090200000${i}`, email: `nguoi${i}@example.vn` }));
  const inFlight = await provider.hung;
  first.child.kill('SIGKILL');
  if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((r) => first.child.once('exit', r));
  assert.equal(provider.requests.filter((k) => k === inFlight).length, 1);

  const second = await startServerProcess(env);
  cleanups.push(() => void second.child.kill('SIGKILL'));
  const admin = new ApiClient(second.url);
  await admin.login('admin');
  const outbox = async () => (await admin.get('/api/notifications/outbox?limit=500')).body as { channel: string; status: string; dossierCode: string }[];
  await until('every message marked sent', async () => {
    const rows = await outbox();
    return rows.length === 12 && rows.every((r) => r.status === 'sent');
  });

  // SMS: one delivery per reception, to its applicant, each with its own key; the message in flight at
  // the kill was sent again after the restart with the same key, and the provider did not deliver it twice.
  assert.equal(provider.delivered.length, 6);
  assert.deepEqual(provider.delivered.map((d) => d.to).sort(), dossiers.map((_, i) => `+8490200000${i}`).sort());
  for (const d of dossiers) assert.equal(provider.delivered.filter((m) => m.text.includes(d.code)).length, 1, `${d.code} delivered once`);
  assert.equal(new Set(provider.delivered.map((d) => d.key)).size, 6);
  assert.equal(provider.requests.filter((k) => k === inFlight).length, 2, 'the interrupted message was retried after the restart');
  assert.equal(provider.requests.length, 7, 'nothing but the interrupted message was sent twice');

  // Email (sandbox gateway): one per reception too.
  const mail = (await new ApiClient(second.url).get('/api/sandbox/inbox?channel=email&limit=200')).body as { recipient: string; idempotencyKey: string; body: string }[];
  assert.equal(mail.length, 6);
  assert.equal(new Set(mail.map((m) => m.idempotencyKey)).size, 6);
  for (const d of dossiers) assert.equal(mail.filter((m) => m.body.includes(d.code)).length, 1);

  second.child.kill('SIGKILL');
  await new Promise((r) => second.child.once('exit', r));
});
