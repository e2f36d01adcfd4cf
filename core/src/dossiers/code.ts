/**
 * Dossier codes (Circular 01/2018 Art. 19; REGULATIONS.md §5): `{receiving unit's identifier}-{yyMMdd}-{NNNN}`,
 * the reception date in Vietnam time and a per-unit daily counter of at least four digits that grows as
 * needed (10000 after 9999). Result documents: `{dossier code}-KQ{n}`.
 */
import type { LocalDate } from '../calendar/local-date.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function dossierCode(unitCode: string, receptionDay: LocalDate, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1) throw new RangeError(`counter must be a positive integer, got ${counter}`);
  return `${dossierCodePrefix(unitCode, receptionDay)}${pad(counter, 4)}`;
}

/** `{unit}-{yyMMdd}-`: the code without its counter (the database appends it where it takes the number). */
export function dossierCodePrefix(unitCode: string, receptionDay: LocalDate): string {
  return `${unitCode}-${pad(receptionDay.year % 100, 2)}${pad(receptionDay.month, 2)}${pad(receptionDay.day, 2)}-`;
}

export const DOSSIER_CODE_PATTERN = /^([0-9A-Z][0-9A-Z._-]{0,34})-(\d{6})-(\d{4,})$/;

export function parseDossierCode(code: string): { unitCode: string; yymmdd: string; counter: number } | null {
  const match = DOSSIER_CODE_PATTERN.exec(code);
  if (!match) return null;
  return { unitCode: match[1]!, yymmdd: match[2]!, counter: Number(match[3]) };
}

export function resultCode(dossier: string, n: number): string {
  return `${dossier}-KQ${n}`;
}
