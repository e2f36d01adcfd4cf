import type { Generated, JSONColumnType } from 'kysely';
import type { WorkingHoursSpec } from '@motcua/core/calendar/index.ts';

export interface CalendarTables {
  calendar_entry: {
    id: string;
    scope: 'official' | 'local';
    day: string;
    year: number;
    kind: 'off' | 'workday';
    label: string;
    holiday: string | null;
    created_at: Generated<Date>;
    created_by: string | null;
    valid_from: Date | null;
    valid_to: Date | null;
  };
  calendar_revision: { id: number; revision: number };
  unit_working_hours: {
    unit_id: string;
    spec: JSONColumnType<WorkingHoursSpec>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
}
