import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildCalendar,
  calendarDays,
  countingStart,
  dueDate,
  dueInstant,
  formatIsoDate,
  formatVietnamDateTime,
  months,
  parseVietnamDateTime,
  remainingTime,
  workingDays,
  workingHours,
  workingTimeBetween,
} from '../../src/calendar/index.ts';
import type { DeadlineOptions, Duration } from '../../src/calendar/index.ts';
import { errorCode } from './fixtures.ts';

// The default calendar: computed holidays + the official 2026 schedule, Mon–Fri 07:00–11:30, 13:30–17:00.
const calendar = buildCalendar();
const at = parseVietnamDateTime;
const show = (instant: number) => formatVietnamDateTime(instant, { midnightAs24: true });
const due = (received: string, duration: Duration, options?: DeadlineOptions) => show(dueInstant(calendar, at(received), duration, options));

describe('worked examples with the official 2026 schedule (REGULATIONS.md §6)', () => {
  test('the February 2026 weekends around Tết are weekends, Tết is Mon 16 – Fri 20', () => {
    for (const iso of ['2026-02-14', '2026-02-15', '2026-02-21', '2026-02-22']) assert.equal(calendar.dayInfo(iso).kind, 'weekend', iso);
    for (const iso of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) assert.equal(calendar.dayInfo(iso).kind, 'holiday', iso);
    assert.equal(calendar.dayInfo('2026-02-23').kind, 'workday');
  });

  test('b: 3 WD from Fri 13/02/2026 10:00 → Wed 25/02/2026 10:00', () => {
    assert.equal(due('2026-02-13T10:00', workingDays(3)), '2026-02-25T10:00');
  });

  test('b: the same at 16:00 with cutoff15h counts from Mon 23/02 → Wed 25/02 17:00', () => {
    const deadline = dueDate(calendar, at('2026-02-13T16:00'), workingDays(3), { cutoff15h: true });
    assert.equal(show(deadline.countingStart), '2026-02-23T07:00');
    assert.equal(show(deadline.due), '2026-02-25T17:00');
    assert.equal(formatIsoDate(deadline.dueDay), '2026-02-25');
  });

  test('c: 1 WD from Fri 21/08/2026 10:00 → Sat 22/08 10:00 (make-up working day)', () => {
    assert.equal(calendar.dayInfo('2026-08-22').kind, 'makeUpWorkday');
    assert.equal(due('2026-08-21T10:00', workingDays(1)), '2026-08-22T10:00');
  });

  test('c: 1 WD from Fri 28/08/2026 10:00 → Thu 03/09 10:00 (31/08, 01/09, 02/09 off)', () => {
    assert.equal(due('2026-08-28T10:00', workingDays(1)), '2026-09-03T10:00');
  });

  test('a: 1 WD from a Friday 16:30 → Monday 16:30; with cutoff15h → Monday 17:00', () => {
    assert.equal(due('2026-03-06T16:30', workingDays(1)), '2026-03-09T16:30');
    assert.equal(due('2026-03-06T16:30', workingDays(1), { cutoff15h: true }), '2026-03-09T17:00');
  });

  test('d: 0.5 WD from 11:00 → 17:00 the same day (crosses lunch)', () => {
    assert.equal(due('2026-03-04T11:00', workingDays(0.5)), '2026-03-04T17:00');
  });

  test('e: 3 calendar days ending on a Sunday → the Monday, end of day (24:00)', () => {
    const deadline = dueDate(calendar, at('2026-03-05T10:00'), calendarDays(3));
    assert.equal(show(deadline.due), '2026-03-09T24:00');
    assert.equal(formatIsoDate(deadline.dueDay), '2026-03-09');
    assert.equal(show(dueInstant(calendar, at('2026-03-05T10:00'), calendarDays(3), { calendarDayEnd: 'closing' })), '2026-03-09T17:00');
  });
});

