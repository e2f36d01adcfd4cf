import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { workerFor, DeliveryWorker } from '../src/modules/notifications/notifications.worker.ts';
import { DeliveryError, SandboxGateway } from '../src/modules/notifications/notifications.gateways.ts';
import { registerSmsCommand } from '../src/modules/notifications/sms-commands.ts';
import { signWebhook } from '../src/modules/notifications/sms-signature.ts';
import { officeFixture, type OfficeFixture } from './support/citizen-flow.ts';

const SECRET = 'test-inbound-secret-0123456789';
const clock = fixedClock(new Date('2026-05-04T01:00:00Z')); // Monday 08:00 in Vietnam
let sys: TestSystem;
let f: OfficeFixture;
const anon = () => new ApiClient(sys.url);

before(async () => {
  // The worker is driven by hand here (deliverDue), so every assertion sees a settled outbox.
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720', NOTIFY_WORKER: 'off', SMS_INBOUND_SECRET: SECRET, PUBLIC_BASE_URL: 'https://dichvucong.example.vn' } });
  f = await officeFixture(sys);
});
after(async () => sys?.close());

const deliver = () => workerFor(sys.ctx).deliverDue(200);
const inbox = async (recipient: string, channel = 'sms') => (await anon().get(`/api/sandbox/inbox?recipient=${encodeURIComponent(recipient)}&channel=${channel}`)).body as { body: string; subject: string | null; idempotencyKey: string }[];
const outboxOf = async (code: string) => (await f.as.admin!.get(`/api/notifications/outbox?dossierCode=${encodeURIComponent(code)}`)).body as { kind: string; channel: string; status: string; recipient: string; attempts: number }[];

describe('notifications from dossier events', () => {
  test('reception, supplement request, apology, result and return each send one SMS (no diacritics) and one email', async () => {
    const phone = '0901000001';
    let d = await f.receive({ phone, email: 'buoc1@example.vn' });
    assert.deepEqual((await outboxOf(d.code)).map((m) => `${m.kind}/${m.channel}/${m.status}`).sort(), ['dossier_received/email/pending', 'dossier_received/sms/pending']);
    // Staff lists never show the whole number or address.
    assert.ok((await outboxOf(d.code)).every((m) => m.recipient.includes('***')));
    await deliver();
    let sms = await inbox(phone);
    assert.equal(sms.length, 1);
    assert.match(sms[0]!.body, new RegExp(`^MotCua: Ho so ${d.code.replace(/\./g, '\\.')} \\(Dang ky thuong tru\\) da duoc tiep nhan, hen tra \\d\\d:\\d\\d \\d\\d/\\d\\d/2026\\. Tra cuu: https://dichvucong\\.example\\.vn/tra-cuu/`));
    assert.match(sms[0]!.body, /^[\x20-\x7E]*$/);
    const mail = await inbox('buoc1@example.vn', 'email');
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.subject, `Hồ sơ ${d.code} đã được tiếp nhận`);
    assert.match(mail[0]!.body, /Kính gửi ông\/bà Nguyễn Văn An/);

    d = await f.act('chuyenvien', d, { type: 'supplement_requested', reason: 'Thiếu giấy tờ chứng minh chỗ ở', missing: ['Giấy tờ chứng minh chỗ ở hợp pháp', 'Bản sao sổ hộ khẩu'] });
    await deliver();
    sms = await inbox(phone);
    assert.equal(sms.length, 2);
    assert.match(sms[0]!.body, /can bo sung: Giay to chung minh cho o hop phap; Ban sao so ho khau\. Ly do: Thieu giay to chung minh cho o\./);
    d = await f.act('tiepnhan', d, { type: 'supplement_received' });
    d = await f.act('lanhdao', d, { type: 'apology_issued', reason: 'Cần xác minh thêm tại địa phương', newDueAt: '2026-05-20T09:00:00Z' });
    d = await f.act('chuyenvien', d, { type: 'assigned' });
    d = await f.act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Xác nhận', fileSha256: f.fileSha }] });
    d = await f.act('tiepnhan', d, { type: 'returned' });
    await deliver();
    sms = await inbox(phone);
    assert.equal(sms.length, 5);
    const [invite, ready, apology] = sms.map((m) => m.body);
    assert.match(apology!, /MotCua xin loi: ho so .* chua kip tra dung hen \(Can xac minh them tai dia phuong\)\. Hen tra moi: 16:00 20\/05\/2026\./);
    assert.match(ready!, /da co ket qua\. Moi ong\/ba nhan ket qua tai Bo phan Mot cua/);
    assert.ok(invite!.includes(`https://dichvucong.example.vn/danh-gia/${d.code}?k=${d.lookupSecret}`));
    assert.ok((await outboxOf(d.code)).every((m) => m.status === 'sent' && m.attempts === 1));
    // Delivering again sends nothing more.
    assert.equal(await deliver(), 0);
    assert.equal((await inbox(phone)).length, 5);
  });

  test('a refused change writes no message: the outbox commits or rolls back with the dossier', async () => {
    const d = await f.receive({ phone: '0901000002', email: null });
    const stale = await f.as.chuyenvien!.post(`/api/dossiers/${d.id}/actions`, { expectedVersion: d.version - 1, type: 'supplement_requested', reason: 'x', missing: ['y'] });
    assert.equal(stale.status, 409);
    assert.equal((await outboxOf(d.code)).length, 1); // only the reception's SMS (no email given)
    await deliver();
  });

  test('a failing gateway is retried with exponential backoff, then marked failed; permanent errors are not retried', async () => {
    const d = await f.receive({ phone: '0901000003', email: null });
    let calls = 0;
    const flaky = {
      name: 'flaky',
      async send() {
        calls++;
        if (calls <= 2) throw new DeliveryError('503 from gateway', true);
        return { providerMessageId: 'ok-1' };
      },
    };
    const worker = new DeliveryWorker(sys.ctx, { sms: flaky, email: new SandboxGateway(sys.ctx.db, sys.ctx.clock, 'email') });
    await worker.deliverDue();
    let [m] = await outboxOf(d.code);
    assert.equal(m!.status, 'pending');
    assert.equal(m!.attempts, 1);
    assert.equal(await worker.deliverDue(), 0, 'not due again before its backoff');
    clock.advance(5000); // base 5 s for the first retry (jittered between 2.5 and 5 s)
    await worker.deliverDue();
    assert.equal(calls, 2);
    clock.advance(5000);
    assert.equal(await worker.deliverDue(), 0, 'the second retry waits up to 10 s');
    clock.advance(5000);
    await worker.deliverDue();
    [m] = await outboxOf(d.code);
    assert.equal(m!.status, 'sent');
    assert.equal(m!.attempts, 3);

    const e = await f.receive({ phone: '0901000004', email: null });
    const refusing = { name: 'refusing', send: async () => Promise.reject(new DeliveryError('400 invalid number', false)) };
    await new DeliveryWorker(sys.ctx, { sms: refusing, email: refusing }).deliverDue();
    [m] = await outboxOf(e.code);
    assert.equal(m!.status, 'failed');
    assert.equal(m!.attempts, 1);
  });
});

