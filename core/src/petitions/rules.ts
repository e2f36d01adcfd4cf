/**
 * Petitions (phản ánh, kiến nghị; NĐ 20/2008 as amended by NĐ 92/2017, REGULATIONS.md §8): registered,
 * classified and routed to the responsible unit, forwarded outside when not within the province's
 * competence (within 5 working days), answered by the deadline (configurable: QĐ 766 counts 15 working
 * days; some provinces answer in 10), and the answer published. The petitioner follows it by code and
 * says whether the answer satisfied them.
 *
 *   received ─classify→ in_progress ─answer→ answered (─publish: flag)
 *   received|in_progress ─forward→ forwarded ■ · received ─refuse→ refused ■
 */
export const PETITION_STATUSES = ['received', 'in_progress', 'forwarded', 'answered', 'refused'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const PETITION_SUBJECTS = ['procedure', 'regulation', 'conduct', 'other'] as const;
export type PetitionSubject = (typeof PETITION_SUBJECTS)[number];

export const PETITION_ACTIONS = ['classify', 'forward', 'answer', 'publish', 'refuse', 'note'] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

const ALLOWED: Record<PetitionAction, readonly PetitionStatus[]> = {
  classify: ['received', 'in_progress'],
  forward: ['received', 'in_progress'],
  answer: ['in_progress'],
  publish: ['answered'],
  refuse: ['received'],
  note: ['received', 'in_progress', 'forwarded', 'answered', 'refused'],
};

const NEXT: Partial<Record<PetitionAction, PetitionStatus>> = { classify: 'in_progress', forward: 'forwarded', answer: 'answered', refuse: 'refused' };

export function allowedPetitionActions(status: PetitionStatus, published: boolean): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => ALLOWED[a].includes(status) && !(a === 'publish' && published));
}

/** The status after `action`, or null when the action is not allowed now. */
export function petitionTransition(status: PetitionStatus, action: PetitionAction): PetitionStatus | null {
  if (!ALLOWED[action].includes(status)) return null;
  return NEXT[action] ?? status;
}

/** On time: answered (or forwarded) by its deadline; an open petition past it is late already. */
export function petitionTimeliness(doneAt: number | null, dueAt: number, now: number): 'on_time' | 'late' | 'open' {
  if (doneAt !== null) return doneAt <= dueAt ? 'on_time' : 'late';
  return now > dueAt ? 'late' : 'open';
}

export const SUBJECT_NAMES: Record<PetitionSubject, { vi: string; en: string }> = {
  procedure: { vi: 'Thủ tục hành chính', en: 'An administrative procedure' },
  regulation: { vi: 'Quy định hành chính', en: 'An administrative regulation' },
  conduct: { vi: 'Hành vi, thái độ của cán bộ', en: "An officer's conduct" },
  other: { vi: 'Nội dung khác', en: 'Something else' },
};
