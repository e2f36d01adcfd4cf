import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCalendar, defaultScheduleEntries, formatIsoDate, fromEpochDay, statutoryHoliday, statutoryHolidays } from '../../src/calendar/index.ts';
import type { HolidayId } from '../../src/calendar/index.ts';

const isoDays = (id: HolidayId, year: number, nationalDayAdjacent: 'before' | 'after' = 'before') =>
  statutoryHoliday(id, year, { nationalDayAdjacent }).days.map((day) => formatIsoDate(fromEpochDay(day)));

const offDays = (year: number) => defaultScheduleEntries(year).map((e) => `${e.date} ${e.holiday}`);

describe('statutory holidays (Labour Code 2019 art. 112)', () => {
  test('fixed-date holidays', () => {
    assert.deepEqual(isoDays('newYear', 2027), ['2027-01-01']);
    assert.deepEqual(isoDays('reunificationDay', 2027), ['2027-04-30']);
    assert.deepEqual(isoDays('labourDay', 2027), ['2027-05-01']);
  });

  test('Tết: lunar New Year’s Eve and days 1–4', () => {
    assert.deepEqual(isoDays('tet', 2026), ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    assert.deepEqual(isoDays('tet', 2027), ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
  });

  test('Hùng Kings day is lunar 10/3', () => {
    assert.deepEqual(isoDays('hungKings', 2026), ['2026-04-26']);
    assert.deepEqual(isoDays('hungKings', 2031), ['2031-04-01']);
  });

  test('National Day: 2/9 and the adjacent day chosen by the rules', () => {
    assert.deepEqual(isoDays('nationalDay', 2027, 'before'), ['2027-09-01', '2027-09-02']);
    assert.deepEqual(isoDays('nationalDay', 2027, 'after'), ['2027-09-02', '2027-09-03']);
  });

  test('eleven days a year, in date order', () => {
    const holidays = statutoryHolidays(2028);
    assert.equal(holidays.flatMap((h) => h.days).length, 11);
    assert.deepEqual(holidays.map((h) => h.id), ['newYear', 'tet', 'hungKings', 'reunificationDay', 'labourDay', 'nationalDay']);
  });
});

describe('compensatory days (art. 112(3))', () => {
  test('2023: Hùng Kings on Saturday 29/04 and 30/04 on Sunday → Tuesday 02/05 and Wednesday 03/05 off', () => {
    assert.deepEqual(offDays(2023).filter((d) => d.startsWith('2023-04') || d.startsWith('2023-05')), [
      '2023-04-29 hungKings',
      '2023-04-30 reunificationDay',
      '2023-05-01 labourDay',
      '2023-05-02 hungKings',
      '2023-05-03 reunificationDay',
    ]);
  });

  test('a Tết block containing a Saturday is compensated on the next free working day', () => {
    // 2025: eve Tue 28/01, days 1–4 Wed 29/01 – Sat 01/02 → Monday 03/02.
    assert.deepEqual(offDays(2025).filter((d) => d.includes('tet')), [
      '2025-01-28 tet',
      '2025-01-29 tet',
      '2025-01-30 tet',
      '2025-01-31 tet',
      '2025-02-01 tet',
      '2025-02-03 tet',
    ]);
  });

  test('1/1/2028 falls on a Saturday → Monday 03/01 off', () => {
    assert.deepEqual(offDays(2028).filter((d) => d.includes('newYear')), ['2028-01-01 newYear', '2028-01-03 newYear']);
  });

  test('a year without an official schedule uses the computed days', () => {
    const calendar = buildCalendar();
    assert.equal(calendar.dayInfo('2027-02-09').kind, 'holiday');
    assert.equal(calendar.dayInfo('2027-02-06').kind, 'holiday'); // Saturday, but Tết
    assert.deepEqual(['2027-02-10', '2027-02-11'].map((d) => calendar.dayInfo(d).kind), ['compensatory', 'compensatory']);
    assert.equal(calendar.dayInfo('2027-02-10').label, 'Nghỉ bù Tết Nguyên đán');
  });
});
