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

// Per database (several systems may share a test process); by name, so registering twice replaces.
const hooksByDb = new WeakMap<object, Map<string, EventsAppendedHook>>();

/** Registers `hook` under `name` for dossiers of `db`. */
export function onEventsAppended(db: object, name: string, hook: EventsAppendedHook) {
  const hooks = hooksByDb.get(db) ?? new Map<string, EventsAppendedHook>();
  hooks.set(name, hook);
  hooksByDb.set(db, hooks);
}

/** Called by the dossier service inside its transaction, after the events and the projection are written. */
export async function runEventsAppended(db: object, trx: Queryable, appended: AppendedEvents) {
  const hooks = hooksByDb.get(db);
  if (!hooks) return;
  for (const hook of hooks.values()) await hook(trx, appended);
}
