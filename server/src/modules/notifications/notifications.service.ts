import { KIND_NAMES, PLACEHOLDERS, smsText, render, unknownPlaceholders, type NotificationChannel, type NotificationKind } from '@motcua/core/notifications/templates.ts';
import type { NotificationTemplate, TemplateUpdate } from '@motcua/core/notifications/schemas.ts';
import type { AppContext } from '../../context.ts';
import { errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { StaffPrincipal } from '../users/principal.ts';

const SAMPLE: Record<string, string> = {
  code: '000.00.06.H56-260225-0001',
  secret: 'ABCD2345EF',
  procedure: 'Đăng ký thường trú',
  applicant: 'Nguyễn Văn An',
  receivedAt: '09:15 25/02/2026',
  dueAt: '09:15 04/03/2026',
  newDueAt: '16:00 09/03/2026',
  lookupUrl: 'http://localhost:3000/tra-cuu/000.00.06.H56-260225-0001?k=ABCD2345EF',
  ratingUrl: 'http://localhost:3000/danh-gia/000.00.06.H56-260225-0001?k=ABCD2345EF',
  reason: 'thiếu bản sao giấy khai sinh',
  missing: 'Bản sao giấy khai sinh',
  returnPlace: 'Bộ phận Một cửa',
  text: 'Ho so 000.00.06.H56-260225-0001: Dang xu ly.',
  title: 'Cán bộ hẹn nhiều lần',
  petitioner: 'Trần Thị Bình',
  followUrl: 'http://localhost:3000/phan-anh/PAKN-260225-0001?k=ABCD2345EF',
};

const isAdmin = (p: StaffPrincipal) => p.grants.some((g) => g.role === 'admin');
const canWatch = (p: StaffPrincipal) => p.grants.some((g) => g.role === 'admin' || g.role === 'supervisor');

/** Personal data stays out of staff lists: +84912***678, an***@example.vn. */
export function maskRecipient(recipient: string): string {
  if (recipient.includes('@')) {
    const [local, domain] = recipient.split('@');
    return `${local!.slice(0, 2)}***@${domain}`;
  }
  return recipient.length > 6 ? `${recipient.slice(0, 6)}***${recipient.slice(-3)}` : '***';
}

type TemplateRow = { kind: string; channel: 'sms' | 'email'; subject: string | null; body: string; unaccented_body: string | null; enabled: boolean; updated_at: Date };

function templateView(row: TemplateRow): NotificationTemplate {
  const kind = row.kind as NotificationKind;
  return {
    kind,
    channel: row.channel,
    name: KIND_NAMES[kind],
    subject: row.subject,
    body: row.body,
    unaccentedBody: row.unaccented_body,
    placeholders: [...PLACEHOLDERS[kind]],
    enabled: row.enabled,
    updatedAt: row.updated_at.toISOString(),
    preview: row.channel === 'sms' ? smsText(row.body, row.unaccented_body, SAMPLE) : render(row.body, SAMPLE),
  };
}

export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  async templates(principal: StaffPrincipal) {
    if (!canWatch(principal)) throw errors.forbidden();
    const rows = await this.ctx.db.selectFrom('notification_template').selectAll().orderBy('kind').orderBy('channel').execute();
    return rows.map(templateView);
  }

  async updateTemplate(principal: StaffPrincipal, kind: NotificationKind, channel: NotificationChannel, input: TemplateUpdate) {
    if (!isAdmin(principal)) throw errors.forbidden();
    const problems = [
      ...unknownPlaceholders(kind, input.body).map((name) => ({ path: 'body.body', name })),
      ...unknownPlaceholders(kind, input.subject ?? '').map((name) => ({ path: 'body.subject', name })),
      ...unknownPlaceholders(kind, input.unaccentedBody ?? '').map((name) => ({ path: 'body.unaccentedBody', name })),
    ];
    if (problems.length > 0)
      throw errors.validation(
        problems.map((p) => ({
          path: p.path,
          code: 'unknown_placeholder',
          message: t(`Không có trường {{${p.name}}}; dùng được: ${PLACEHOLDERS[kind].join(', ')}`, `No placeholder {{${p.name}}}; available: ${PLACEHOLDERS[kind].join(', ')}`),
        })),
      );
    if (input.unaccentedBody && /[^\x20-\x7E\n]/.test(input.unaccentedBody.replace(/\{\{[^}]*\}\}/g, '')))
      throw errors.validation([{ path: 'body.unaccentedBody', code: 'not_unaccented', message: t('Bản không dấu chỉ được có chữ không dấu (ASCII)', 'The unaccented variant must be plain ASCII') }]);
    const row = await this.ctx.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('notification_template')
        .set({
          body: input.body,
          ...(input.subject !== undefined ? { subject: input.subject } : {}),
          ...(input.unaccentedBody !== undefined ? { unaccented_body: input.unaccentedBody || null } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          updated_at: this.ctx.clock.now(),
          updated_by: principal.id,
        })
        .where('kind', '=', kind)
        .where('channel', '=', channel)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw errors.notFound(t('mẫu thông báo', 'Notification template'));
      await recordAudit(trx, { actorId: principal.id, action: 'notification_template.update', objectType: 'notification_template', objectId: null, detail: { kind, channel } });
      return updated;
    });
    return templateView(row);
  }

  async outbox(principal: StaffPrincipal, query: { status?: string | undefined; dossierCode?: string | undefined; limit: number }) {
    if (!canWatch(principal)) throw errors.forbidden();
    let q = this.ctx.db.selectFrom('notification_outbox').selectAll().orderBy('created_at', 'desc').limit(query.limit);
    if (query.status) q = q.where('status', '=', query.status as 'pending');
    if (query.dossierCode) q = q.where('dossier_code', '=', query.dossierCode);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      channel: r.channel,
      recipient: maskRecipient(r.recipient),
      dossierCode: r.dossier_code,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'sent' || r.status === 'failed' ? null : r.next_attempt_at.toISOString(),
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    }));
  }

  /** The sandbox gateways' inbox (demo and tests only: 404 when real gateways are configured). */
  async sandboxInbox(query: { recipient?: string | undefined; channel?: NotificationChannel | undefined; limit: number }) {
    if (this.ctx.config.SMS_GATEWAY !== 'sandbox' && this.ctx.config.EMAIL_TRANSPORT !== 'sandbox') throw errors.notFound(t('hộp thư thử nghiệm', 'Sandbox inbox'));
    let q = this.ctx.db.selectFrom('sandbox_message').selectAll().orderBy('seq', 'desc').limit(query.limit);
    if (query.channel) q = q.where('channel', '=', query.channel);
    if (query.recipient) {
      const r = query.recipient.trim();
      const phone = /^[+\d\s.]+$/.test(r) ? r.replace(/[^\d+]/g, '').replace(/^0/, '+84') : null;
      q = q.where((eb) => eb.or([eb('recipient', '=', r.toLowerCase()), ...(phone ? [eb('recipient', '=', phone)] : [])]));
    }
    return (await q.execute()).map((m) => ({ id: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body, idempotencyKey: m.idempotency_key, receivedAt: m.received_at.toISOString() }));
  }
}
