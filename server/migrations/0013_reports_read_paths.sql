-- Read paths that stay small at 10 million dossiers (issue #9).

-- The late list's order key for results after their appointment: the dossier's appointment (`dossier.due_at`),
-- kept on the fact so that a page is read in order from an index, per month of the end day, and only its
-- rows are joined to `dossier`. Open overdue dossiers are ordered by their appointment in force (`due_at`).
alter table report_dossier_fact add column late_due_at timestamptz;
update report_dossier_fact f set late_due_at = d.due_at from dossier d where d.id = f.dossier_id and f.end_outcome = 'late';
create index report_fact_late_order_idx on report_dossier_fact ((date_trunc('month', end_day::timestamp)), late_due_at, dossier_id)
  include (unit_id, end_day) where end_outcome = 'late';
create index report_fact_open_order_idx on report_dossier_fact (due_at, dossier_id) include (unit_id) where open;

-- Procedures used (QĐ 766 indicator 3.2): received dossiers per (grain, period, unit, procedure) and how many
-- of them came online, maintained with the counters (the same delta) and checked with them.
create table report_procedure_use (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  unit_id uuid not null,
  procedure_code text not null,
  received_n bigint not null default 0,
  online_n bigint not null default 0,
  primary key (grain, period, unit_id, procedure_code)
);
insert into report_procedure_use (grain, period, unit_id, procedure_code, received_n, online_n)
select g.grain, case when g.grain = 'day' then d.day else date_trunc('month', d.day::timestamp)::date end, d.unit_id, d.procedure_code,
  sum(d.n), coalesce(sum(d.n) filter (where d.channel = 2), 0)
from report_counter_detail d cross join (values ('day'), ('month')) as g(grain)
where d.kind = 'received' and d.outcome = 'received'
group by 1, 2, 3, 4
having sum(d.n) <> 0 or coalesce(sum(d.n) filter (where d.channel = 2), 0) <> 0;
analyze report_dossier_fact;
analyze report_procedure_use;
