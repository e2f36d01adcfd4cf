-- Administrative units of the two-level model (since 1 July 2025) and the old-to-new conversion.
create table province (
  code text primary key,
  name text not null,
  short_name text not null,
  abbreviation text not null,
  place_type text not null
);

create table commune (
  code text primary key,
  name text not null,
  province_code text not null references province (code)
);
create index commune_province_idx on commune (province_code);

-- One old commune may go to several new ones (split): every candidate is a row.
create table legacy_commune_mapping (
  old_code text not null,
  old_name text not null,
  old_district_name text not null,
  old_province_name text not null,
  new_code text not null,
  new_name text not null,
  new_province_code text,
  note text,
  -- Comparison keys (see core/src/units/name-key.ts): NFC, lower case, without the type word.
  old_name_key text not null,
  old_district_key text not null,
  old_province_key text not null,
  primary key (old_code, new_code)
);
create index legacy_commune_mapping_name_idx on legacy_commune_mapping (old_name_key);
create index legacy_commune_mapping_new_idx on legacy_commune_mapping (new_code);

-- Agencies and organisational units, a tree under the province. `path` is '/id/id/…/' from the root,
-- so a subtree (a role's jurisdiction) is one prefix match.
create table unit (
  id uuid primary key,
  parent_id uuid references unit (id),
  path text not null unique,
  province_code text not null references province (code),
  kind text not null check (kind in ('province_committee', 'service_centre', 'department', 'commune_committee', 'other')),
  code text not null unique,
  name text not null,
  commune_code text references commune (code),
  address text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index unit_parent_idx on unit (parent_id);
create index unit_path_idx on unit (path text_pattern_ops);

create table staff_account (
  id uuid primary key,
  username text not null unique,
  full_name text not null,
  email text,
  password_hash text not null,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table role_grant (
  user_id uuid not null references staff_account (id) on delete cascade,
  role text not null check (role in ('admin', 'counter_officer', 'specialist', 'leader', 'supervisor')),
  unit_id uuid not null references unit (id),
  primary key (user_id, role, unit_id)
);
create index role_grant_unit_idx on role_grant (unit_id);

-- The session cookie holds a random token; only its SHA-256 is stored.
create table staff_session (
  token_hash text primary key,
  user_id uuid not null references staff_account (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index staff_session_expires_idx on staff_session (expires_at);
create index staff_session_user_idx on staff_session (user_id);

-- Who did what to which object, appended only.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  action text not null,
  object_type text not null,
  object_id text,
  detail jsonb not null default '{}'
);
create index audit_log_object_idx on audit_log (object_type, object_id);