describe('walking working time', () => {
  test('a deadline that uses up the morning ends at 11:30, not 13:30', () => {
    assert.equal(due('2026-03-04T07:00', workingHours(4.5)), '2026-03-04T11:30');
    assert.equal(due('2026-03-04T07:00', workingDays(0.5)), '2026-03-04T11:00');
    assert.equal(due('2026-03-04T07:00', workingDays(1)), '2026-03-04T17:00');
  });

  test('receptions outside working time count from the next working moment', () => {
    assert.equal(show(countingStart(calendar, at('2026-03-04T12:15'))), '2026-03-04T13:30');
    assert.equal(show(countingStart(calendar, at('2026-03-04T06:00'))), '2026-03-04T07:00');
    assert.equal(show(countingStart(calendar, at('2026-03-06T20:00'))), '2026-03-09T07:00');
    assert.equal(show(countingStart(calendar, at('2026-02-15T09:00'))), '2026-02-23T07:00');
    assert.equal(due('2026-03-07T10:00', workingHours(2)), '2026-03-09T09:00');
    assert.equal(due('2026-03-04T12:15', workingHours(1)), '2026-03-04T14:30');
  });

  test('zero duration is due when counting starts', () => {
    assert.equal(due('2026-03-04T10:00', workingDays(0)), '2026-03-04T10:00');
    assert.equal(due('2026-03-04T12:00', workingDays(0)), '2026-03-04T13:30');
  });

  test('sub-minute precision is kept', () => {
    assert.equal(due('2026-03-04T10:00:30', workingDays(1)), '2026-03-05T10:00:30');
  });

  test('computed holidays: Hùng Kings 2026 (Sunday 26/04) gives Monday 27/04 off', () => {
    assert.equal(calendar.dayInfo('2026-04-27').kind, 'compensatory');
    assert.equal(due('2026-04-24T10:00', workingDays(1)), '2026-04-28T10:00');
  });
});

describe('cut-off rules', () => {
  test('cutoff15h: 15:00 exactly still counts the same day; 15:01 does not', () => {
    assert.equal(due('2026-03-04T15:00', workingHours(1), { cutoff15h: true }), '2026-03-04T16:00');
    assert.equal(due('2026-03-04T15:01', workingHours(1), { cutoff15h: true }), '2026-03-05T08:00');
  });

  test('cutoffLastHour: from 16:00 (the last office hour) counting starts next working day', () => {
    assert.equal(due('2026-03-04T15:59', workingHours(1), { cutoffLastHour: true }), '2026-03-04T16:59');
    assert.equal(due('2026-03-04T16:00', workingHours(1), { cutoffLastHour: true }), '2026-03-05T08:00');
    assert.equal(due('2026-03-06T16:30', workingDays(1), { cutoffLastHour: true }), '2026-03-09T17:00');
  });

  test('cut-offs do not apply on days off: the next working moment rules', () => {
    assert.equal(due('2026-03-07T16:00', workingHours(1), { cutoff15h: true, cutoffLastHour: true }), '2026-03-09T08:00');
  });

  test('cutoffLastHour follows the day’s own hours (Saturday-morning centre: 10:30)', () => {
    const saturdayCentre = buildCalendar({
      hours: { weekly: { monday: ['07:00-11:30', '13:30-17:00'], friday: ['07:00-11:30', '13:30-17:00'], saturday: ['07:00-11:30'] } },
      fromYear: 2026,
      toYear: 2026,
    });
    const start = (received: string) => show(countingStart(saturdayCentre, at(received), { cutoffLastHour: true }));
    assert.equal(start('2026-03-07T10:29'), '2026-03-07T10:29');
    assert.equal(start('2026-03-07T10:30'), '2026-03-09T07:00');
  });
});

