-- Deadlines already promised do not move silently. A schedule entry is valid from when it was entered
-- (valid_from) until it was replaced (valid_to); a dossier's deadlines use the entries valid at its
-- reception. An administrator who chooses to move open dossiers too enters the edit with valid_from
-- null (valid for every dossier) and removes the replaced entries outright.
alter table calendar_entry add column valid_from timestamptz;
alter table calendar_entry add column valid_to timestamptz;
alter table calendar_entry drop constraint calendar_entry_scope_day_key;
create unique index calendar_entry_current_idx on calendar_entry (scope, day) where valid_to is null;
