import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  OFFICIAL_SCHEDULES,
  OFFICIAL_SCHEDULE_2026,
  buildCalendar,
  calendarOverridesSchema,
  defaultScheduleEntries,
  dueInstant,
  formatVietnamDateTime,
  parseVietnamDateTime,
  scheduleEntrySchema,
  workingDays,
  yearScheduleSchema,
} from '../../src/calendar/index.ts';
import type { ScheduleEntry } from '../../src/calendar/index.ts';
import { errorCode } from './fixtures.ts';

const kinds = (calendar: ReturnType<typeof buildCalendar>, dates: string[]) => dates.map((d) => calendar.dayInfo(d).kind);

describe('the shipped official schedules', () => {
  test('only 2026 is shipped, and it is marked verified', () => {
    assert.deepEqual(OFFICIAL_SCHEDULES.map((s) => [s.year, s.verified]), [[2026, true]]);
    assert.ok(yearScheduleSchema.safeParse(OFFICIAL_SCHEDULE_2026).success);
  });

  test('2026: Tết Mon 16 – Fri 20/02; 31/08 off swapped with Sat 22/08; 01/09 and 02/09 off', () => {
    const calendar = buildCalendar({ fromYear: 2026, toYear: 2026 });
    assert.deepEqual(kinds(calendar, ['2026-02-13', '2026-02-16', '2026-02-20', '2026-02-23']), ['workday', 'holiday', 'holiday', 'workday']);
    assert.deepEqual(kinds(calendar, ['2026-08-22', '2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03']), [
      'makeUpWorkday',
      'holiday',
      'holiday',
      'holiday',
      'workday',
    ]);
    assert.equal(calendar.dayInfo('2026-08-22').workingMinutes, 480);
  });

  test('the tagged 2026 entries replace the computed National Day, even with the day after as default', () => {
    const calendar = buildCalendar({ fromYear: 2026, toYear: 2026, holidayRules: { nationalDayAdjacent: 'after' } });
    assert.equal(calendar.dayInfo('2026-09-03').kind, 'workday');
    const without = buildCalendar({ fromYear: 2026, toYear: 2026, overrides: [], holidayRules: { nationalDayAdjacent: 'after' } });
    assert.equal(without.dayInfo('2026-09-03').kind, 'holiday');
    assert.equal(without.dayInfo('2026-08-31').kind, 'workday');
  });

  test('special days of 2026 list every holiday, swap and compensatory day', () => {
    const special = buildCalendar().specialDays(2026).map((d) => `${d.iso} ${d.kind}`);
    assert.deepEqual(special, [
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-08-22 makeUpWorkday',
      '2026-08-31 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
  });
});

describe('overriding the computed defaults', () => {
  test('feeding a year’s computed defaults back as data changes nothing', () => {
    const computed = buildCalendar({ fromYear: 2027, toYear: 2027, overrides: [] });
    const asData = buildCalendar({ fromYear: 2027, toYear: 2027, overrides: defaultScheduleEntries(2027) });
    // Same days off with the same labels; official entries are all of kind 'holiday', so kinds are not compared.
    const summary = (calendar: typeof computed) => calendar.specialDays(2027).map((d) => [d.iso, d.workingMinutes, d.label, d.holiday]);
    assert.deepEqual(summary(asData), summary(computed));
    assert.equal(summary(computed).length, 14);
  });

  test('a tagged Tết arrangement replaces the computed Tết days and their compensatory days', () => {
    const official: ScheduleEntry[] = ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({
      date,
      kind: 'off',
      label: 'Tết',
      holiday: 'tet',
    }));
    const calendar = buildCalendar({ fromYear: 2027, toYear: 2027, overrides: official });
    assert.deepEqual(kinds(calendar, ['2027-02-04', '2027-02-06', '2027-02-10', '2027-02-11']), ['holiday', 'weekend', 'holiday', 'workday']);
  });

  test('province-specific extra days off are untagged entries on top of national ones', () => {
    const local: ScheduleEntry[] = [
      { date: '2026-03-10', kind: 'off', label: 'Ngày giải phóng tỉnh' },
      { date: '2026-03-14', kind: 'workday', label: 'Làm bù' },
      { date: '2026-02-17', kind: 'off', label: 'Trùng Tết' },
    ];
    const calendar = buildCalendar({ fromYear: 2026, toYear: 2026, overrides: [...OFFICIAL_SCHEDULE_2026.entries, ...local] });
    assert.deepEqual(kinds(calendar, ['2026-03-10', '2026-03-14', '2026-02-17']), ['scheduledOff', 'makeUpWorkday', 'holiday']);
    assert.equal(calendar.dayInfo('2026-02-17').label, 'Nghỉ Tết Nguyên đán Bính Ngọ');
    const due = dueInstant(calendar, parseVietnamDateTime('2026-03-09T10:00'), workingDays(1));
    assert.equal(formatVietnamDateTime(due), '2026-03-11T10:00');
  });

  test('contradictory entries are rejected', () => {
    const clash: ScheduleEntry[] = [
      { date: '2026-03-10', kind: 'off', label: 'a' },
      { date: '2026-03-10', kind: 'workday', label: 'b' },
    ];
    assert.equal(errorCode(() => buildCalendar({ overrides: clash })), 'INVALID_SCHEDULE');
    assert.equal(calendarOverridesSchema.safeParse(clash).success, false);
    const repeated = [clash[0] as ScheduleEntry, clash[0] as ScheduleEntry];
    assert.equal(errorCode(() => buildCalendar({ overrides: repeated })), 'no error');
  });

  test('entries outside the calendar’s years are ignored', () => {
    assert.equal(errorCode(() => buildCalendar({ fromYear: 2030, toYear: 2031 })), 'no error');
  });
});

describe('schedule entry schema (shared with the HTTP API)', () => {
  test('accepts a complete entry and trims the label', () => {
    const parsed = scheduleEntrySchema.parse({ date: '2026-09-02', kind: 'off', label: '  Quốc khánh ', holiday: 'nationalDay' });
    assert.equal(parsed.label, 'Quốc khánh');
  });

  test('rejects impossible dates, unknown kinds, empty labels, unknown holidays and extra fields', () => {
    const bad = [
      { date: '2026-02-29', kind: 'off', label: 'x' },
      { date: '2026-2-1', kind: 'off', label: 'x' },
      { date: '2026-02-02', kind: 'holiday', label: 'x' },
      { date: '2026-02-02', kind: 'off', label: '   ' },
      { date: '2026-02-02', kind: 'off', label: 'x', holiday: 'christmas' },
      { date: '2026-02-02', kind: 'off', label: 'x', extra: 1 },
    ];
    for (const entry of bad) assert.equal(scheduleEntrySchema.safeParse(entry).success, false, JSON.stringify(entry));
  });
});