describe('calendar days and months (Civil Code 2015 art. 147–148)', () => {
  test('the reception day is not counted; the period ends at 24:00', () => {
    assert.equal(due('2026-03-02T10:00', calendarDays(1)), '2026-03-03T24:00');
    assert.equal(due('2026-03-02T10:00', calendarDays(0)), '2026-03-02T24:00');
  });

  test('an end on a holiday moves to the end of the next working day', () => {
    // 10/02 + 10 days = 20/02, Tết → the next working day is Mon 23/02.
    assert.equal(due('2026-02-10T09:00', calendarDays(10)), '2026-02-23T24:00');
  });

  test('months end on the corresponding day, or the month’s last day', () => {
    assert.equal(due('2026-01-15T09:00', months(1)), '2026-02-23T24:00'); // 15/02 Sunday, then Tết, then a weekend
    assert.equal(due('2026-01-30T09:00', months(1)), '2026-03-02T24:00'); // no 30/02 → 28/02, a Saturday
    assert.equal(due('2026-03-31T09:00', months(1)), '2026-05-04T24:00'); // 30/04 and 01/05 holidays, then a weekend
    assert.equal(due('2026-03-10T09:00', months(2)), '2026-05-11T24:00'); // 10/05 is a Sunday
  });

  test('a reception on a day off counts from the next working moment', () => {
    assert.equal(due('2026-03-07T10:00', calendarDays(1)), '2026-03-10T24:00');
  });
});

describe('working time between instants and remaining time', () => {
  test('working time between two instants', () => {
    assert.deepEqual(workingTimeBetween(calendar, at('2026-02-13T10:00'), at('2026-02-25T10:00')), { minutes: 1440, workingDays: 3 });
    assert.deepEqual(workingTimeBetween(calendar, at('2026-02-25T10:00'), at('2026-02-13T10:00')), { minutes: -1440, workingDays: -3 });
    assert.equal(workingTimeBetween(calendar, at('2026-03-04T11:00'), at('2026-03-04T14:00')).minutes, 60);
  });

  test('remaining time, then overdue', () => {
    const deadline = at('2026-03-05T10:00');
    assert.deepEqual(remainingTime(calendar, at('2026-03-04T10:00'), deadline), {
      minutes: 480,
      workingDays: 1,
      milliseconds: 24 * 3600_000,
      overdue: false,
    });
    const late = remainingTime(calendar, at('2026-03-05T11:00'), deadline);
    assert.equal(late.overdue, true);
    assert.equal(late.minutes, -60);
  });
});

describe('typed errors', () => {
  test('negative and malformed durations', () => {
    assert.equal(errorCode(() => dueInstant(calendar, at('2026-03-04T10:00'), workingDays(-1))), 'NEGATIVE_DURATION');
    assert.equal(errorCode(() => dueInstant(calendar, at('2026-03-04T10:00'), workingDays(Number.NaN))), 'INVALID_DURATION');
    assert.equal(errorCode(() => dueInstant(calendar, at('2026-03-04T10:00'), calendarDays(1.5))), 'INVALID_DURATION');
    assert.equal(errorCode(() => dueInstant(calendar, at('2026-03-04T10:00'), { unit: 'weeks', value: 1 } as unknown as Duration)), 'INVALID_DURATION');
  });

  test('instants and dates outside the calendar’s years', () => {
    assert.equal(errorCode(() => dueInstant(calendar, at('1999-12-31T10:00'), workingDays(1))), 'YEAR_OUT_OF_RANGE');
    assert.equal(errorCode(() => dueInstant(calendar, at('2040-12-31T10:00'), workingDays(5))), 'YEAR_OUT_OF_RANGE');
    assert.equal(errorCode(() => dueInstant(calendar, at('2040-12-20T10:00'), calendarDays(30))), 'YEAR_OUT_OF_RANGE');
    assert.equal(errorCode(() => buildCalendar({ fromYear: 1800 })), 'YEAR_OUT_OF_RANGE');
    assert.equal(errorCode(() => buildCalendar({ fromYear: 2030, toYear: 2020 })), 'YEAR_OUT_OF_RANGE');
  });

  test('invalid instants and text', () => {
    assert.equal(errorCode(() => dueInstant(calendar, Number.NaN, workingDays(1))), 'INVALID_INSTANT');
    assert.equal(errorCode(() => at('2026-02-30T10:00')), 'INVALID_DATE');
    assert.equal(errorCode(() => at('13/02/2026 10:00')), 'INVALID_INSTANT');
    assert.equal(errorCode(() => at('2026-02-13T25:00')), 'INVALID_TIME');
    assert.equal(errorCode(() => calendar.dayInfo('2026-13-01')), 'INVALID_DATE');
  });
});
