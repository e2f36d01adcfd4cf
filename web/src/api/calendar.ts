import type {
  CalendarEntry,
  DueDateResult as DueDateResultSchema,
  WorkingHoursBody,
  YearChange as YearChangeSchema,
  YearEntriesUpdate,
  YearView as YearViewSchema,
} from '@motcua/core/calendar/http-schemas.ts';
import { api } from './client.ts';
import type { Wire, WireInput } from './wire.ts';

export type YearView = Wire<typeof YearViewSchema>;
export type DayView = YearView['days'][number];
export type YearChange = Wire<typeof YearChangeSchema>;
export type DueDateResult = Wire<typeof DueDateResultSchema>;
export type WorkingHoursSpec = Wire<typeof WorkingHoursBody>;
export type EntryScope = CalendarEntry['scope'];
export type EntryInput = YearEntriesUpdate['entries'][number];
export type { CalendarEntry };

export interface UnitWorkingHours {
  unitId: string;
  spec: WorkingHoursSpec;
  /** The unit whose hours apply (this one, or the nearest ancestor that has its own); null: the regulation's default. */
  inheritedFrom: string | null;
}

const unitQuery = (unit: string | null) => (unit ? `?unit=${encodeURIComponent(unit)}` : '');

export const calendarPaths = {
  year: (year: number, unit: string | null) => `/api/calendar/years/${year}${unitQuery(unit)}`,
  entriesCsv: (year: number, scope: EntryScope) => `/api/calendar/years/${year}/entries.csv?scope=${scope}`,
  workingHours: (unitId: string) => `/api/units/${unitId}/working-hours`,
};

/** Replaces the year's entries of one scope; with dryRun only lists the days that would change. */
export const replaceYearEntries = (year: number, scope: EntryScope, entries: EntryInput[], dryRun: boolean, openDossiers: 'keep' | 'move' = 'keep') =>
  api.put<YearChange>(`/api/calendar/years/${year}/entries`, { scope, entries, dryRun, openDossiers } satisfies WireInput<typeof YearEntriesUpdate>);

/** The same from a CSV file (date,kind,label[,holiday]), sent as it was read. */
export const importYearEntriesCsv = (year: number, scope: EntryScope, csv: string, dryRun: boolean, openDossiers: 'keep' | 'move' = 'keep') =>
  api.putText<YearChange>(`${calendarPaths.entriesCsv(year, scope)}${dryRun ? '&dryRun=true' : ''}&openDossiers=${openDossiers}`, csv, 'text/csv');

/** Own hours for the unit, or null to inherit them again. */
export const setWorkingHours = (unitId: string, spec: WorkingHoursSpec | null) =>
  api.put<UnitWorkingHours>(calendarPaths.workingHours(unitId), spec);

export interface DueDateQuery {
  from: string;
  duration: string;
  unit: string | null;
  cutoff15h: boolean;
}

export function computeDueDate(query: DueDateQuery) {
  const params = new URLSearchParams({ from: query.from, duration: query.duration });
  if (query.unit) params.set('unit', query.unit);
  if (query.cutoff15h) params.set('cutoff15h', 'true');
  return api.get<DueDateResult>(`/api/calendar/due-date?${params}`);
}
