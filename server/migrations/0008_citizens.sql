-- Citizens: identity (national e-ID or phone + one-time code), sessions, e-forms and online submissions.

-- A citizen account: one per e-ID subject, or per phone number for one-time-code sign-ins.
create table citizen (
  id uuid primary key,
  eid_issuer text,
  eid_subject text,
  id_number text,
  full_name text,
  birth_date text,
  address jsonb,
  phone text,
  -- 2 when the identity was checked by the e-ID (level-2 account), 0 for a phone number only.
  assurance_level smallint not null default 0,
  created_at timestamptz not null,
  last_login_at timestamptz,
  unique (eid_issuer, eid_subject)
);
create unique index citizen_phone_only_idx on citizen (phone) where eid_subject is null;

-- Citizen sessions: separate from staff sessions; only the token's SHA-256 is stored.
create table citizen_session (
  token_hash text primary key,
  citizen_id uuid not null references citizen (id),
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index citizen_session_citizen_idx on citizen_session (citizen_id);

-- An e-ID sign-in under way: state, nonce and PKCE verifier, found again by the browser's flow cookie.
create table citizen_login_flow (
  flow_hash text primary key,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  return_to text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);

-- One-time codes for the phone sign-in (hash only; a few tries, a few minutes).
create table citizen_otp (
  phone text primary key,
  code_hash text not null,
  attempts integer not null default 0,
  created_at timestamptz not null,
  expires_at timestamptz not null
);

-- The sandbox SMS outbox: what would have been sent (one-time codes) when no real gateway is set.
create table sandbox_sms (
  id bigint generated always as identity primary key,
  phone text not null,
  body text not null,
  created_at timestamptz not null
);

-- Files a citizen uploaded: a submission may only reference the citizen's own files.
create table citizen_file (
  citizen_id uuid not null references citizen (id),
  sha256 text not null references stored_file (sha256),
  file_name text,
  created_at timestamptz not null,
  primary key (citizen_id, sha256)
);

-- A procedure's application form: JSON Schema + UI hints, versioned; the active one is offered.
create table eform (
  id uuid primary key,
  procedure_code text not null,
  version integer not null,
  title text not null,
  schema jsonb not null,
  ui_schema jsonb not null default '{}',
  active boolean not null default true,
  created_at timestamptz not null,
  created_by uuid,
  unique (procedure_code, version)
);
create unique index eform_active_idx on eform (procedure_code) where active;

-- Drafts saved while typing, one per citizen and procedure, resumed on any device.
create table eform_draft (
  citizen_id uuid not null references citizen (id),
  procedure_code text not null,
  eform_id uuid references eform (id),
  data jsonb not null,
  documents jsonb not null default '[]',
  updated_at timestamptz not null,
  primary key (citizen_id, procedure_code)
);

-- An online submission: who submitted it, the form data and version, and the 8-working-hour review clock.
create table online_submission (
  dossier_id uuid primary key references dossier (id),
  citizen_id uuid not null references citizen (id),
  eform_id uuid references eform (id),
  form_data jsonb not null,
  submitted_at timestamptz not null,
  review_due_at timestamptz not null,
  reviewed_at timestamptz,
  review_outcome text check (review_outcome in ('receive', 'supplement', 'refuse')),
  breached_at timestamptz
);
create index online_submission_citizen_idx on online_submission (citizen_id, submitted_at);
create index online_submission_open_idx on online_submission (review_due_at) where reviewed_at is null;