describe('templates are data', () => {
  test('admins edit them through the API; unknown placeholders and non-ASCII unaccented variants are refused', async () => {
    const list = await f.as.giamsat!.get('/api/notifications/templates');
    assert.equal(list.status, 200);
    const sms = list.body.find((t: { kind: string; channel: string }) => t.kind === 'dossier_received' && t.channel === 'sms');
    assert.match(sms.preview, /^MotCua: Ho so 000\.00\.06\.H56-260225-0001 \(Dang ky thuong tru\)/);
    assert.equal((await f.as.giamsat!.request('PUT', '/api/notifications/templates/dossier_received/sms', { body: 'x' })).status, 403);
    const bad = await f.as.admin!.request('PUT', '/api/notifications/templates/dossier_received/sms', { body: 'Hồ sơ {{code}} {{soTien}}' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.body');
    assert.match(bad.body.errors[0].message.vi, /Không có trường \{\{soTien\}\}/);
    const notAscii = await f.as.admin!.request('PUT', '/api/notifications/templates/dossier_received/sms', { body: 'Hồ sơ {{code}}', unaccentedBody: 'Hồ sơ {{code}}' });
    assert.equal(notAscii.status, 400);
    const ok = await f.as.admin!.request('PUT', '/api/notifications/templates/dossier_received/sms', { body: 'Đã nhận hồ sơ {{code}}, hẹn trả {{dueAt}}. Điện thoại đường dây nóng: 1022' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.match(ok.body.preview, /^Da nhan ho so 000\.00\.06\.H56-260225-0001, hen tra 09:15 04\/03\/2026\. Dien thoai duong day nong: 1022$/);
    const d = await f.receive({ phone: '0901000005', email: null });
    await deliver();
    assert.match((await inbox('0901000005'))[0]!.body, new RegExp(`^Da nhan ho so ${d.code.replace(/\./g, '\\.')}, hen tra`));
  });
});

describe('inbound SMS commands', () => {
  const post = (body: unknown, headers: Record<string, string>) => anon().post('/api/sms/inbound', typeof body === 'string' ? body : JSON.stringify(body), headers);
  const signed = (body: unknown, secret = SECRET, at = Math.floor(clock.now().getTime() / 1000)) => {
    const raw = JSON.stringify(body);
    return post(raw, { 'x-motcua-timestamp': String(at), 'x-motcua-signature': signWebhook(secret, at, raw) });
  };
  const stored = async () => {
    const inbound = await sys.ctx.db.selectFrom('sms_inbound').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const outbox = await sys.ctx.db.selectFrom('notification_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return [Number(inbound.n), Number(outbox.n)];
  };

  test('unsigned, wrongly signed, tampered and stale requests are refused with a vi+en message, and nothing is stored', async () => {
    const d = await f.receive({ phone: '0901000006', email: null });
    const before = await stored();
    const body = { messageId: 'in-1', from: '0901000006', text: `HS ${d.code} ${d.lookupSecret}` };
    const unsigned = await post(body, {});
    assert.equal(unsigned.status, 401);
    assert.equal(unsigned.body.code, 'signature_missing');
    assert.match(unsigned.body.message.vi, /thiếu chữ ký/);
    assert.match(unsigned.body.message.en, /not signed/);
    const wrong = await signed(body, 'another-secret-0123456789');
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.code, 'signature_invalid');
    assert.match(wrong.body.message.vi, /Chữ ký của yêu cầu không hợp lệ/);
    const at = Math.floor(clock.now().getTime() / 1000);
    const tampered = await post({ ...body, text: 'HS something else' }, { 'x-motcua-timestamp': String(at), 'x-motcua-signature': signWebhook(SECRET, at, JSON.stringify(body)) });
    assert.equal(tampered.status, 403);
    const stale = await signed(body, SECRET, at - 3600);
    assert.equal(stale.status, 403);
    assert.equal(stale.body.code, 'signature_expired');
    const invalidBody = await post('{"nonsense": true}', {});
    assert.equal(invalidBody.status, 401, 'an unsigned request does not even learn what a valid body is');
    assert.deepEqual(await stored(), before);
  });

  test('HS <code> <secret> answers the status; unknown commands get the help text; replays are answered once', async () => {
    const d = await f.receive({ phone: '0901000007', email: null });
    const ok = await signed({ messageId: 'in-2', from: '84901000007', text: `hs ${d.code} ${d.lookupSecret.toLowerCase()}` });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.command, 'HS');
    assert.match(ok.body.reply, new RegExp(`^Ho so ${d.code.replace(/\./g, '\\.')}: Dang xu ly\\. Hen tra \\d\\d:\\d\\d \\d\\d/\\d\\d/2026\\. Dang xu ly tai Uy ban nhan dan phuong Thuan Giao\\.$`));
    const wrongSecret = await signed({ messageId: 'in-3', from: '0901000007', text: `HS ${d.code} ZZZZZZZZZZ` });
    assert.match(wrongSecret.body.reply, /^Khong tim thay ho so/);
    const unknown = await signed({ messageId: 'in-4', from: '0901000007', text: 'Xin chào' });
    assert.equal(unknown.body.command, null);
    assert.match(unknown.body.reply, /Cu phap: HS <ma ho so> <ma tra cuu>: tinh trang ho so/);
    // Other modules add commands to the registry.
    registerSmsCommand('THU', 'THU <nhom>: so thu tu dang goi', async ({ args }) => `Nhóm ${args[0] ?? '?'}: đang gọi số 12`);
    const extra = await signed({ messageId: 'in-5', from: '0901000007', text: 'THU a' });
    assert.equal(extra.body.reply, 'Nhom a: dang goi so 12');
    const again = await signed({ messageId: 'in-2', from: '84901000007', text: `hs ${d.code} ${d.lookupSecret.toLowerCase()}` });
    assert.equal(again.status, 200);
    await deliver();
    const replies = (await inbox('0901000007')).filter((m) => m.idempotencyKey.startsWith('sms-reply:'));
    assert.deepEqual(replies.map((m) => m.idempotencyKey).sort(), ['sms-reply:in-2', 'sms-reply:in-3', 'sms-reply:in-4', 'sms-reply:in-5']);
  });
});
