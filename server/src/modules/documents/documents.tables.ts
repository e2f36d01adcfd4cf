import type { Generated, JSONColumnType } from 'kysely';
import type { PaperTemplate } from '@motcua/core/documents/schemas.ts';

export interface DocumentsTables {
  paper_template: { scope: string; settings: JSONColumnType<Partial<PaperTemplate>>; updated_at: Generated<Date>; updated_by: string | null };
  signer_key: { user_id: string; certificate_pem: string; subject: string; serial: string; not_after: Date; created_at: Generated<Date> };
  signed_document: {
    id: string;
    token: string;
    dossier_id: string;
    result_code: string;
    sha256: string;
    signer_id: string;
    signer_name: string;
    signer_title: string;
    unit_name: string;
    signed_at: Date;
    certificate_subject: string;
    certificate_serial: string;
    revoked_at: Date | null;
    revoked_by: string | null;
    revoked_reason: string | null;
  };
}
