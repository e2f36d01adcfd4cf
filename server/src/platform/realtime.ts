import { EventEmitter } from 'node:events';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Engine } from './db.ts';

/**
 * Realtime fan-out between server instances, through the database (nothing else to run):
 * - PostgreSQL: `pg_notify` on one channel; every instance keeps one dedicated connection that LISTENs
 *   and hands each message to its local subscribers (its own messages come back the same way).
 * - PGlite: one process holds the database, so an in-process emitter is the whole fan-out.
 * Messages are small JSON (PostgreSQL caps a notification at 8000 bytes): say what changed, not the state.
 * Subscribers are per topic (e.g. `queue:<centre id>`). One hub per database handle.
 */

const CHANNEL = 'motcua_realtime';
const MAX_PAYLOAD = 7900;

export type RealtimeListener = (message: unknown) => void;

export interface Realtime {
  /** Sends `message` to every subscriber of `topic` on every instance (after the caller's commit). */
  publish(topic: string, message: unknown): Promise<void>;
  /** Resolves once this instance is listening, so nothing published afterwards is missed. */
  subscribe(topic: string, listener: RealtimeListener): Promise<() => void>;
  close(): Promise<void>;
}

class Hub {
  readonly local = new EventEmitter();
  constructor() {
    this.local.setMaxListeners(0);
  }
  deliver(raw: string) {
    let parsed: { t: string; m: unknown };
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    this.local.emit(parsed.t, parsed.m);
  }
  on(topic: string, listener: RealtimeListener) {
    this.local.on(topic, listener);
    return () => void this.local.off(topic, listener);
  }
}

class InProcessRealtime implements Realtime {
  private readonly hub = new Hub();
  async publish(topic: string, message: unknown) {
    const raw = JSON.stringify({ t: topic, m: message });
    // Delivered on the next turn, as a notification would be: never inside the publisher's call stack.
    setImmediate(() => this.hub.deliver(raw));
  }
  async subscribe(topic: string, listener: RealtimeListener) {
    return this.hub.on(topic, listener);
  }
  async close() {}
}

class PostgresRealtime implements Realtime {
  private readonly hub = new Hub();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Kysely<any>, private readonly url: string) {}

  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (!this.connecting) {
      this.connecting = (async () => {
        const client = new pg.Client({ connectionString: this.url });
        client.on('notification', (n) => {
          if (n.channel === CHANNEL && n.payload) this.hub.deliver(n.payload);
        });
        // A lost listener connection is reopened; boards reload their state when their stream reconnects.
        client.on('error', () => this.drop(client));
        client.on('end', () => this.drop(client));
        try {
          await client.connect();
          await client.query(`listen ${CHANNEL}`);
        } catch (error) {
          this.connecting = null;
          await client.end().catch(() => {});
          throw error;
        }
        this.client = client;
        this.connecting = null;
      })();
    }
    return this.connecting;
  }

  private drop(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    if (this.closed || this.hub.local.eventNames().length === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.listen().catch(() => this.drop(client));
    }, 500);
    this.retryTimer.unref();
  }

  async publish(topic: string, message: unknown) {
    const raw = JSON.stringify({ t: topic, m: message });
    if (raw.length > MAX_PAYLOAD) throw new Error(`realtime message on ${topic} too large (${raw.length} bytes)`);
    await sql`select pg_notify(${CHANNEL}, ${raw})`.execute(this.db);
  }

  async subscribe(topic: string, listener: RealtimeListener) {
    const off = this.hub.on(topic, listener);
    try {
      await this.listen();
    } catch (error) {
      off();
      throw error;
    }
    return off;
  }

  async close() {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.connecting) await this.connecting.catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const hubs = new WeakMap<object, Realtime>();

/** The realtime hub of this database handle (made on first use; shared by every app on the handle). */
export function realtimeFor(ctx: { db: Kysely<any>; engine: Engine; config: { DATABASE_URL?: string | undefined } }): Realtime {
  let hub = hubs.get(ctx.db);
  if (!hub) {
    hub = ctx.engine === 'postgresql' && ctx.config.DATABASE_URL ? new PostgresRealtime(ctx.db, ctx.config.DATABASE_URL) : new InProcessRealtime();
    hubs.set(ctx.db, hub);
  }
  return hub;
}

/** Closes the hub of a database handle (its LISTEN connection); the next use makes a new one. */
export async function closeRealtime(db: Kysely<any>) {
  const hub = hubs.get(db);
  hubs.delete(db);
  await hub?.close();
}
