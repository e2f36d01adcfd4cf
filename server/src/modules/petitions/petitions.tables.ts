import type { Generated, JSONColumnType } from 'kysely';

export interface PetitionsTables {
  petition_code_counter: { day: string; last: number };
  petition: {
    id: string;
    code: string;
    lookup_secret: string;
    idempotency_key: string | null;
    subject_kind: 'procedure' | 'regulation' | 'conduct' | 'other';
    title: string;
    content: string;
    procedure_code: string | null;
    dossier_code: string | null;
    petitioner: JSONColumnType<{ fullName: string; phone?: string | null; email?: string | null; address?: string | null }>;
    status: 'received' | 'in_progress' | 'forwarded' | 'answered' | 'refused';
    category: 'procedure' | 'regulation' | 'conduct' | 'other' | null;
    unit_id: string | null;
    received_at: Date;
    forward_due_at: Date;
    answer_due_at: Date;
    forwarded_at: Date | null;
    forwarded_to: string | null;
    answer: string | null;
    answered_at: Date | null;
    answered_by: string | null;
    published: Generated<boolean>;
    published_at: Date | null;
    feedback: 'satisfied' | 'unsatisfied' | null;
    feedback_comment: string | null;
    feedback_at: Date | null;
    version: Generated<number>;
    updated_at: Date;
  };
  petition_event: {
    id: Generated<number>;
    petition_id: string;
    type: string;
    at: Date;
    actor_id: string | null;
    unit_id: string | null;
    note: string | null;
    data: JSONColumnType<Record<string, unknown>>;
  };
}
