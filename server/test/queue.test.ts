import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSecondInstance, startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { handleQueueSmsCommand } from '../src/modules/queue/queue.sms.ts';
import { signWebhook } from '../src/modules/notifications/sms-signature.ts';

// Monday 23 November 2026, 08:30 in Vietnam.
const clock = fixedClock(new Date('2026-11-23T01:30:00Z'));
const SMS_SECRET = 'queue-test-inbound-secret-0123';
let sys: TestSystem;
let second: Awaited<ReturnType<typeof startSecondInstance>>;
const CENTRE = '000.00.01.H29';
before(async () => {
  sys = await startTestSystem({ clock, env: { SMS_INBOUND_SECRET: SMS_SECRET } });
  second = await startSecondInstance(sys);
});
after(async () => {
  await second?.close();
  await sys?.close();
});

/** Reads server-sent events until `until` says stop. */
async function readEvents(url: string, until: (events: { event: string; data: any }[]) => boolean) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const events: { event: string; data: any }[] = [];
  const reader = res.body!.getReader();
  let buffer = '';
  const done = (async () => {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let i;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
    controller.abort();
    return events;
  })();
  return { events, done };
}

describe('queue', () => {
  let admin: ApiClient;
  let officer: ApiClient;
  let setup: any;
  before(async () => {
    admin = new ApiClient(sys.url);
    await admin.login('admin');
    officer = new ApiClient(sys.url);
    await officer.login('tiepnhan');
    setup = (await admin.get(`/api/queue/centres/${CENTRE}`)).body;
  });

  test('the demo centre has four groups, six counters and today\'s opening hours from the calendar', async () => {
    assert.deepEqual(setup.groups.map((g: any) => g.prefix), ['A', 'B', 'C', 'D']);
    assert.equal(setup.counters.length, 6);
    assert.equal(setup.hoursToday.open, true);
    assert.equal(setup.hoursToday.openNow, true);
    assert.deepEqual(setup.hoursToday.periods[0], { start: '07:00', end: '11:30' });
    assert.equal(setup.settings.maxPriorityInRow, 2);
  });

  test('admin adds a group and a counter; bad input is refused with the field named; officers may not', async () => {
    const bad = await admin.post(`/api/queue/centres/${CENTRE}/groups`, { prefix: 'A', name: 'Trùng tiền tố' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.prefix');
    const group = await admin.post(`/api/queue/centres/${CENTRE}/groups`, { prefix: 'e', name: 'Lao động, thương binh và xã hội', fieldName: 'Lao động' });
    assert.equal(group.status, 201);
    assert.equal(group.body.prefix, 'E');
    const counter = await admin.post(`/api/queue/centres/${CENTRE}/counters`, { number: 7, name: 'Quầy 7', groupIds: [group.body.id] });
    assert.equal(counter.status, 201);
    assert.deepEqual(counter.body.groupIds, [group.body.id]);
    assert.equal((await officer.post(`/api/queue/centres/${CENTRE}/groups`, { prefix: 'F', name: 'x' })).status, 403);
    const settings = await admin.patch(`/api/queue/centres/${CENTRE}/settings`, { maxPriorityInRow: 3 });
    assert.equal(settings.body.maxPriorityInRow, 3);
    await admin.patch(`/api/queue/centres/${CENTRE}/settings`, { maxPriorityInRow: 2 });
  });

  test('kiosk ticket → counter calls it → the board on the other instance hears it; recall, serve, link, rate, figures', async () => {
    const kiosk = new ApiClient(sys.url);
    const groupA = setup.groups[0];
    const counter1 = setup.counters.find((c: any) => c.number === 1);
    const first = await kiosk.post(`/api/public/queue/centres/${CENTRE}/tickets`, { groupId: groupA.id });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.number, 'A001');
    assert.equal(first.body.peopleAhead, 0);
    const secondTicket = await kiosk.post(`/api/public/queue/centres/${CENTRE}/tickets`, { groupId: groupA.id });
    assert.equal(secondTicket.body.number, 'A002');
    assert.equal(secondTicket.body.peopleAhead, 1);
    assert.equal(secondTicket.body.estimatedWaitMinutes, 8, 'one ahead at 8 minutes, no counter open yet counts as one');

    // Not signed in at the counter yet.
    assert.equal((await officer.post(`/api/queue/counters/${counter1.id}/call-next`)).body.code, 'not_at_counter');
    const desk = await officer.post(`/api/queue/counters/${counter1.id}/sign-in`);
    assert.equal(desk.status, 200);
    assert.equal(desk.body.counter.officer.name, 'Nguyễn Thị Tiếp Nhận');
    assert.deepEqual(desk.body.waiting.map((w: any) => w.number), ['A001', 'A002']);

    const board = await readEvents(`${second.url}/api/public/queue/centres/${CENTRE}/events`, (ev) => ev.some((e) => e.event === 'queue' && e.data.kind === 'recalled'));
    // Wait for the snapshot so the board is listening before the call.
    while (!board.events.some((e) => e.event === 'snapshot')) await new Promise((r) => setTimeout(r, 10));
    const called = await officer.post(`/api/queue/counters/${counter1.id}/call-next`);
    assert.equal(called.body.ticket.number, 'A001');
    assert.equal(called.body.ticket.status, 'called');
    assert.equal((await officer.post(`/api/queue/counters/${counter1.id}/call-next`)).body.code, 'counter_busy');
    await officer.post(`/api/queue/tickets/${first.body.id}/recall`);
    const events = await board.done;
    const calls = events.filter((e) => e.event === 'queue' && e.data.call);
    assert.deepEqual(calls.map((e) => [e.data.kind, e.data.call.number, e.data.call.counterNumber]), [['called', 'A001', 1], ['recalled', 'A001', 1]]);

    const state = (await kiosk.get(`/api/public/queue/centres/${CENTRE}/board`)).body;
    assert.equal(state.counters.find((c: any) => c.counterNumber === 1).ticketNumber, 'A001');
    assert.equal(state.lastCalled[0].number, 'A001');

    assert.equal((await officer.post(`/api/queue/tickets/${first.body.id}/start`)).body.status, 'serving');
    const link = await officer.post(`/api/queue/tickets/${first.body.id}/dossier`, { dossierCode: '000.00.01.H29-261123-9999' });
    assert.equal(link.status, 400);
    assert.equal(link.body.errors[0].path, 'body.dossierCode');
    clock.advance(6 * 60_000);
    const done = await officer.post(`/api/queue/tickets/${first.body.id}/finish`);
    assert.equal(done.body.status, 'done');

    // Rating: the citizen sees who served them, rates once.
    const served = await kiosk.get(`/api/public/queue/centres/${CENTRE}/served/a001`);
    assert.equal(served.body.officerName, 'Nguyễn Thị Tiếp Nhận');
    const rate = await kiosk.post(`/api/public/queue/centres/${CENTRE}/ratings`, { number: 'A001', level: 'very_satisfied', reasons: ['friendly', 'fast'] });
    assert.equal(rate.status, 201);
    assert.equal((await kiosk.post(`/api/public/queue/centres/${CENTRE}/ratings`, { number: 'A001', level: 'not_satisfied' })).body.code, 'already_rated');
    assert.equal((await kiosk.post(`/api/public/queue/centres/${CENTRE}/ratings`, { number: 'A002', level: 'satisfied' })).body.code, 'not_served');

    // Skip and transfer.
    const next = await officer.post(`/api/queue/counters/${counter1.id}/call-next`);
    assert.equal(next.body.ticket.number, 'A002');
    const groupB = setup.groups[1];
    const moved = await officer.post(`/api/queue/tickets/${next.body.ticket.id}/transfer`, { groupId: groupB.id });
    assert.equal(moved.body.status, 'waiting');
    assert.equal(moved.body.group.prefix, 'B');
    assert.equal(moved.body.number, 'A002', 'a transferred ticket keeps its number');
    assert.equal((await officer.post(`/api/queue/counters/${counter1.id}/call-next`)).body.ticket, null);

    const supervisor = new ApiClient(sys.url);
    await supervisor.login('giamsat');
    const stats = (await supervisor.get(`/api/queue/centres/${CENTRE}/stats?day=2026-11-23`)).body;
    assert.equal(stats.totals.served, 1);
    assert.equal(stats.totals.avgServiceMinutes, 6);
    assert.equal(stats.ratings.very_satisfied, 1);
    assert.equal(stats.ratings.reasons.friendly, 1);
    assert.equal(stats.byOfficer[0].name, 'Nguyễn Thị Tiếp Nhận');
    assert.equal((await officer.get(`/api/queue/centres/${CENTRE}/stats`)).status, 403);
    await officer.post(`/api/queue/counters/${counter1.id}/sign-out`);
  });

  test('portal booking: slots inside opening hours, capacity, activation by the QR code on the day only', async () => {
    const portal = new ApiClient(sys.url);
    const groupC = setup.groups[2];
    const slots = (await portal.get(`/api/public/queue/centres/${CENTRE}/slots?groupId=${groupC.id}&day=2026-11-23`)).body;
    assert.equal(slots.open, true);
    assert.equal(slots.slots[0].start, '2026-11-23T00:00:00.000Z', '07:00 Vietnam time');
    assert.equal(slots.slots[0].available, false, 'already past');
    const slot = slots.slots.find((s: any) => s.available);
    const booking = await portal.post(`/api/public/queue/centres/${CENTRE}/bookings`, { groupId: groupC.id, slotStart: slot.start });
    assert.equal(booking.status, 201, JSON.stringify(booking.body));
    assert.equal(booking.body.status, 'booked');
    assert.equal(booking.body.number, null);
    const sunday = (await portal.get(`/api/public/queue/centres/${CENTRE}/slots?groupId=${groupC.id}&day=2026-11-22`)).body;
    assert.equal(sunday.open, false);
    const tomorrow = (await portal.get(`/api/public/queue/centres/${CENTRE}/slots?groupId=${groupC.id}&day=2026-11-24`)).body.slots[0];
    const later = await portal.post(`/api/public/queue/centres/${CENTRE}/bookings`, { groupId: groupC.id, slotStart: tomorrow.start });
    assert.equal((await portal.post(`/api/public/queue/bookings/${later.body.bookingCode}/activate`)).body.code, 'booking_not_today');

    const qr = await fetch(`${sys.url}/api/public/queue/bookings/${booking.body.bookingCode}/qr.svg`);
    assert.equal(qr.headers.get('content-type'), 'image/svg+xml');
    assert.match(await qr.text(), /^<svg /);
    const active = await portal.post(`/api/public/queue/bookings/${booking.body.bookingCode}/activate`);
    assert.equal(active.body.status, 'waiting');
    assert.equal(active.body.priority, 'appointment');
    assert.match(active.body.number, /^C\d{3}$/);
    const again = await portal.post(`/api/public/queue/bookings/${booking.body.bookingCode}/activate`);
    assert.equal(again.body.number, active.body.number, 'scanning twice gives the same ticket');
  });

  test('SMS "STT <group>" issues a ticket and answers in Vietnamese; bad commands get the syntax', async () => {
    const reply = await handleQueueSmsCommand(sys.ctx, { from: '+84901234567', text: 'stt d' });
    assert.match(reply, /^Số thứ tự của bạn: D\d{3} \(Lĩnh vực khác\) tại Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh\./);
    assert.match(await handleQueueSmsCommand(sys.ctx, { from: '+84901234567', text: 'STT Z' }), /Không có nhóm dịch vụ "Z"/);
    assert.match(await handleQueueSmsCommand(sys.ctx, { from: '+84901234567', text: 'hello' }), /^Cú pháp: STT/);
    // The same through the signed inbound SMS webhook, where the queue registers its command.
    const body = JSON.stringify({ messageId: 'stt-1', from: '0901234568', text: 'STT D' });
    const at = Math.floor(clock.now().getTime() / 1000);
    const res = await new ApiClient(sys.url).post('/api/sms/inbound', body, { 'x-motcua-timestamp': String(at), 'x-motcua-signature': signWebhook(SMS_SECRET, at, body) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.command, 'STT');
    assert.match(res.body.reply, /^So thu tu cua ban: D\d{3} \(Linh vuc khac\)/);
  });

  test('outside working hours the kiosk does not issue', async () => {
    const saved = clock.now();
    clock.set(new Date('2026-11-22T03:00:00Z')); // Sunday
    const res = await new ApiClient(sys.url).post(`/api/public/queue/centres/${CENTRE}/tickets`, { groupId: setup.groups[0].id });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'centre_closed');
    clock.set(saved);
  });
});
