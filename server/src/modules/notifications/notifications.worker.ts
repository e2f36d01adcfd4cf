import { sql } from 'kysely';
import { backoffMs } from '@motcua/core/notifications/backoff.ts';
import type { AppContext } from '../../context.ts';
import { DeliveryError, gatewaysFor, type Gateways } from './notifications.gateways.ts';

/**
 * Delivers the outbox. Exactly once, end to end:
 *  1. claim: one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) marks due rows `sending` and sets
 *     next_attempt_at to the end of a lease; instances on one PostgreSQL never claim the same row, and
 *     PGlite's one connection serialises the statement anyway;
 *  2. send, outside any transaction, with the row's dedupe key as the gateway's idempotency key;
 *  3. mark `sent` (or back to `pending` with exponential backoff, or `failed` after the last attempt).
 * A process killed between 2 and 3 leaves the row `sending`; once its lease lapses any worker claims it
 * again and sends it again with the same key, and the gateway, which keeps its keys, accepts it without
 * delivering a second copy. So each message is handed to the phone or mailbox once, never twice, and is
 * never lost while the database keeps the row. (SMTP keeps no keys; see the README.)
 */
export class DeliveryWorker {
  private stopped = true;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly ctx: AppContext,
    readonly gateways: Gateways,
  ) {}

  private get config() {
    return this.ctx.config;
  }

  /** Claims and delivers what is due now; returns how many messages it handled. */
  async deliverDue(limit = 20): Promise<number> {
    const now = this.ctx.clock.now();
    const leaseUntil = new Date(now.getTime() + this.config.NOTIFY_LEASE_SECONDS * 1000);
    const claimed = await sql<{ id: string; seq: number; dedupe_key: string; channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string; attempts: number }>`
      update notification_outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${leaseUntil}
      where id in (
        select id from notification_outbox
        where status in ('pending', 'sending') and next_attempt_at <= ${now}
        order by next_attempt_at, seq
        limit ${limit}
        for update skip locked)
      returning id, seq, dedupe_key, channel, recipient, subject, body, attempts`.execute(this.ctx.db);
    // UPDATE … RETURNING gives no order: send in the order the messages were written.
    for (const row of claimed.rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
      const gateway = this.gateways[row.channel];
      try {
        const { providerMessageId } = await gateway.send({ idempotencyKey: row.dedupe_key, to: row.recipient, subject: row.subject, text: row.body });
        await this.ctx.db
          .updateTable('notification_outbox')
          .set({ status: 'sent', sent_at: this.ctx.clock.now(), provider_message_id: providerMessageId, last_error: null })
          .where('id', '=', row.id)
          .where('status', '=', 'sending')
          .execute();
      } catch (error) {
        const retryable = error instanceof DeliveryError ? error.retryable : true;
        const last = !retryable || row.attempts >= this.config.NOTIFY_MAX_ATTEMPTS;
        const next = new Date(this.ctx.clock.now().getTime() + backoffMs(row.attempts, this.config.NOTIFY_BACKOFF_BASE_MS, this.config.NOTIFY_BACKOFF_CAP_MS));
        await this.ctx.db
          .updateTable('notification_outbox')
          .set({ status: last ? 'failed' : 'pending', next_attempt_at: next, last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500) })
          .where('id', '=', row.id)
          .where('status', '=', 'sending')
          .execute();
      }
    }
    return claimed.rows.length;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = (async () => {
      while (!this.stopped) {
        let handled = 0;
        try {
          handled = await this.deliverDue();
        } catch {
          // The database went away for a moment (restart, failover): the next round tries again.
        }
        if (handled === 0 && !this.stopped)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.config.NOTIFY_POLL_MS);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
      }
    })();
  }

  /** Looks at the outbox now instead of at the next poll. */
  kick() {
    this.wake?.();
  }

  async stop() {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }
}

// One worker per database, however many HTTP apps are built over it.
const workers = new WeakMap<object, DeliveryWorker>();

export function workerFor(ctx: AppContext): DeliveryWorker {
  let worker = workers.get(ctx.db);
  if (!worker) {
    worker = new DeliveryWorker(ctx, gatewaysFor(ctx.config, ctx.db, ctx.clock));
    workers.set(ctx.db, worker);
  }
  return worker;
}
