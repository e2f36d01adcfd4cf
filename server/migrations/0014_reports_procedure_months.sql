-- Figures filtered on a procedure or a field over whole months (month, quarter, year and their trends):
-- the detail counters summed per month without the officer and the day, maintained with the counters (the
-- same delta) and checked with them. A procedure's year is then at most 12 × units × channels × outcomes
-- rows instead of a row per day. Open dossiers stay in the daily detail counters (by appointment day).
create table report_counter_procedure (
  period date not null,
  unit_id uuid not null,
  procedure_code text not null,
  field text not null,
  channel smallint not null,
  kind text not null check (kind in ('received', 'finished')),
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
  primary key (procedure_code, period, unit_id, channel, kind, outcome)
);
create index report_procedure_field_idx on report_counter_procedure (field, period);
insert into report_counter_procedure (period, unit_id, procedure_code, field, channel, kind, outcome, n, supplement_n, digitized_n, online_ok_n, minutes, timed_n, on_time_766_n, result_file_n, doc_result_n)
select date_trunc('month', day::timestamp)::date, unit_id, procedure_code, min(field), channel, kind, outcome,
  sum(n), sum(supplement_n), sum(digitized_n), sum(online_ok_n), sum(minutes), sum(timed_n), sum(on_time_766_n), sum(result_file_n), sum(doc_result_n)
from report_counter_detail where kind <> 'open'
group by 1, 2, 3, 5, 6, 7;

-- Open dossiers of a procedure, field or officer (their appointment days), without reading the filter's other detail rows.
create index report_detail_open_procedure_idx on report_counter_detail (procedure_code, day) where kind = 'open';
create index report_detail_open_field_idx on report_counter_detail (field, day) where kind = 'open';
create index report_detail_open_officer_idx on report_counter_detail (officer_id, day) where kind = 'open';

-- The p90 of a procedure's, field's or officer's results in a period: their processing minutes by end day.
create index report_fact_procedure_end_idx on report_dossier_fact (procedure_code, end_day) include (unit_id, working_minutes) where end_outcome in ('early', 'on_time', 'late') and working_minutes is not null;
create index report_fact_field_end_idx on report_dossier_fact (field, end_day) include (unit_id, working_minutes) where end_outcome in ('early', 'on_time', 'late') and working_minutes is not null;
create index report_fact_officer_end_idx on report_dossier_fact (officer_id, end_day) include (unit_id, working_minutes) where end_outcome in ('early', 'on_time', 'late') and working_minutes is not null;

analyze report_counter_procedure;
analyze report_counter_detail;
analyze report_dossier_fact;
