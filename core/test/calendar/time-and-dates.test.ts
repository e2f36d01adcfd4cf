import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CalendarError,
  attempt,
  durationSchema,
  formatVietnamDateTime,
  parseIsoDate,
  parseTimeOfDay,
  parseVietnamDateTime,
  toVietnamLocal,
  vietnamInstant,
  weekdayOf,
  workingDays,
} from '../../src/calendar/index.ts';
import { errorCode } from './fixtures.ts';

describe('Vietnam wall-clock time (UTC+7, no DST)', () => {
  test('instants convert with a fixed +7 h offset', () => {
    assert.equal(vietnamInstant('2026-02-13', '10:00'), Date.parse('2026-02-13T03:00:00Z'));
    assert.equal(parseVietnamDateTime('2026-01-01 00:30'), Date.parse('2025-12-31T17:30:00Z'));
    const local = toVietnamLocal(Date.parse('2025-12-31T17:30:00Z'));
    assert.deepEqual([local.date, local.weekday, local.msOfDay], [{ year: 2026, month: 1, day: 1 }, 4, 30 * 60_000]);
  });

  test('formatting: seconds only when present, 24:00 on request', () => {
    assert.equal(formatVietnamDateTime(vietnamInstant('2026-03-09', '24:00')), '2026-03-10T00:00');
    assert.equal(formatVietnamDateTime(vietnamInstant('2026-03-09', '24:00'), { midnightAs24: true }), '2026-03-09T24:00');
    assert.equal(formatVietnamDateTime(vietnamInstant('2026-03-09', '10:00:05')), '2026-03-09T10:00:05');
    assert.equal(formatVietnamDateTime(vietnamInstant('2026-03-09', '10:00') + 7), '2026-03-09T10:00:00.007');
  });

  test('times of day', () => {
    assert.equal(parseTimeOfDay('13:30'), 810);
    assert.equal(parseTimeOfDay('24:00'), 1440);
    for (const bad of ['24:01', '7:00', '12:60', 'noon']) assert.equal(errorCode(() => parseTimeOfDay(bad)), 'INVALID_TIME', bad);
  });

  test('dates', () => {
    assert.equal(weekdayOf(parseIsoDate('2026-02-13')), 5);
    assert.equal(weekdayOf(parseIsoDate('2026-08-22')), 6);
    assert.equal(errorCode(() => parseIsoDate('2025-02-29')), 'INVALID_DATE');
    assert.equal(errorCode(() => parseIsoDate('2026-02-13T10:00')), 'INVALID_DATE');
  });
});

describe('errors as values', () => {
  test('attempt() turns a CalendarError into a value and rethrows anything else', () => {
    assert.deepEqual(attempt(() => 1), { ok: true, value: 1 });
    const failed = attempt(() => parseIsoDate('nope'));
    assert.ok(!failed.ok && failed.error instanceof CalendarError && failed.error.code === 'INVALID_DATE');
    assert.throws(() => attempt(() => JSON.parse('{')), SyntaxError);
  });
});

describe('duration schema (shared with the HTTP API)', () => {
  test('accepts half working days, rejects negative values and fractional calendar days', () => {
    assert.deepEqual(durationSchema.parse({ unit: 'workingDays', value: 0.5 }), workingDays(0.5));
    assert.equal(durationSchema.safeParse({ unit: 'workingDays', value: -1 }).success, false);
    assert.equal(durationSchema.safeParse({ unit: 'calendarDays', value: 1.5 }).success, false);
    assert.equal(durationSchema.safeParse({ unit: 'weeks', value: 1 }).success, false);
  });
});
