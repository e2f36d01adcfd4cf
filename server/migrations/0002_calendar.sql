-- The official yearly schedules (days off, make-up working days) and the province's own days off.
-- Entries override the computed statutory holidays (core/src/calendar). Dates are Vietnam-local
-- calendar days kept as 'YYYY-MM-DD' text, so no engine or driver shifts them by a time zone.
create table calendar_entry (
  id uuid primary key,
  scope text not null check (scope in ('official', 'local')),
  day text not null check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  year integer not null,
  kind text not null check (kind in ('off', 'workday')),
  label text not null,
  holiday text check (holiday in ('newYear', 'tet', 'hungKings', 'reunificationDay', 'labourDay', 'nationalDay')),
  created_at timestamptz not null default now(),
  created_by uuid,
  unique (scope, day)
);
create index calendar_entry_year_idx on calendar_entry (year);

-- Bumped by every schedule edit, so each server instance knows when its cached calendars are stale.
create table calendar_revision (
  id integer primary key check (id = 1),
  revision bigint not null
);
insert into calendar_revision (id, revision) values (1, 0);

-- A unit's opening hours (core WorkingHoursSpec); units without a row inherit their nearest ancestor's.
create table unit_working_hours (
  unit_id uuid primary key references unit (id),
  spec jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
