import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_WORKING_HOURS,
  buildCalendar,
  dueInstant,
  formatVietnamDateTime,
  parseVietnamDateTime,
  parseWorkingHours,
  workingDays,
  workingHoursSpecSchema,
} from '../../src/calendar/index.ts';
import { errorCode } from './fixtures.ts';

const STANDARD = ['07:00-11:30', '13:30-17:00'];

describe('working hours', () => {
  test('the default is Monday–Friday 07:00–11:30 and 13:30–17:00, 8 hours a day', () => {
    const minutes = DEFAULT_WORKING_HOURS.byIsoWeekday.map((periods) => periods.reduce((sum, p) => sum + p.endMinute - p.startMinute, 0));
    assert.deepEqual(minutes, [0, 480, 480, 480, 480, 480, 0, 0]);
    assert.equal(DEFAULT_WORKING_HOURS.minutesPerWorkingDay, 480);
    assert.deepEqual(DEFAULT_WORKING_HOURS.makeUpDay, DEFAULT_WORKING_HOURS.byIsoWeekday[1]);
  });

  test('invalid specs are INVALID_HOURS', () => {
    assert.equal(errorCode(() => parseWorkingHours({ weekly: { monday: ['7:00-11:30'] } })), 'INVALID_HOURS');
    assert.equal(errorCode(() => parseWorkingHours({ weekly: { monday: ['11:30-07:00'] } })), 'INVALID_HOURS');
    assert.equal(errorCode(() => parseWorkingHours({ weekly: { monday: ['07:00-12:00', '11:00-17:00'] } })), 'INVALID_HOURS');
    assert.equal(errorCode(() => parseWorkingHours({ weekly: { monday: ['07:00-25:00'] } })), 'INVALID_HOURS');
    assert.equal(errorCode(() => parseWorkingHours({ weekly: { funday: STANDARD } } as never)), 'INVALID_HOURS');
    assert.equal(workingHoursSpecSchema.safeParse({ weekly: { monday: STANDARD }, minutesPerWorkingDay: 0 }).success, false);
  });

  test('periods may be given in any order', () => {
    const hours = parseWorkingHours({ weekly: { monday: ['13:30-17:00', '07:00-11:30'] } });
    assert.deepEqual(hours.byIsoWeekday[1]?.map((p) => p.startMinute), [420, 810]);
  });
});

describe('a centre open on Saturday mornings', () => {
  const weekdays = { monday: STANDARD, tuesday: STANDARD, wednesday: STANDARD, thursday: STANDARD, friday: STANDARD };
  const calendar = buildCalendar({ fromYear: 2026, toYear: 2026, hours: { weekly: { ...weekdays, saturday: ['07:30-11:30'] } } });
  const due = (received: string, days: number) =>
    formatVietnamDateTime(dueInstant(calendar, parseVietnamDateTime(received), workingDays(days)));

  test('Saturday mornings count as working time', () => {
    assert.equal(calendar.dayInfo('2026-03-07').kind, 'weekend');
    assert.equal(calendar.dayInfo('2026-03-07').workingMinutes, 240);
    assert.equal(calendar.isWorkingDay('2026-03-07'), true);
    assert.equal(calendar.isNationalWorkingDay('2026-03-07'), false);
    // Fri 13:00 → Fri 17:00 (210 min) + Sat 07:30–11:30 (240) + Mon 30 min → Mon 07:30.
    assert.equal(due('2026-03-06T13:00', 1), '2026-03-09T07:30');
  });

  test('a Saturday in Tết stays closed; a make-up Saturday gets a full day', () => {
    assert.equal(calendar.dayInfo('2026-02-21').workingMinutes, 240); // Tết is Mon–Fri this year
    assert.equal(calendar.dayInfo('2026-08-22').workingMinutes, 480);
    const closed = buildCalendar({ fromYear: 2027, toYear: 2027, hours: { weekly: { ...weekdays, saturday: ['07:30-11:30'] } } });
    assert.equal(closed.dayInfo('2027-02-06').workingMinutes, 0); // Saturday, Tết day 1
  });
});
