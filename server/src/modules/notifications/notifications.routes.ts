import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { InboundSms, InboundSmsReply, NotificationChannel, NotificationKind, NotificationTemplate, OutboxMessage, OutboxStatus, SandboxInboxQuery, SandboxMessage, TemplateUpdate } from '@motcua/core/notifications/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { publicBaseUrl } from '../../platform/config.ts';
import { t } from '../../platform/i18n.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { onEventsAppended } from '../dossiers/dossiers.hooks.ts';
import { dossierEventsNotify, enqueue, enqueueForDossierEvents, normalisePhone } from './notifications.outbox.ts';
import { NotificationService } from './notifications.service.ts';
import { workerFor } from './notifications.worker.ts';
import { answerSms } from './sms-commands.ts';
import { checkWebhookSignature } from './sms-signature.ts';
import { registerDossierStatusCommand } from './sms-status-command.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Notifications: the dossier hook that fills the outbox, the delivery worker, templates, sandbox inbox, inbound SMS. */
export function registerNotifications(app: HttpApp, ctx: AppContext) {
  const service = new NotificationService(ctx);
  const staff = requireStaff(ctx);
  onEventsAppended(ctx.db, 'notifications', (trx, appended) => enqueueForDossierEvents(trx, publicBaseUrl(ctx.config), ctx.clock.now(), appended), dossierEventsNotify);
  registerDossierStatusCommand();

  const worker = workerFor(ctx);
  if (ctx.config.NOTIFY_WORKER === 'on') {
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }

  app.get(
    '/api/notifications/templates',
    { preHandler: staff, schema: { tags: ['notifications'], summary: 'Mẫu thông báo / Notification templates', response: { 200: z.array(NotificationTemplate), ...problems } } },
    async (request) => service.templates(staffOf(request)),
  );

  app.put(
    '/api/notifications/templates/:kind/:channel',
    {
      preHandler: staff,
      schema: {
        tags: ['notifications'],
        summary: 'Sửa mẫu thông báo / Edit a notification template (admin)',
        params: z.strictObject({ kind: NotificationKind, channel: NotificationChannel }),
        body: TemplateUpdate,
        response: { 200: NotificationTemplate, ...problems },
      },
    },
    async (request) => service.updateTemplate(staffOf(request), request.params.kind, request.params.channel, request.body),
  );

  app.get(
    '/api/notifications/outbox',
    {
      preHandler: staff,
      schema: {
        tags: ['notifications'],
        summary: 'Hàng đợi gửi thông báo / The notification outbox (admin, supervisor)',
        querystring: z.strictObject({ status: OutboxStatus.optional(), dossierCode: z.string().trim().max(60).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(OutboxMessage), ...problems },
      },
    },
    async (request) => service.outbox(staffOf(request), request.query),
  );

  app.get(
    '/api/sandbox/inbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Hộp thư thử nghiệm / What the sandbox SMS and email gateways delivered (demo only)',
        querystring: SandboxInboxQuery,
        response: { 200: z.array(SandboxMessage), ...problems },
      },
    },
    async (request) => service.sandboxInbox(request.query),
  );

  // The inbound SMS webhook reads its raw body to check the signature, so it lives in its own scope
  // with a JSON parser that keeps the text.
  void app.register(async (scope) => {
    const rawBodies = new WeakMap<object, string>();
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      rawBodies.set(request, body as string);
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new AppError(400, 'malformed_json', t('Nội dung JSON không hợp lệ, không đọc được', 'Malformed JSON body')), undefined);
      }
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/sms/inbound',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Tin nhắn đến / Inbound SMS webhook (signed: X-MotCua-Timestamp, X-MotCua-Signature)',
          description: 'Signature: "sha256=" + hex HMAC-SHA256(SMS_INBOUND_SECRET, "<timestamp>.<raw body>"). Unsigned, wrongly signed or stale requests get 401/403 and change nothing.',
          body: InboundSms,
          response: { 200: InboundSmsReply, ...problems },
        },
        // Before validation: an unsigned request learns nothing, not even what a valid body looks like.
        preValidation: async (request) => {
          const check = checkWebhookSignature(ctx.config.SMS_INBOUND_SECRET, request.headers, rawBodies.get(request) ?? '', ctx.clock.now().getTime(), ctx.config.SMS_INBOUND_MAX_AGE_SECONDS);
          if (check === 'missing') throw new AppError(401, 'signature_missing', t('Yêu cầu thiếu chữ ký (X-MotCua-Timestamp, X-MotCua-Signature)', 'The request is not signed (X-MotCua-Timestamp, X-MotCua-Signature)'));
          if (check === 'invalid') throw new AppError(403, 'signature_invalid', t('Chữ ký của yêu cầu không hợp lệ', 'The request signature is invalid'));
          if (check === 'expired') throw new AppError(403, 'signature_expired', t('Yêu cầu đã quá hạn (dấu thời gian quá cũ hoặc ở tương lai)', 'The request is stale (timestamp too old or in the future)'));
        },
      },
      async (request) => {
        const { messageId, from, text } = request.body;
        const answer = await answerSms(ctx, from, text);
        const now = ctx.clock.now();
        await ctx.db.transaction().execute(async (trx) => {
          const fresh = await trx.insertInto('sms_inbound').values({ message_id: messageId, command: answer.command, received_at: now }).onConflict((oc) => oc.column('message_id').doNothing()).executeTakeFirst();
          // A gateway retrying the same message gets the same answer, but only one reply SMS goes out.
          if (Number(fresh.numInsertedOrUpdatedRows ?? 0) > 0)
            await enqueue(trx, now, { dedupeKey: `sms-reply:${messageId}`, kind: 'sms_reply', channel: 'sms', recipient: normalisePhone(from), values: { text: answer.reply } });
        });
        worker.kick();
        return answer;
      },
    );
  });
}
