/**
 * Satisfaction with one dossier. The overall rating has the national portal's three levels; the
 * per-dossier indicators of Circular 01/2018 art. 13 are scored 0–2 (REGULATIONS.md §8):
 *  1. total time against the legal limit: less 2, equal 1, more 0 — from the dossier's timeliness;
 *  2. each unit's time against its share: every unit early 2, none late 1, any late 0 — from the
 *     control sheet (hand-overs against the step deadlines);
 *  3. extra contacts needed to complete the dossier: none 2, one 1, more 0 — asked;
 *  4. other agencies the applicant had to contact besides the counter: none 2, one 1, more 0 — asked.
 * 1 and 2 are computed from the events, never asked.
 */
export const OVERALL_LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export type OverallLevel = (typeof OVERALL_LEVELS)[number];

export type Timeliness = 'early' | 'on_time' | 'late';
export type Score = 0 | 1 | 2;

export function totalTimeScore(timeliness: Timeliness | null): Score | null {
  if (!timeliness) return null;
  return timeliness === 'early' ? 2 : timeliness === 'on_time' ? 1 : 0;
}

/** Null when no unit's time can be judged (no hand-over with a deadline and an end). */
export function unitTimeScore(units: (Timeliness | null)[]): Score | null {
  const judged = units.filter((u): u is Timeliness => u !== null);
  if (judged.length === 0) return null;
  if (judged.some((u) => u === 'late')) return 0;
  return judged.every((u) => u === 'early') ? 2 : 1;
}

/** Indicators 3 and 4: none 2, one 1, two or more 0. */
export function countScore(count: number): Score {
  return count <= 0 ? 2 : count === 1 ? 1 : 0;
}

export const CRITERIA_NAMES = {
  totalTime: { vi: 'Tổng thời gian giải quyết so với quy định', en: 'Total time against the legal limit' },
  unitTime: { vi: 'Thời gian giải quyết của từng cơ quan, đơn vị', en: "Each unit's time against its share" },
  contacts: { vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Extra contacts needed to complete the dossier' },
  agencies: { vi: 'Số cơ quan phải liên hệ', en: 'Agencies contacted besides the counter' },
} as const;
