import type { DossierEvent } from '@motcua/core/dossiers/lifecycle.ts';
import type { Queryable } from '../../database.ts';
import type { DossierRow } from './dossiers.repo.ts';

/**
 * What other modules may do inside the transaction that appends a dossier's events (the notification
 * outbox, for one): whatever a hook writes commits or rolls back with the state change itself. A hook
 * gets the transaction handle and must use only it (on PGlite the transaction holds the one connection).
 */
export interface AppendedEvents {
  /** The dossier as it stands after the events (projection rewritten). */
  dossier: DossierRow;
  /** The events just appended, each with its sequence number. */
  events: (DossierEvent & { seq: number })[];
}
export type EventsAppendedHook = (trx: Queryable, appended: AppendedEvents) => Promise<void>;
/**
 * Whether the hook would write anything for these events, told before they are written (the dossier's
 * code and sequence numbers may not be known yet): false only when the hook would surely do nothing.
 */
export type EventsAppendedWrites = (appended: AppendedEvents) => boolean;

// Per database (several systems may share a test process); by name, so registering twice replaces.
const hooksByDb = new WeakMap<object, Map<string, { hook: EventsAppendedHook; writes: EventsAppendedWrites }>>();

/**
 * Registers `hook` under `name` for dossiers of `db`. With `writes`, a reception for which no hook
 * writes anything is written in one statement without a transaction around it (see `hooksMayWrite`).
 */
export function onEventsAppended(db: object, name: string, hook: EventsAppendedHook, writes: EventsAppendedWrites = () => true) {
  const hooks = hooksByDb.get(db) ?? new Map<string, { hook: EventsAppendedHook; writes: EventsAppendedWrites }>();
  hooks.set(name, { hook, writes });
  hooksByDb.set(db, hooks);
}

/** Whether any hook would write for these events (a hook registered without `writes` always may). */
export function hooksMayWrite(db: object, appended: AppendedEvents) {
  const hooks = hooksByDb.get(db);
  if (!hooks) return false;
  for (const { writes } of hooks.values()) if (writes(appended)) return true;
  return false;
}

/** Called by the dossier service inside its transaction, after the events and the projection are written. */
export async function runEventsAppended(db: object, trx: Queryable, appended: AppendedEvents) {
  const hooks = hooksByDb.get(db);
  if (!hooks) return;
  for (const { hook } of hooks.values()) await hook(trx, appended);
}
