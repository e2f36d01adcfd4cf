-- Documents: the papers' adjustable wording, signers' keys, signed results and their revocation.

-- What the admin adjusts on the papers, per unit ('default' for every unit): names, titles, place, footer.
create table paper_template (
  scope text primary key check (scope = 'default' or scope ~ '^[0-9a-f-]{36}$'),
  settings jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid
);

-- A signer's certificate; the PKCS#12 file and its password stay in the key store under DATA_DIR/keys.
create table signer_key (
  user_id uuid primary key references staff_account (id),
  certificate_pem text not null,
  subject text not null,
  serial text not null,
  not_after timestamptz not null,
  created_at timestamptz not null default now()
);

-- Every result signed here: the exact bytes issued (stored file), who signed, and whether it was revoked.
create table signed_document (
  id uuid primary key,
  token text not null unique,
  dossier_id uuid not null references dossier (id),
  result_code text not null,
  sha256 text not null references stored_file (sha256),
  signer_id uuid not null references staff_account (id),
  signer_name text not null,
  signer_title text not null,
  unit_name text not null,
  signed_at timestamptz not null,
  certificate_subject text not null,
  certificate_serial text not null,
  revoked_at timestamptz,
  revoked_by uuid references staff_account (id),
  revoked_reason text
);
create index signed_document_dossier_idx on signed_document (dossier_id);
create index signed_document_sha_idx on signed_document (sha256);
