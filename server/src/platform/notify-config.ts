import { z } from 'zod';

/**
 * Settings of the notification, SMS-command and petition modules (spread into the server's config).
 * The sandbox gateways are the default: the demo and the tests need no outside service.
 */
export const NOTIFY_CONFIG = {
  SMS_GATEWAY: z.enum(['sandbox', 'http']).default('sandbox').describe('sandbox: the in-process inbox at /sandbox/inbox; http: SMS_HTTP_URL'),
  /** The SMS provider's send endpoint: JSON POST {to, text, idempotencyKey} with a bearer token. */
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  EMAIL_TRANSPORT: z.enum(['sandbox', 'smtp']).default('sandbox'),
  /** smtp://user:pass@host:587 or smtps://… (nodemailer's URL form). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  EMAIL_FROM: z.string().default('MộtCửa <no-reply@motcua.local>'),
  /** Shared secret of the inbound SMS webhook (HMAC-SHA256); the webhook refuses everything without it. */
  SMS_INBOUND_SECRET: z.string().min(16).optional(),
  /** How old a signed inbound request may be, in seconds (replays outside it are refused). */
  SMS_INBOUND_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(300),
  NOTIFY_WORKER: z.enum(['on', 'off']).default('on'),
  NOTIFY_POLL_MS: z.coerce.number().int().min(20).default(1000),
  /** A claimed message not marked sent within this lease is taken again (its worker died). */
  NOTIFY_LEASE_SECONDS: z.coerce.number().int().positive().default(120),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  NOTIFY_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(5000),
  NOTIFY_BACKOFF_CAP_MS: z.coerce.number().int().positive().default(3_600_000),
  /** Working days to answer a petition (QĐ 766: handled within 15 WD; some provinces 10). */
  PETITION_ANSWER_WORKING_DAYS: z.coerce.number().positive().max(60).default(15),
  /** Working days to forward a petition outside the province's competence (NĐ 20/2008: 5). */
  PETITION_FORWARD_WORKING_DAYS: z.coerce.number().positive().max(30).default(5),
};
