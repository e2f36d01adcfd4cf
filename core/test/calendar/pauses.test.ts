import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildCalendar,
  calendarDays,
  dueDateWithPauses,
  dueInstant,
  elapsedWorkingTime,
  formatVietnamDateTime,
  mergePauses,
  parseVietnamDateTime,
  workingDays,
} from '../../src/calendar/index.ts';
import type { ClockPause } from '../../src/calendar/index.ts';
import { errorCode } from './fixtures.ts';

const calendar = buildCalendar({ fromYear: 2026, toYear: 2027 });
const at = parseVietnamDateTime;
const show = (instant: number | null) => (instant === null ? null : formatVietnamDateTime(instant, { midnightAs24: true }));
const pause = (start: string, end: string | null): ClockPause => ({ start: at(start), end: end === null ? null : at(end) });

describe('due dates with clock pauses', () => {
  test('a supplement request of one working day moves a 3-WD due date by one working day', () => {
    // Without pause: Mon 02/03 10:00 + 3 WD → Thu 05/03 10:00.
    assert.equal(show(dueInstant(calendar, at('2026-03-02T10:00'), workingDays(3))), '2026-03-05T10:00');
    const result = dueDateWithPauses(calendar, at('2026-03-02T10:00'), workingDays(3), [pause('2026-03-03T10:00', '2026-03-04T10:00')]);
    assert.equal(show(result.due), '2026-03-06T10:00');
    assert.equal(result.pausedWorkingMinutes, 480);
  });

  test('paused time outside opening hours does not count', () => {
    // Paused Friday 16:00 → Monday 08:00: 60 + 60 working minutes.
    const result = dueDateWithPauses(calendar, at('2026-03-05T10:00'), workingDays(2), [pause('2026-03-06T16:00', '2026-03-09T08:00')]);
    assert.equal(result.pausedWorkingMinutes, 120);
    // Worked before the pause: Thu 300 + Fri 420 = 720; the last 240 from Mon 08:00 → 14:00.
    assert.equal(show(result.due), '2026-03-09T14:00');
  });

  test('a pause that starts after the due date changes nothing', () => {
    const result = dueDateWithPauses(calendar, at('2026-03-02T10:00'), workingDays(1), [pause('2026-03-03T10:00', '2026-03-10T10:00')]);
    assert.equal(show(result.due), '2026-03-03T10:00');
    assert.equal(result.pausedWorkingMinutes, 0);
  });

  test('an open pause leaves the due date unknown; one after the due date does not', () => {
    const open = dueDateWithPauses(calendar, at('2026-03-02T10:00'), workingDays(3), [pause('2026-03-03T10:00', null)]);
    assert.equal(open.due, null);
    assert.equal(open.dueDay, null);
    const late = dueDateWithPauses(calendar, at('2026-03-02T10:00'), workingDays(1), [pause('2026-03-04T10:00', null)]);
    assert.equal(show(late.due), '2026-03-03T10:00');
  });

  test('overlapping pauses (supplement, then fees) are not counted twice', () => {
    const pauses = [pause('2026-03-03T10:00', '2026-03-04T10:00'), pause('2026-03-03T14:00', '2026-03-04T08:00')];
    assert.equal(mergePauses(pauses).length, 1);
    const result = dueDateWithPauses(calendar, at('2026-03-02T10:00'), workingDays(3), pauses);
    assert.equal(show(result.due), '2026-03-06T10:00');
  });

  test('pauses before the counting start are ignored', () => {
    const result = dueDateWithPauses(calendar, at('2026-03-02T10:00'), workingDays(1), [pause('2026-02-27T10:00', '2026-03-02T09:00')]);
    assert.equal(show(result.due), '2026-03-03T10:00');
  });

  test('calendar-day periods move by the midnights spent paused', () => {
    // 02/03 + 10 days = 12/03; paused 04/03 10:00 → 06/03 09:00 (2 midnights) → 14/03 Saturday → Monday 16/03.
    const result = dueDateWithPauses(calendar, at('2026-03-02T10:00'), calendarDays(10), [pause('2026-03-04T10:00', '2026-03-06T09:00')]);
    assert.equal(result.pausedDays, 2);
    assert.equal(show(result.due), '2026-03-16T24:00');
  });

  test('a pause ending before it starts is INVALID_PAUSE', () => {
    assert.equal(errorCode(() => mergePauses([pause('2026-03-04T10:00', '2026-03-03T10:00')])), 'INVALID_PAUSE');
  });
});

describe('elapsed working time net of pauses', () => {
  test('subtracts paused working time, and counts an open pause until now', () => {
    const start = at('2026-03-02T10:00');
    assert.equal(elapsedWorkingTime(calendar, start, at('2026-03-04T10:00')).minutes, 960);
    assert.equal(elapsedWorkingTime(calendar, start, at('2026-03-04T10:00'), [pause('2026-03-03T10:00', '2026-03-03T14:00')]).minutes, 960 - 120);
    assert.deepEqual(elapsedWorkingTime(calendar, start, at('2026-03-04T10:00'), [pause('2026-03-03T10:00', null)]), { minutes: 480, workingDays: 1 });
    assert.equal(elapsedWorkingTime(calendar, start, at('2026-03-04T10:00'), [pause('2026-03-05T10:00', null)]).minutes, 960);
  });
});
