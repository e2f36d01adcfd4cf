-- The late list at scale: results after their appointment, per unit and end day, found without reading
-- every result of the period (reports.repo.ts dossierLines).
create index report_fact_late_idx on report_dossier_fact (unit_id, end_day) include (dossier_id) where end_outcome = 'late';

-- Open dossiers per unit and appointment day (daily counters only): the "open / overdue" figures read
-- these rows alone instead of every daily row of the unit.
create index report_counter_open_idx on report_counter (unit_id, period) where kind = 'open';
