/**
 * Typed errors of the calendar module. Every function here throws only
 * `CalendarError`, so the HTTP layer can map `code` to a 400 problem response
 * without parsing messages.
 */

export const CALENDAR_ERROR_CODES = [
  'INVALID_DATE',
  'INVALID_TIME',
  'INVALID_INSTANT',
  'INVALID_DURATION',
  'NEGATIVE_DURATION',
  'INVALID_HOURS',
  'INVALID_SCHEDULE',
  'INVALID_WEIGHTS',
  'INVALID_PAUSE',
  'UNSUPPORTED_UNIT',
  'YEAR_OUT_OF_RANGE',
] as const;

export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    /** Machine-readable context (the offending value, the allowed range…). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export type CalendarResult<T> = { ok: true; value: T } | { ok: false; error: CalendarError };

/**
 * Runs `compute` and turns a thrown `CalendarError` into a value, for callers
 * that prefer errors as values (DESIGN.md: "errors are values at the domain edge").
 * Any other exception is a bug and is rethrown.
 */
export function attempt<T>(compute: () => T): CalendarResult<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof CalendarError) return { ok: false, error };
    throw error;
  }
}
