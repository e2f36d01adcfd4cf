-- Statistics: one "fact" per dossier (what it counts as), and counters summed from the facts, kept up to
-- date by a refresh that reads dossiers whose events are newer than a watermark (reports.refresh.ts).
-- The counters can always be recomputed from the events and compared (GET /api/reports/check).

create table report_dossier_fact (
  dossier_id uuid primary key references dossier (id),
  version integer not null,
  unit_id uuid not null,
  procedure_code text not null,
  field text not null,
  officer_id uuid not null,
  channel smallint not null,
  day date not null,
  intake text not null check (intake in ('received', 'refused', 'pending')),
  end_day date,
  end_outcome text check (end_outcome in ('early', 'on_time', 'late', 'withdrawn', 'stopped')),
  working_minutes integer,
  on_time_766 boolean not null,
  open boolean not null,
  due_at timestamptz,
  supplement_requests integer not null,
  digitized boolean not null,
  doc_result_required boolean not null,
  result_file boolean not null,
  apology_issued boolean not null
);
create index report_fact_unit_day_idx on report_dossier_fact (unit_id, day);
create index report_fact_unit_end_idx on report_dossier_fact (unit_id, end_day);
create index report_fact_open_idx on report_dossier_fact (unit_id, due_at) where open;
create index report_fact_procedure_idx on report_dossier_fact (procedure_code, day);
create index report_fact_officer_idx on report_dossier_fact (officer_id, day);

-- Per (grain, period, unit, channel, kind, outcome): grain 'day' (period = the day) and 'month'
-- (period = the first day of the month). Open dossiers are counted by the day of their appointment
-- ('1970-01-01' when they have none), daily only.
create table report_counter (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  unit_id uuid not null,
  channel smallint not null,
  kind text not null check (kind in ('received', 'finished', 'open')),
  outcome text not null,
  n bigint not null default 0,
  supplement_n bigint not null default 0,
  digitized_n bigint not null default 0,
  online_ok_n bigint not null default 0,
  minutes bigint not null default 0,
  timed_n bigint not null default 0,
  on_time_766_n bigint not null default 0,
  result_file_n bigint not null default 0,
  doc_result_n bigint not null default 0,
  primary key (grain, period, unit_id, channel, kind, outcome)
);

-- The same per day with the procedure (and its field) and the officer: answers filtered figures.
create table report_counter_detail (
  day date not null,
  unit_id uuid not null,
  procedure_code text not null,
  field text not null,
  officer_id uuid not null,
  channel smallint not null,
  kind text not null check (kind in ('received', 'finished', 'open')),
  outcome text not null,
  n bigint not null default 0,
  supplement_n bigint not null default 0,
  digitized_n bigint not null default 0,
  online_ok_n bigint not null default 0,
  minutes bigint not null default 0,
  timed_n bigint not null default 0,
  on_time_766_n bigint not null default 0,
  result_file_n bigint not null default 0,
  doc_result_n bigint not null default 0,
  primary key (day, unit_id, procedure_code, officer_id, channel, kind, outcome)
);
create index report_detail_procedure_idx on report_counter_detail (procedure_code, day);
create index report_detail_field_idx on report_counter_detail (field, day);
create index report_detail_officer_idx on report_counter_detail (officer_id, day);

-- Processing times of results in half working days, for the p90.
create table report_duration_hist (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  unit_id uuid not null,
  bucket integer not null,
  n bigint not null default 0,
  primary key (grain, period, unit_id, bucket)
);

-- How far the refresh has read the dossier events.
create table report_watermark (
  name text primary key,
  last_event_id bigint not null,
  refreshed_at timestamptz
);
insert into report_watermark (name, last_event_id) values ('dossiers', 0);

-- Index weights set by the province where the official points are not confirmed (QĐ 766).
create table report_index_weight (
  indicator_id text primary key,
  points numeric not null,
  threshold numeric,
  updated_at timestamptz not null,
  updated_by uuid
);
