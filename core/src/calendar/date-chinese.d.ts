// The package ships typings, but its "exports" map hides them from
// moduleResolution "Bundler"; this declares only the astronomy lunar.ts uses.
// All values are Julian Ephemeris Days; "midnight" means local midnight on the
// calendar's meridian (UTC+7 for CalendarVietnamese).
declare module 'date-chinese' {
  export class CalendarVietnamese {
    constructor();
    /** Local midnight of the day of major solar term `term` (1–12; 11 = December solstice) of `gregorianYear`. */
    majorSolarTerm(term: number, gregorianYear: number): number;
    /** Local midnight of the last new-moon day on or before `jde`. */
    previousNewMoon(jde: number): number;
    /** Local midnight of the first new-moon day on or after `jde`. */
    nextNewMoon(jde: number): number;
    /** The major solar term (1–12) in force at `jde`. */
    inMajorSolarTerm(jde: number): { term: number; lon: number };
  }
}
