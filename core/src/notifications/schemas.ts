/** The notifications API's shapes: templates, the outbox as staff see it, the sandbox inbox, inbound SMS. */
import { z } from 'zod';
import { CHANNELS, NOTIFICATION_KINDS } from './templates.ts';

export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export const NotificationChannel = z.enum(CHANNELS);

export const NotificationTemplate = z.object({
  kind: NotificationKind,
  channel: NotificationChannel,
  name: z.object({ vi: z.string(), en: z.string() }),
  subject: z.string().nullable(),
  body: z.string(),
  unaccentedBody: z.string().nullable(),
  placeholders: z.array(z.string()),
  enabled: z.boolean(),
  updatedAt: z.string(),
  /** What an SMS of this template looks like once sent (sample values, no diacritics). */
  preview: z.string(),
});
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

export const TemplateUpdate = z.strictObject({
  subject: z.string().trim().max(200).nullable().optional(),
  body: z.string().trim().min(1).max(2000).transform((s) => s.normalize('NFC')),
  unaccentedBody: z.string().trim().max(2000).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;

export const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);

export const OutboxMessage = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  channel: NotificationChannel,
  /** Masked: staff see that a message went out, not the whole number or address. */
  recipient: z.string(),
  dossierCode: z.string().nullable(),
  status: OutboxStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const SandboxMessage = z.object({
  id: z.uuid(),
  channel: NotificationChannel,
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  idempotencyKey: z.string(),
  receivedAt: z.string(),
});
export type SandboxMessage = z.infer<typeof SandboxMessage>;

export const SandboxInboxQuery = z.strictObject({
  recipient: z.string().trim().max(200).optional(),
  channel: NotificationChannel.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An SMS a subscriber sent to the service number, as the gateway forwards it (signed). */
export const InboundSms = z.strictObject({
  messageId: z.string().trim().min(1).max(100),
  from: z.string().trim().regex(/^\+?\d{8,15}$/),
  text: z.string().max(1000),
});
export type InboundSms = z.infer<typeof InboundSms>;

export const InboundSmsReply = z.object({ reply: z.string(), command: z.string().nullable() });
