import type { Queryable } from '../../database.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** What changed. Never personal data such as ID numbers or phone numbers. */
  detail?: Record<string, unknown>;
}

/** Appends one entry; call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(db: Queryable, entry: AuditEntry) {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
