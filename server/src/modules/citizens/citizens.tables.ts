import type { Generated, JSONColumnType } from 'kysely';

export interface CitizenAddressColumn {
  communeCode: string | null;
  detail: string;
}

export interface CitizensTables {
  citizen: {
    id: string;
    eid_issuer: string | null;
    eid_subject: string | null;
    id_number: string | null;
    full_name: string | null;
    birth_date: string | null;
    address: JSONColumnType<CitizenAddressColumn | null, string | null, string | null>;
    phone: string | null;
    assurance_level: number;
    created_at: Date;
    last_login_at: Date | null;
  };
  citizen_session: { token_hash: string; citizen_id: string; csrf_token: string; created_at: Date; expires_at: Date };
  citizen_login_flow: { flow_hash: string; state: string; nonce: string; code_verifier: string; return_to: string; created_at: Date; expires_at: Date };
  citizen_otp: { phone: string; code_hash: string; attempts: Generated<number>; created_at: Date; expires_at: Date };
  sandbox_sms: { id: Generated<number>; phone: string; body: string; created_at: Date };
  citizen_file: { citizen_id: string; sha256: string; file_name: string | null; created_at: Date };
}
