import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../../platform/config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../database.ts';

/**
 * The gateways that carry a message out. Each send names an idempotency key (the outbox row's dedupe
 * key, the same on every attempt), so a gateway that honours it delivers a message repeated after a crash
 * only once. A thrown DeliveryError says whether trying again may help.
 */
export interface OutgoingMessage {
  idempotencyKey: string;
  to: string;
  subject: string | null;
  text: string;
}

export interface Gateway {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }>;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * An HTTP SMS API (the common shape of Vietnamese brand-name SMS providers' REST APIs): POST JSON
 * `{to, text, idempotencyKey}` with `Authorization: Bearer <token>` and an `Idempotency-Key` header;
 * 2xx is accepted (`{id}` is the provider's message id); 408, 429 and 5xx or no answer are worth
 * retrying, other 4xx are not.
 */
export class HttpSmsGateway implements Gateway {
  readonly name = 'http-sms';
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 15_000,
  ) {}

  async send(message: OutgoingMessage) {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, text: message.text, idempotencyKey: message.idempotencyKey }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DeliveryError(`SMS gateway unreachable: ${error instanceof Error ? error.message : String(error)}`, true);
    }
    const body = await res.text();
    if (!res.ok) throw new DeliveryError(`SMS gateway answered ${res.status}`, res.status === 408 || res.status === 429 || res.status >= 500);
    let id: string | null = null;
    try {
      const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
      id = typeof parsed.id === 'string' ? parsed.id : typeof parsed.messageId === 'string' ? parsed.messageId : null;
    } catch {
      id = null;
    }
    return { providerMessageId: id };
  }
}

/**
 * SMTP through nodemailer. The Message-ID is derived from the idempotency key, so a message repeated after
 * a crash between the server's acceptance and our record of it carries the same id and mail clients show
 * it once (SMTP itself has no idempotency: this is the one at-least-once edge, documented in the README).
 */
export class SmtpGateway implements Gateway {
  readonly name = 'smtp';
  private readonly transport;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: OutgoingMessage) {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@motcua.local>`,
      });
      return { providerMessageId: info.messageId ?? null };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      throw new DeliveryError(`SMTP: ${error instanceof Error ? error.message : String(error)}`, code === undefined || code < 500);
    }
  }
}

/**
 * The in-process stand-in for both gateways: "delivers" into the sandbox_message table, read at
 * /sandbox/inbox. It keeps idempotency keys like a real provider: the same key twice is one message.
 */
export class SandboxGateway implements Gateway {
  readonly name: string;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly channel: 'sms' | 'email',
  ) {
    this.name = `sandbox-${channel}`;
  }

  async send(message: OutgoingMessage) {
    const id = randomUUID();
    await this.db
      .insertInto('sandbox_message')
      .values({ id, idempotency_key: message.idempotencyKey, channel: this.channel, recipient: message.to, subject: message.subject, body: message.text, received_at: this.clock.now() })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    const stored = await this.db.selectFrom('sandbox_message').select('id').where('idempotency_key', '=', message.idempotencyKey).executeTakeFirstOrThrow();
    return { providerMessageId: stored.id };
  }
}

export interface Gateways {
  sms: Gateway;
  email: Gateway;
}

export function gatewaysFor(config: Config, db: Db, clock: Clock): Gateways {
  const sms =
    config.SMS_GATEWAY === 'http'
      ? new HttpSmsGateway(config.SMS_HTTP_URL ?? missing('SMS_HTTP_URL'), config.SMS_HTTP_TOKEN)
      : new SandboxGateway(db, clock, 'sms');
  const email = config.EMAIL_TRANSPORT === 'smtp' ? new SmtpGateway(config.SMTP_URL ?? missing('SMTP_URL'), config.EMAIL_FROM) : new SandboxGateway(db, clock, 'email');
  return { sms, email };
}

function missing(name: string): never {
  throw new Error(`Cấu hình thiếu ${name} / ${name} is required by the chosen gateway`);
}
