/** Property-based tests (fast-check). Time-zone independence is in timezone.test.ts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addMonths,
  buildCalendar,
  calendarDays,
  countingStart,
  dueDate,
  dueDateWithPauses,
  dueInstant,
  elapsedWorkingTime,
  formatIsoDate,
  fromEpochDay,
  lunarToSolar,
  scheduleSteps,
  solarToLunar,
  splitBudget,
  toEpochDay,
  vietnamInstant,
  workingDays,
  workingHours,
  workingTimeBetween,
} from '../../src/calendar/index.ts';
import type { ClockPause, ScheduleEntry, WorkingCalendar } from '../../src/calendar/index.ts';

const calendar = buildCalendar();
const MINUTE = 60_000;
const from = vietnamInstant('2001-01-01');
const to = vietnamInstant('2038-06-30');

const instant = fc.integer({ min: from, max: to });
const wholeMinuteInstant = fc.integer({ min: from / MINUTE, max: to / MINUTE }).map((m) => m * MINUTE);
const halfDays = fc.integer({ min: 0, max: 120 });
const options = fc.record({ cutoff15h: fc.boolean(), cutoffLastHour: fc.boolean() });

/** Working time was running just before `due`: the deadline sits inside opening hours, on a working day. */
function isInsideWorkingTime(cal: WorkingCalendar, due: number): boolean {
  return cal.workingMsAt(due) > cal.workingMsAt(due - 1);
}

describe('working-day deadlines', () => {
  test('adding N working days then counting back gives N', () => {
    fc.assert(
      fc.property(instant, halfDays, options, (receivedAt, half, opts) => {
        const deadline = dueDate(calendar, receivedAt, workingDays(half / 2), opts);
        assert.equal(workingTimeBetween(calendar, deadline.countingStart, deadline.due).workingDays, half / 2);
        if (!opts.cutoff15h && !opts.cutoffLastHour) {
          assert.equal(workingTimeBetween(calendar, receivedAt, deadline.due).workingDays, half / 2);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('the due date is never on a day off, and never outside opening hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 120 }), options, (receivedAt, half, opts) => {
        const deadline = dueDate(calendar, receivedAt, workingDays(half / 2), opts);
        assert.ok(calendar.isWorkingDay(deadline.dueDay), formatIsoDate(deadline.dueDay));
        assert.ok(isInsideWorkingTime(calendar, deadline.due));
      }),
      { numRuns: 2000 },
    );
  });

  test('calendar-day deadlines also end on a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 90 }), (receivedAt, days) => {
        const deadline = dueDate(calendar, receivedAt, calendarDays(days));
        assert.ok(calendar.isWorkingDay(deadline.dueDay));
        assert.ok(toEpochDay(deadline.dueDay) - toEpochDay(fromEpochDay(Math.floor((deadline.countingStart + 7 * 3600_000) / 86_400_000))) >= days);
      }),
      { numRuns: 1000 },
    );
  });

  test('durations add up: due(due(s, a), b) = due(s, a + b)', () => {
    fc.assert(
      fc.property(instant, halfDays, fc.integer({ min: 1, max: 60 }), (receivedAt, a, b) => {
        const first = dueInstant(calendar, receivedAt, workingDays(a / 2));
        assert.equal(dueInstant(calendar, first, workingHours(b * 4)), dueInstant(calendar, receivedAt, workingDays((a + b) / 2)));
      }),
      { numRuns: 1000 },
    );
  });

  test('a later reception is never due earlier', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * 86_400_000 }), halfDays, options, (receivedAt, later, half, opts) => {
        const duration = workingDays(half / 2);
        assert.ok(dueInstant(calendar, receivedAt, duration, opts) <= dueInstant(calendar, receivedAt + later, duration, opts));
      }),
      { numRuns: 1000 },
    );
  });

  test('counting starts inside opening hours, never before the reception', () => {
    fc.assert(
      fc.property(wholeMinuteInstant, options, (receivedAt, opts) => {
        const start = countingStart(calendar, receivedAt, opts);
        assert.ok(start >= receivedAt);
        assert.equal(calendar.workingMsAt(start + MINUTE) - calendar.workingMsAt(start), MINUTE);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('random schedules', () => {
  const day2026 = fc.integer({ min: 0, max: 729 }).map((offset) => formatIsoDate(fromEpochDay(toEpochDay({ year: 2026, month: 1, day: 1 }) + offset)));
  const entries = fc.uniqueArray(fc.record({ date: day2026, kind: fc.constantFrom('off', 'workday') }), { selector: (e) => e.date, maxLength: 40 });

  test('with any official/local days off and make-up days, deadlines still land in working time', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 700 * 1440 }), fc.integer({ min: 1, max: 60 }), (list, minute, half) => {
        const overrides: ScheduleEntry[] = list.map((e) => ({ ...e, kind: e.kind as 'off' | 'workday', label: 'random' }));
        const cal = buildCalendar({ fromYear: 2026, toYear: 2028, overrides });
        for (const entry of overrides) assert.equal(cal.isWorkingDay(entry.date), entry.kind === 'workday', entry.date);
        const receivedAt = vietnamInstant('2026-01-01') + minute * MINUTE;
        const deadline = dueDate(cal, receivedAt, workingDays(half / 2));
        assert.ok(cal.isWorkingDay(deadline.dueDay));
        assert.equal(workingTimeBetween(cal, receivedAt, deadline.due).workingDays, half / 2);
      }),
      { numRuns: 60 },
    );
  });
});

