import type { JSONColumnType } from 'kysely';

export interface DraftDocument {
  requirementIndex: number | null;
  name: string;
  fileSha256: string;
  fileName: string | null;
}

export interface EformsTables {
  eform: {
    id: string;
    procedure_code: string;
    version: number;
    title: string;
    schema: JSONColumnType<Record<string, unknown>>;
    ui_schema: JSONColumnType<Record<string, unknown>>;
    active: boolean;
    created_at: Date;
    created_by: string | null;
  };
  eform_draft: {
    citizen_id: string;
    procedure_code: string;
    eform_id: string | null;
    data: JSONColumnType<Record<string, unknown>>;
    documents: JSONColumnType<DraftDocument[]>;
    updated_at: Date;
  };
  online_submission: {
    dossier_id: string;
    citizen_id: string;
    eform_id: string | null;
    form_data: JSONColumnType<Record<string, unknown>>;
    submitted_at: Date;
    review_due_at: Date;
    reviewed_at: Date | null;
    review_outcome: 'receive' | 'supplement' | 'refuse' | null;
    breached_at: Date | null;
  };
}
