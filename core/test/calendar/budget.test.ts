import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildCalendar,
  calendarDays,
  dueInstant,
  formatVietnamDateTime,
  parseVietnamDateTime,
  scheduleSteps,
  splitBudget,
  workingDays,
  workingHours,
} from '../../src/calendar/index.ts';
import { errorCode } from './fixtures.ts';

const minutes = (budgets: { minutes: number }[]) => budgets.map((b) => b.minutes);

describe('splitting a budget across process steps', () => {
  test('half-days when the total allows: 10 WD as 0.5 / 7 / 2 / 0.5', () => {
    const budgets = splitBudget(workingDays(10), [0.05, 0.7, 0.2, 0.05]);
    assert.deepEqual(budgets.map((b) => b.workingDays), [0.5, 7, 2, 0.5]);
  });

  test('largest remainders keep the sum exact: 5 WD in thirds', () => {
    const budgets = splitBudget(workingDays(5), [1, 1, 1]);
    assert.deepEqual(budgets.map((b) => b.workingDays), [2, 1.5, 1.5]);
    assert.equal(budgets.reduce((sum, b) => sum + b.minutes, 0), 2400);
  });

  test('falls back to hours, then minutes, so every weighted step gets time', () => {
    assert.deepEqual(minutes(splitBudget(workingDays(1), [1, 1, 1])), [180, 180, 120]); // 8 h in hours
    assert.deepEqual(minutes(splitBudget(workingHours(1), [1, 1, 1])), [20, 20, 20]);
    assert.deepEqual(minutes(splitBudget(workingDays(1), [100, 1])), [475, 5]); // hours would starve step 2
    assert.deepEqual(minutes(splitBudget(workingDays(1), [100, 1], { granularity: 'hour' })), [420, 60]); // forced: one unit each
  });

  test('granularity can be forced; leftovers go to the last weighted step', () => {
    assert.deepEqual(minutes(splitBudget(workingDays(1), [1, 1, 1], { granularity: 'minute' })), [160, 160, 160]);
    assert.deepEqual(minutes(splitBudget(workingHours(5), [1, 1, 0], { granularity: 'halfDay' })), [240, 60, 0]);
  });

  test('zero-weight steps get nothing', () => {
    assert.deepEqual(minutes(splitBudget(workingDays(2), [1, 0, 1])), [480, 0, 480]);
  });

  test('invalid weights and units', () => {
    assert.equal(errorCode(() => splitBudget(workingDays(2), [])), 'INVALID_WEIGHTS');
    assert.equal(errorCode(() => splitBudget(workingDays(2), [0, 0])), 'INVALID_WEIGHTS');
    assert.equal(errorCode(() => splitBudget(workingDays(2), [1, -1])), 'INVALID_WEIGHTS');
    assert.equal(errorCode(() => splitBudget(calendarDays(10), [1, 1])), 'UNSUPPORTED_UNIT');
    assert.equal(errorCode(() => splitBudget(workingDays(-1), [1])), 'NEGATIVE_DURATION');
  });
});

describe('scheduling the steps', () => {
  const calendar = buildCalendar();
  const received = parseVietnamDateTime('2026-02-13T10:00');

  test('steps chain from the counting start and the last one is due with the dossier', () => {
    const steps = scheduleSteps(calendar, received, workingDays(3), [1, 4, 1]);
    assert.deepEqual(
      steps.map((s) => [s.workingDays, formatVietnamDateTime(s.start), formatVietnamDateTime(s.due)]),
      [
        [0.5, '2026-02-13T10:00', '2026-02-13T16:00'],
        [2, '2026-02-13T16:00', '2026-02-24T16:00'],
        [0.5, '2026-02-24T16:00', '2026-02-25T10:00'],
      ],
    );
    assert.equal(steps.at(-1)?.due, dueInstant(calendar, received, workingDays(3)));
  });

  test('cut-offs apply to the first step', () => {
    const steps = scheduleSteps(calendar, parseVietnamDateTime('2026-02-13T16:00'), workingDays(3), [1, 1], { cutoff15h: true });
    assert.equal(formatVietnamDateTime(steps[0]?.start ?? 0), '2026-02-23T07:00');
    assert.equal(formatVietnamDateTime(steps[1]?.due ?? 0), '2026-02-25T17:00');
  });
});
