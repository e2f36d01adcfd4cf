import { randomUUID } from 'node:crypto';
import { messageDateTime, smsText, render, type NotificationChannel, type NotificationKind } from '@motcua/core/notifications/templates.ts';
import type { Queryable } from '../../database.ts';
import type { AppendedEvents } from '../dossiers/dossiers.hooks.ts';

/** Which dossier events tell the applicant something, and as which template kind. */
const KIND_OF_EVENT: Partial<Record<string, NotificationKind>> = {
  received: 'dossier_received',
  intake_supplement_requested: 'intake_supplement_requested',
  supplement_requested: 'supplement_requested',
  result_issued: 'result_ready',
  apology_issued: 'apology_issued',
  returned: 'rating_invite',
};

export const lookupUrl = (publicUrl: string, code: string, secret: string) => `${publicUrl.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(code)}?k=${encodeURIComponent(secret)}`;
export const ratingUrl = (publicUrl: string, code: string, secret: string) => `${publicUrl.replace(/\/$/, '')}/danh-gia/${encodeURIComponent(code)}?k=${encodeURIComponent(secret)}`;

interface Contact {
  phone?: string | null;
  email?: string | null;
}

/** Where a message for `channel` goes: the applicant's and the representative's, without duplicates. */
function recipients(channel: NotificationChannel, people: (Contact | null | undefined)[]): string[] {
  const found = people.map((p) => (channel === 'sms' ? p?.phone : p?.email)?.trim()).filter((x): x is string => Boolean(x));
  return [...new Set(channel === 'sms' ? found.map(normalisePhone) : found.map((e) => e.toLowerCase()))];
}

/** Vietnamese numbers as the gateways want them: +84 then the number without its leading 0. */
export const normalisePhone = (phone: string) => phone.replace(/[^\d+]/g, '').replace(/^0/, '+84').replace(/^84/, '+84');

export interface Enqueue {
  /** Unique per cause, channel and recipient: the message is written at most once for it. */
  dedupeKey: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string;
  values: Record<string, string | null | undefined>;
  dossierId?: string | null;
  dossierCode?: string | null;
}

/**
 * Renders the kind's template for the channel and writes the message to the outbox, inside the caller's
 * transaction. A disabled or missing template writes nothing; a second write of the same dedupe key is
 * ignored. Returns whether a message was written.
 */
export async function enqueue(trx: Queryable, now: Date, message: Enqueue): Promise<boolean> {
  const template = await trx.selectFrom('notification_template').selectAll().where('kind', '=', message.kind).where('channel', '=', message.channel).executeTakeFirst();
  if (!template || !template.enabled) return false;
  const body = message.channel === 'sms' ? smsText(template.body, template.unaccented_body, message.values) : render(template.body, message.values);
  const subject = template.subject ? render(template.subject, message.values) : null;
  const inserted = await trx
    .insertInto('notification_outbox')
    .values({
      id: randomUUID(),
      dedupe_key: message.dedupeKey,
      kind: message.kind,
      channel: message.channel,
      recipient: message.recipient,
      subject,
      body,
      dossier_id: message.dossierId ?? null,
      dossier_code: message.dossierCode ?? null,
      next_attempt_at: now,
      created_at: now,
      last_error: null,
      provider_message_id: null,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The dossier hook: messages for the events just appended, in the same transaction. */
/** The events that tell the applicant something, each with its template kind. */
function telling({ dossier, events }: AppendedEvents) {
  const out: { event: AppendedEvents['events'][number]; kind: NotificationKind }[] = [];
  for (const event of events) {
    const kind = KIND_OF_EVENT[event.type];
    if (!kind) continue;
    // Dossiers sent back at intake have no code; only online ones need telling (the others were at the counter).
    if (kind === 'intake_supplement_requested' && dossier.channel !== 2) continue;
    out.push({ event, kind });
  }
  return out;
}

/** Whether `enqueueForDossierEvents` would write a message for these events (it writes none without a phone or an email). */
export function dossierEventsNotify(appended: AppendedEvents) {
  const people = [appended.dossier.applicant as Contact, appended.dossier.representative as Contact | null];
  return telling(appended).length > 0 && (recipients('sms', people).length > 0 || recipients('email', people).length > 0);
}

export async function enqueueForDossierEvents(trx: Queryable, publicUrl: string, now: Date, appended: AppendedEvents) {
  const { dossier } = appended;
  const applicant = dossier.applicant as Contact & { fullName?: string };
  const people = [applicant, dossier.representative as Contact | null];
  for (const { event, kind } of telling(appended)) {
    const code = dossier.code ?? '';
    const values: Record<string, string | null> = {
      code,
      secret: dossier.lookup_secret,
      procedure: dossier.procedure_name,
      applicant: applicant.fullName ?? '',
      receivedAt: dossier.received_at ? messageDateTime(dossier.received_at.getTime()) : '',
      dueAt: dossier.effective_due_at ? messageDateTime(dossier.effective_due_at.getTime()) : '',
      lookupUrl: code ? lookupUrl(publicUrl, code, dossier.lookup_secret) : '',
      ratingUrl: code ? ratingUrl(publicUrl, code, dossier.lookup_secret) : '',
      reason: event.reason ?? '',
      missing: Array.isArray(event.data?.missing) ? (event.data.missing as string[]).join('; ') : '',
      newDueAt: typeof event.data?.newDueAt === 'number' ? messageDateTime(event.data.newDueAt) : '',
      returnPlace: dossier.return_method === 'postal' ? 'địa chỉ đã đăng ký (bưu chính công ích)' : dossier.return_method === 'electronic' ? 'Cổng dịch vụ công (bản điện tử)' : 'Bộ phận Một cửa',
    };
    if (kind === 'apology_issued' && typeof event.data?.previousDueAt === 'number') values.dueAt = messageDateTime(event.data.previousDueAt);
    for (const channel of ['sms', 'email'] as const)
      for (const recipient of recipients(channel, people))
        await enqueue(trx, now, { dedupeKey: `dossier:${dossier.id}:${event.seq}:${channel}:${recipient}`, kind, channel, recipient, values, dossierId: dossier.id, dossierCode: dossier.code });
  }
}
