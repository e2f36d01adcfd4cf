/**
 * Not a test: a child process that timezone.test.ts runs under several TZ
 * values. It prints, as JSON, every lunar and deadline result the parent
 * compares across time zones. TZ is set by the parent before Node starts, so
 * nothing here can have read the clock zone earlier.
 */
import fc from 'fast-check';
import {
  buildCalendar,
  dueDate,
  formatIsoDate,
  formatVietnamDateTime,
  leapMonthOf,
  lunarToSolar,
  solarToLunar,
  vietnamInstant,
  workingDays,
  workingTimeBetween,
} from '../../src/calendar/index.ts';

const lunar = [];
for (let year = 2000; year <= 2035; year++) {
  lunar.push({
    year,
    tet: formatIsoDate(lunarToSolar({ year, month: 1, leap: false, day: 1 })),
    hungKings: formatIsoDate(lunarToSolar({ year, month: 3, leap: false, day: 10 })),
    leapMonth: leapMonthOf(year),
    lunarOfJuly1: solarToLunar({ year, month: 7, day: 1 }),
  });
}

const calendar = buildCalendar();
const from = vietnamInstant('2001-01-01');
const to = vietnamInstant('2038-12-31');
// A fixed seed: every child draws the same inputs.
const inputs = fc.sample(
  fc.record({ receivedAt: fc.integer({ min: from, max: to }), halfDays: fc.integer({ min: 0, max: 80 }), cutoff15h: fc.boolean() }),
  { seed: 7, numRuns: 300 },
);
const deadlines = inputs.map(({ receivedAt, halfDays, cutoff15h }) => {
  const deadline = dueDate(calendar, receivedAt, workingDays(halfDays / 2), { cutoff15h });
  return [
    formatVietnamDateTime(receivedAt),
    formatVietnamDateTime(deadline.due),
    formatIsoDate(deadline.dueDay),
    workingTimeBetween(calendar, deadline.countingStart, deadline.due).minutes,
  ];
});

process.stdout.write(JSON.stringify({ tz: process.env.TZ, offsetMinutes: new Date(2026, 0, 1).getTimezoneOffset(), lunar, deadlines }));
