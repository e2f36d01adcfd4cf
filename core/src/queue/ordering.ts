/**
 * Which waiting ticket a counter calls next. Pure: the service gives it the first waiting ticket of
 * each kind and the counter's streak, and stores the streak it returns.
 *
 * The rule (documented in server/src/modules/queue/README.md):
 * 1. A ticket transferred to this very counter comes first (it has already waited its turn).
 * 2. Otherwise priority tickets (elderly, disability, pregnant, appointment) go before normal ones,
 *    but a counter never makes more than `maxPriorityInRow` priority calls in a row while a normal
 *    ticket is waiting for it: after that many, the oldest normal ticket is called and the streak
 *    restarts. So a normal ticket waits at most `maxPriorityInRow` priority calls per counter before
 *    the line moves: the normal queue cannot starve.
 * 3. Within each kind, the oldest in line (queued first, then lowest number) goes first.
 */

export const PRIORITIES = ['none', 'elderly', 'disability', 'pregnant', 'appointment'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const isPriority = (p: Priority) => p !== 'none';

export interface Candidate {
  id: string;
  priority: Priority;
}

export interface NextChoice<T extends Candidate> {
  ticket: T;
  /** The counter's priority streak after this call. */
  streak: number;
}

export function chooseNext<T extends Candidate>(
  input: { transferred: T | null; priority: T | null; normal: T | null; streak: number; maxPriorityInRow: number },
): NextChoice<T> | null {
  const { transferred, priority, normal, streak, maxPriorityInRow } = input;
  if (transferred) return { ticket: transferred, streak: isPriority(transferred.priority) ? streak + 1 : 0 };
  if (priority && (!normal || streak < maxPriorityInRow)) return { ticket: priority, streak: streak + 1 };
  if (normal) return { ticket: normal, streak: 0 };
  return null;
}

/** "A" + 7 → "A007"; numbers past 999 simply grow ("A1023"). */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/**
 * What the board says. The visible text reads "Mời số A1023 đến quầy số 5"; the spoken one spells the
 * ticket's characters one by one ("A, 1, 0, 2, 3") so the voice does not read a thousand-and-something.
 */
export function announcement(number: string, counterNumber: number, lang: 'vi' | 'en' = 'vi') {
  const spelled = number.split('').join(', ');
  return lang === 'en'
    ? { text: `Ticket ${number}, please go to counter ${counterNumber}`, speech: `Ticket ${spelled}, please go to counter ${counterNumber}` }
    : { text: `Mời số ${number} đến quầy số ${counterNumber}`, speech: `Mời số ${spelled}, đến quầy số ${counterNumber}` };
}

/**
 * Minutes a ticket should expect: the people ahead served by the open counters at the average service
 * time (today's so far, else the group's configured estimate).
 */
export function estimatedWaitMinutes(peopleAhead: number, averageServiceMinutes: number, openCounters: number): number {
  if (peopleAhead <= 0) return 0;
  return Math.ceil((peopleAhead * averageServiceMinutes) / Math.max(1, openCounters));
}

/** The service day (YYYY-MM-DD, Vietnam time) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
