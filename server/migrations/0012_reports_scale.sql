-- The late list at scale: results after their appointment, per unit and end day, found without reading
-- every result of the period (reports.repo.ts dossierLines).
create index report_fact_late_idx on report_dossier_fact (unit_id, end_day) include (dossier_id) where end_outcome = 'late';
