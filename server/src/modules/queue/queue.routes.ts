import * as bwipjs from 'bwip-js/node';
import { z } from 'zod';
import { Problem } from '@motcua/core/http/problem.ts';
import {
  BoardState,
  BookingInput,
  CallInput,
  CentreSettings,
  CentreSettingsInput,
  Counter,
  CounterDesk,
  CounterInput,
  CounterUpdate,
  Day,
  Group,
  GroupInput,
  GroupUpdate,
  IssueInput,
  LinkDossierInput,
  PublicCentre,
  QueueSetup,
  QueueStats,
  RatingInput,
  ServedTicket,
  SlotList,
  TicketView,
  TransferInput,
} from '@motcua/core/queue/schemas.ts';
import { vietnamDay } from '@motcua/core/queue/ordering.ts';
import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.ts';
import { registerSmsCommand } from '../notifications/sms-commands.ts';
import { handleQueueSmsCommand, QUEUE_SMS_KEYWORD } from './queue.sms.ts';
import type { HttpApp } from '../../platform/http.ts';
import { closeRealtime } from '../../platform/realtime.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { boardTopic, QueueService } from './queue.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const CentreParams = z.strictObject({ centre: z.string().trim().min(1).max(60) });
const IdParams = z.strictObject({ id: z.uuid() });
const TicketResult = z.object({ ticket: TicketView.nullable() });
const tags = ['queue'];