describe('pauses', () => {
  const pause = fc
    .record({ start: fc.integer({ min: 0, max: 30 * 1440 }), length: fc.integer({ min: 0, max: 5 * 1440 }) })
    .map(({ start, length }) => ({ start, end: start + length }));

  test('net working time from counting start to the paused due date equals the duration', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), fc.array(pause, { maxLength: 4 }), (receivedAt, half, raw) => {
        const pauses: ClockPause[] = raw.map((p) => ({ start: receivedAt + p.start * MINUTE, end: receivedAt + p.end * MINUTE }));
        const result = dueDateWithPauses(calendar, receivedAt, workingDays(half / 2), pauses);
        assert.ok(result.due !== null);
        assert.equal(elapsedWorkingTime(calendar, result.countingStart, result.due, pauses).workingDays, half / 2);
        assert.ok(result.due >= dueInstant(calendar, receivedAt, workingDays(half / 2)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('budget split', () => {
  test('shares add up exactly and the last step is due with the dossier', () => {
    const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 80 }), weights, fc.constantFrom('auto', 'halfDay', 'hour', 'minute'), (receivedAt, half, w, granularity) => {
        fc.pre(w.some((x) => x > 0));
        const total = workingDays(half / 2);
        const budgets = splitBudget(total, w, { granularity });
        assert.equal(budgets.reduce((sum, b) => sum + b.minutes, 0), half * 240);
        budgets.forEach((b, i) => assert.ok(b.minutes >= 0 && (w[i] !== 0 || b.minutes === 0)));
        const steps = scheduleSteps(calendar, receivedAt, total, w, { granularity });
        assert.equal(steps.at(-1)?.due, dueInstant(calendar, receivedAt, total));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dates', () => {
  test('epoch days agree with Date.UTC and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        assert.equal(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000, epochDay);
        assert.equal(toEpochDay(date), epochDay);
      }),
    );
  });

  test('adding months never overflows into the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 120 }), (epochDay, n) => {
        const start = fromEpochDay(epochDay);
        const end = addMonths(start, n);
        assert.equal((end.year - start.year) * 12 + end.month - start.month, n);
        assert.ok(end.day <= start.day);
      }),
    );
  });

  test('solar → lunar → solar is the identity over 1970–2100', () => {
    const first = toEpochDay({ year: 1970, month: 1, day: 1 });
    const last = toEpochDay({ year: 2100, month: 12, day: 31 });
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (epochDay) => {
        assert.equal(toEpochDay(lunarToSolar(solarToLunar(fromEpochDay(epochDay)))), epochDay);
      }),
      { numRuns: 300 },
    );
  });
});
