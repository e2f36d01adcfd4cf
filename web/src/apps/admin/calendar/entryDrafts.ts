import type { HolidayId, ScheduleEntryKind } from '@motcua/core/calendar/index.ts';
import type { CalendarEntry, EntryInput, EntryScope } from '../../../api/calendar.ts';

/** One row of a schedule list being edited; `key` keeps React's rows stable while rows come and go. */
export interface EntryDraft {
  key: number;
  date: string;
  kind: ScheduleEntryKind;
  label: string;
  holiday: HolidayId | null;
}

let nextKey = 1;

export function newDraft(): EntryDraft {
  return { key: nextKey++, date: '', kind: 'off', label: '', holiday: null };
}

export function draftsOf(entries: CalendarEntry[]): EntryDraft[] {
  return entries.map((e) => ({ key: nextKey++, date: e.date, kind: e.kind, label: e.label, holiday: e.holiday }));
}

/** What is sent: the rows as typed (the server trims and validates); local rows carry no holiday. */
export function inputsOf(drafts: EntryDraft[], scope: EntryScope): EntryInput[] {
  return drafts.map((d) => ({ date: d.date, kind: d.kind, label: d.label, ...(scope === 'official' ? { holiday: d.holiday } : {}) }));
}

/** Equal for equal lists: tells whether a preview still describes the rows on screen. */
export function signatureOf(drafts: EntryDraft[]): string {
  return JSON.stringify(drafts.map(({ date, kind, label, holiday }) => [date, kind, label, holiday]));
}
