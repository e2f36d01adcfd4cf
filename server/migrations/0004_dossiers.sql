-- Dossiers: received once, coded, processed through a versioned process, returned.
-- The events are the truth; the columns of `dossier` after `version` are their projection, rewritten
-- in the same transaction as every appended event (queues and figures read them, not the events).

-- Files handed in or issued, content-addressed: the bytes live in the file store under their SHA-256.
create table stored_file (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size integer not null,
  created_at timestamptz not null default now(),
  created_by uuid
);

-- A procedure's process: ordered steps, each with the role and unit that acts and its share of the time.
-- A template in use is never changed: editing makes a new version; dossiers keep the one they started on.
create table process_template (
  id uuid primary key,
  procedure_code text,
  version integer not null,
  name text not null,
  steps jsonb not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  unique (procedure_code, version)
);

-- Per-procedure deadline rules (REGULATIONS.md §6): how a supplement affects the clock (pause, or restart
-- from zero when it arrives) and the cut-offs (after 15:00, or in the last office hour → next working day).
create table procedure_rule (
  procedure_code text primary key,
  supplement_policy text not null default 'pause' check (supplement_policy in ('pause', 'restart')),
  cutoff_15h boolean not null default false,
  cutoff_last_hour boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by uuid
);

-- Gap-free daily counters per receiving unit: the row is locked by the upsert until the reception commits.
create table dossier_code_counter (
  unit_id uuid not null references unit (id),
  day text not null,
  last integer not null,
  primary key (unit_id, day)
);

create table dossier (
  id uuid primary key,
  -- null for a dossier not received (refused or sent back at intake): codes are given at reception.
  code text unique,
  lookup_secret text not null,
  idempotency_key text unique,
  rule_version text not null check (rule_version in ('nd61_2018', 'nd118_2025')),
  channel smallint not null check (channel in (1, 2, 3)),
  procedure_code text not null,
  procedure_name text not null,
  procedure_version_id uuid not null references procedure_version (id),
  case_code text,
  process_template_id uuid not null references process_template (id),
  -- The processing time promised at reception ({unit, value}) or null when the catalog gives no number.
  duration jsonb,
  supplement_policy text not null check (supplement_policy in ('pause', 'restart')),
  cutoff_15h boolean not null default false,
  cutoff_last_hour boolean not null default false,
  receiving_unit_id uuid not null references unit (id),
  competent_unit_id uuid not null references unit (id),
  applicant jsonb not null,
  representative jsonb,
  applicant_id_number text,
  return_method text not null check (return_method in ('counter', 'electronic', 'postal')),
  return_address jsonb,
  created_at timestamptz not null,
  -- projection of the events
  version integer not null,
  status smallint not null check (status between 1 and 10),
  holding_unit_id uuid references unit (id),
  holding_unit_path text,
  assignee_id uuid references staff_account (id),
  step_index integer,
  received_at timestamptz,
  due_at timestamptz,
  effective_due_at timestamptz,
  paused boolean not null default false,
  supplement_requests integer not null default 0,
  apology_issued boolean not null default false,
  result_issued_at timestamptz,
  returned_at timestamptz,
  finished_at timestamptz,
  timeliness text check (timeliness in ('early', 'on_time', 'late')),
  payment_status text not null default 'none' check (payment_status in ('none', 'due', 'paid', 'waived')),
  delivery_status text not null default 'none' check (delivery_status in ('none', 'ready', 'delivered', 'posted')),
  sync_status text not null default 'pending' check (sync_status in ('pending', 'synced', 'failed', 'not_applicable')),
  updated_at timestamptz not null
);
create index dossier_queue_unit_idx on dossier (holding_unit_id, status, effective_due_at);
create index dossier_queue_assignee_idx on dossier (assignee_id, status, effective_due_at);
create index dossier_holding_path_idx on dossier (holding_unit_path text_pattern_ops);
create index dossier_received_idx on dossier (receiving_unit_id, received_at);
create index dossier_applicant_idx on dossier (applicant_id_number);

create table dossier_event (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossier (id),
  seq integer not null,
  type text not null,
  at timestamptz not null,
  actor_id uuid,
  unit_id uuid,
  from_status smallint,
  to_status smallint,
  reason text,
  data jsonb not null default '{}',
  unique (dossier_id, seq)
);

-- What the applicant handed in per required document, and the results issued.
create table dossier_document (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  event_seq integer not null,
  purpose text not null check (purpose in ('intake', 'supplement', 'result')),
  name text not null,
  requirement_index integer,
  originals integer not null default 0,
  copies integer not null default 0,
  provided boolean not null default true,
  digitized boolean not null default false,
  file_sha256 text references stored_file (sha256),
  file_name text,
  result_code text unique,
  created_at timestamptz not null
);
create index dossier_document_dossier_idx on dossier_document (dossier_id);