export function registerQueueRoutes(app: HttpApp, ctx: AppContext) {
  // `STT <group>` by SMS, answered through the notifications module's signed inbound webhook.
  registerSmsCommand(QUEUE_SMS_KEYWORD, 'STT <nhom dich vu>: lay so thu tu, vi du STT A', ({ ctx, from, args }) =>
    handleQueueSmsCommand(ctx, { from, text: [QUEUE_SMS_KEYWORD, ...args].join(' ') }),
  );
  const service = new QueueService(ctx);
  const staff = requireStaff(ctx);
  const lookupLimit = { rateLimit: { max: ctx.config.LOOKUP_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

  // ── setup (admin) ─────────────────────────────────────────────────────
  app.get('/api/queue/centres/:centre', { preHandler: staff, schema: { tags, summary: 'Nhóm dịch vụ, quầy, giờ làm việc / Groups, counters, hours of a centre', params: CentreParams, response: { 200: QueueSetup, ...problems } } }, async (request) =>
    service.setup(staffOf(request), request.params.centre),
  );
  app.patch('/api/queue/centres/:centre/settings', { preHandler: staff, schema: { tags, summary: 'Cấu hình hàng đợi / Queue settings (priority rule N, slots)', params: CentreParams, body: CentreSettingsInput, response: { 200: CentreSettings, ...problems } } }, async (request) =>
    service.updateSettings(staffOf(request), request.params.centre, request.body),
  );
  app.post('/api/queue/centres/:centre/groups', { preHandler: staff, schema: { tags, summary: 'Thêm nhóm dịch vụ / Add a service group', params: CentreParams, body: GroupInput, response: { 201: Group, ...problems } } }, async (request, reply) =>
    reply.status(201).send(await service.createGroup(staffOf(request), request.params.centre, request.body)),
  );
  app.patch('/api/queue/groups/:id', { preHandler: staff, schema: { tags, summary: 'Sửa nhóm dịch vụ / Edit a service group', params: IdParams, body: GroupUpdate, response: { 200: Group, ...problems } } }, async (request) =>
    service.updateGroup(staffOf(request), request.params.id, request.body),
  );
  app.post('/api/queue/centres/:centre/counters', { preHandler: staff, schema: { tags, summary: 'Thêm quầy / Add a counter', params: CentreParams, body: CounterInput, response: { 201: Counter, ...problems } } }, async (request, reply) =>
    reply.status(201).send(await service.createCounter(staffOf(request), request.params.centre, request.body)),
  );
  app.patch('/api/queue/counters/:id', { preHandler: staff, schema: { tags, summary: 'Sửa quầy / Edit a counter', params: IdParams, body: CounterUpdate, response: { 200: Counter, ...problems } } }, async (request) =>
    service.updateCounter(staffOf(request), request.params.id, request.body),
  );

  // ── counter actions (counter officers) ────────────────────────────────
  app.get('/api/queue/counters/:id', { preHandler: staff, schema: { tags, summary: 'Màn hình quầy / The counter desk', params: IdParams, response: { 200: CounterDesk, ...problems } } }, async (request) =>
    service.desk(staffOf(request), request.params.id),
  );
  app.post('/api/queue/counters/:id/sign-in', { preHandler: staff, schema: { tags, summary: 'Vào quầy / Sign in at a counter', params: IdParams, response: { 200: CounterDesk, ...problems } } }, async (request) =>
    service.signIn(staffOf(request), request.params.id),
  );
  app.post('/api/queue/counters/:id/sign-out', { preHandler: staff, schema: { tags, summary: 'Rời quầy / Sign out of a counter', params: IdParams, response: { 204: z.null(), ...problems } } }, async (request, reply) => {
    await service.signOut(staffOf(request), request.params.id);
    return reply.status(204).send(null);
  });
  app.post('/api/queue/counters/:id/call-next', { preHandler: staff, schema: { tags, summary: 'Gọi số tiếp theo / Call the next ticket', description: 'ticket is null when nobody is waiting for this counter.', params: IdParams, response: { 200: TicketResult, ...problems } } }, async (request) => ({
    ticket: await service.callNext(staffOf(request), request.params.id),
  }));
  app.post('/api/queue/counters/:id/call', { preHandler: staff, schema: { tags, summary: 'Gọi một số cụ thể / Call a given ticket', params: IdParams, body: CallInput, response: { 200: TicketResult, ...problems } } }, async (request) => ({
    ticket: await service.callTicket(staffOf(request), request.params.id, request.body.ticketId),
  }));
  const ticketAction = (path: string, summary: string, run: (principal: ReturnType<typeof staffOf>, id: string) => Promise<unknown>) =>
    app.post(`/api/queue/tickets/:id/${path}`, { preHandler: staff, schema: { tags, summary, params: IdParams, response: { 200: TicketView, ...problems } } }, async (request) => run(staffOf(request), request.params.id) as Promise<TicketView>);
  ticketAction('recall', 'Gọi lại / Announce again', (p, id) => service.recall(p, id));
  ticketAction('no-show', 'Bỏ qua (vắng mặt) / Skip: no-show', (p, id) => service.noShow(p, id));
  ticketAction('start', 'Bắt đầu phục vụ / Start serving', (p, id) => service.start(p, id));
  ticketAction('finish', 'Kết thúc phục vụ / Finish serving', (p, id) => service.finish(p, id));
  app.post('/api/queue/tickets/:id/transfer', { preHandler: staff, schema: { tags, summary: 'Chuyển nhóm hoặc quầy / Transfer to a group or a counter', params: IdParams, body: TransferInput, response: { 200: TicketView, ...problems } } }, async (request) =>
    service.transfer(staffOf(request), request.params.id, request.body),
  );
  app.post('/api/queue/tickets/:id/dossier', { preHandler: staff, schema: { tags, summary: 'Gắn hồ sơ đã tiếp nhận / Link the dossier received', params: IdParams, body: LinkDossierInput, response: { 200: TicketView, ...problems } } }, async (request) =>
    service.linkDossier(staffOf(request), request.params.id, request.body),
  );

  // ── figures (supervisors) ─────────────────────────────────────────────
  app.get('/api/queue/centres/:centre/stats', { preHandler: staff, schema: { tags, summary: 'Số liệu hàng đợi trong ngày / Queue figures of a day', params: CentreParams, querystring: z.strictObject({ day: Day.optional() }), response: { 200: QueueStats, ...problems } } }, async (request) =>
    service.stats(staffOf(request), request.params.centre, request.query.day ?? vietnamDay(ctx.clock.now())),
  );

  // ── public: kiosk, portal, board ──────────────────────────────────────
  app.get('/api/public/queue/centres/:centre', { schema: { tags, summary: 'Nhóm dịch vụ và số người chờ / Groups and their lines (kiosk, portal)', params: CentreParams, response: { 200: PublicCentre, 404: Problem } } }, async (request) =>
    service.publicCentre(request.params.centre),
  );
  app.post('/api/public/queue/centres/:centre/tickets', { schema: { tags, summary: 'Lấy số thứ tự (ki-ốt) / Take a ticket at the kiosk', params: CentreParams, body: IssueInput, response: { 201: TicketView, ...problems } } }, async (request, reply) =>
    reply.status(201).send(await service.issue(request.params.centre, { groupId: request.body.groupId, priority: request.body.priority, channel: 'kiosk' })),
  );
  app.get('/api/public/queue/tickets/:id', { schema: { tags, summary: 'Số thứ tự (in phiếu) / A ticket (the printed slip)', params: IdParams, response: { 200: TicketView, 404: Problem } } }, async (request) =>
    service.ticket(request.params.id),
  );
  app.get('/api/public/queue/centres/:centre/slots', { schema: { tags, summary: 'Khung giờ hẹn / Appointment slots of a group on a day', params: CentreParams, querystring: z.strictObject({ groupId: z.uuid(), day: Day }), response: { 200: SlotList, ...problems } } }, async (request) =>
    service.slots(request.params.centre, request.query.groupId, request.query.day),
  );
  app.post('/api/public/queue/centres/:centre/bookings', { config: lookupLimit, schema: { tags, summary: 'Đặt lịch lấy số trực tuyến / Book a slot online', params: CentreParams, body: BookingInput, response: { 201: TicketView, ...problems, 429: Problem } } }, async (request, reply) =>
    reply.status(201).send(await service.book(request.params.centre, request.body)),
  );
  app.post('/api/public/queue/bookings/:code/activate', { schema: { tags, summary: 'Kích hoạt lịch hẹn tại ki-ốt / Activate a booking at the kiosk (QR scanned)', params: z.strictObject({ code: z.string().trim().min(6).max(20) }), response: { 200: TicketView, ...problems } } }, async (request) =>
    service.activate(request.params.code),
  );
  app.get('/api/public/queue/bookings/:code/qr.svg', { schema: { tags, summary: 'Mã QR của lịch hẹn / QR code of a booking (scanned at the kiosk)', params: z.strictObject({ code: z.string().trim().regex(/^[A-Z0-9]{6,20}$/) }), response: { 200: z.any(), 400: Problem } } }, async (request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(bwipjs.toSVG({ bcid: 'qrcode', text: request.params.code, scale: 4, paddingwidth: 2, paddingheight: 2 })),
  );
  app.get('/api/public/queue/centres/:centre/board', { schema: { tags, summary: 'Bảng hiển thị / The display board state', params: CentreParams, response: { 200: BoardState, 404: Problem } } }, async (request) =>
    service.board(request.params.centre),
  );
  app.get('/api/public/queue/centres/:centre/served/:number', { config: lookupLimit, schema: { tags, summary: 'Số vừa phục vụ (để đánh giá) / A ticket of today, to rate', params: z.strictObject({ centre: z.string().trim().min(1).max(60), number: z.string().trim().min(2).max(10) }), response: { 200: ServedTicket, 404: Problem, 429: Problem } } }, async (request) =>
    service.served(request.params.centre, request.params.number),
  );
  app.post('/api/public/queue/centres/:centre/ratings', { config: lookupLimit, schema: { tags, summary: 'Đánh giá cán bộ vừa phục vụ / Rate the officer who served a ticket (once)', params: CentreParams, body: RatingInput, response: { 201: z.object({ number: z.string(), officerName: z.string().nullable(), level: z.string() }), ...problems, 429: Problem } } }, async (request, reply) =>
    reply.status(201).send(await service.rate(request.params.centre, request.body)),
  );

  // Server-sent events: `snapshot` (the board state) on connecting, then `queue` (a BoardEvent) per change.
  const streams = new Set<ServerResponse>();
  app.get('/api/public/queue/centres/:centre/events', { schema: { tags, summary: 'Luồng sự kiện của bảng hiển thị / Live board events (text/event-stream)', params: CentreParams, response: { 404: Problem } } }, async (request, reply) => {
    const centre = await service.centre(request.params.centre);
    const raw = reply.raw;
    const write = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = await service.realtime.subscribe(boardTopic(centre.id), (message) => write('queue', message));
    reply.hijack();
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write('retry: 2000\n\n');
    streams.add(raw);
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
    };
    raw.on('close', end);
    write('snapshot', await service.board(centre.id));
  });
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
    streams.clear();
  });
  app.addHook('onClose', async () => {
    // Each PostgreSQL instance has its own database handle and LISTEN connection; PGlite's is shared.
    if (ctx.engine === 'postgresql') await closeRealtime(ctx.db);
  });
}
