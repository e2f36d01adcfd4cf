import type { Generated, JSONColumnType } from 'kysely';

export interface AuditTables {
  audit_log: {
    id: Generated<number>;
    at: Generated<Date>;
    actor_id: string | null;
    action: string;
    object_type: string;
    object_id: string | null;
    detail: JSONColumnType<Record<string, unknown>>;
  };
}
