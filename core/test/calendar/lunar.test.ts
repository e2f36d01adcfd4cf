import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatIsoDate,
  fromEpochDay,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  parseIsoDate,
  solarToLunar,
  toEpochDay,
} from '../../src/calendar/index.ts';
import { errorCode, readTetHungCsv } from './fixtures.ts';

describe('lunar calendar against tet_hung_kings_2000_2035.csv (this process TZ)', () => {
  const rows = readTetHungCsv();

  test('the file covers 2000–2035', () => {
    assert.equal(rows.length, 36);
    assert.deepEqual([rows[0]?.year, rows.at(-1)?.year], [2000, 2035]);
  });

  for (const row of rows) {
    test(`${row.year}: Tết ${row.tet}, Hùng Kings ${row.hungKings}, leap month ${row.leapMonth}`, () => {
      assert.equal(formatIsoDate(lunarToSolar({ year: row.year, month: 1, leap: false, day: 1 })), row.tet);
      assert.equal(formatIsoDate(lunarToSolar({ year: row.year, month: 3, leap: false, day: 10 })), row.hungKings);
      assert.equal(leapMonthOf(row.year), row.leapMonth);
      assert.deepEqual(solarToLunar(parseIsoDate(row.tet)), { year: row.year, month: 1, leap: false, day: 1 });
      assert.deepEqual(solarToLunar(parseIsoDate(row.hungKings)), { year: row.year, month: 3, leap: false, day: 10 });
    });
  }

  test('the years where Vietnam differs from China are the ones the file flags', () => {
    assert.deepEqual(rows.filter((r) => r.vnDiffersFromChinese).map((r) => r.year), [2007, 2009, 2030]);
    assert.equal(formatIsoDate(lunarNewYear(2007)), '2007-02-17'); // China: 18/02
    assert.equal(formatIsoDate(lunarNewYear(2030)), '2030-02-02'); // China: 03/02
    assert.equal(formatIsoDate(lunarToSolar({ year: 2009, month: 3, leap: false, day: 10 })), '2009-04-04'); // China: 05/04
  });
});

describe('leap months', () => {
  test('2023 has a leap 2nd month, 2025 a leap 6th, 2028 a leap 5th, 2031 a leap 3rd', () => {
    assert.deepEqual([2023, 2025, 2028, 2031].map(leapMonthOf), [2, 6, 5, 3]);
    assert.equal(formatIsoDate(lunarToSolar({ year: 2023, month: 2, leap: true, day: 1 })), '2023-03-22');
    assert.deepEqual(solarToLunar({ year: 2023, month: 3, day: 22 }), { year: 2023, month: 2, leap: true, day: 1 });
  });

  test('2033 has a leap 11th month (the "2033 problem"), not a leap 8th', () => {
    assert.equal(leapMonthOf(2033), 11);
    assert.deepEqual(solarToLunar({ year: 2033, month: 9, day: 23 }), { year: 2033, month: 9, leap: false, day: 1 });
    assert.deepEqual(solarToLunar({ year: 2033, month: 12, day: 22 }), { year: 2033, month: 11, leap: true, day: 1 });
    assert.deepEqual(solarToLunar({ year: 2034, month: 1, day: 20 }), { year: 2033, month: 12, leap: false, day: 1 });
  });

  test('Hùng Kings day is the 10th of the ordinary 3rd month even when the 3rd month repeats (2031)', () => {
    const ordinary = lunarToSolar({ year: 2031, month: 3, leap: false, day: 10 });
    const leap = lunarToSolar({ year: 2031, month: 3, leap: true, day: 10 });
    assert.equal(formatIsoDate(ordinary), '2031-04-01');
    assert.ok(toEpochDay(leap) - toEpochDay(ordinary) >= 29);
  });

  test('Vietnam’s Tết 1985 fell on 21 January, a month before China’s', () => {
    assert.equal(formatIsoDate(lunarNewYear(1985)), '1985-01-21');
  });
});

describe('solar ↔ lunar round trip', () => {
  test('every day of 2000–2040 converts back to itself, months are 29 or 30 days', () => {
    let previous = solarToLunar({ year: 1999, month: 12, day: 31 });
    for (let day = toEpochDay({ year: 2000, month: 1, day: 1 }); day <= toEpochDay({ year: 2040, month: 12, day: 31 }); day++) {
      const solar = fromEpochDay(day);
      const lunar = solarToLunar(solar);
      assert.equal(toEpochDay(lunarToSolar(lunar)), day, formatIsoDate(solar));
      if (lunar.day === 1) assert.ok(previous.day === 29 || previous.day === 30, `${formatIsoDate(solar)} follows day ${previous.day}`);
      else assert.equal(lunar.day, previous.day + 1);
      previous = lunar;
    }
  });

  test('month lengths', () => {
    assert.equal(lunarMonthLength(2025, 12), 29); // Tết 2026 eve is the 29th
    assert.equal(formatIsoDate(lunarToSolar({ year: 2025, month: 12, leap: false, day: 29 })), '2026-02-16');
  });
});

describe('invalid lunar input', () => {
  test('a leap month the year does not have, day 30 of a 29-day month, nonsense fields', () => {
    assert.equal(errorCode(() => lunarToSolar({ year: 2026, month: 5, leap: true, day: 1 })), 'INVALID_DATE');
    assert.equal(errorCode(() => lunarToSolar({ year: 2025, month: 12, leap: false, day: 30 })), 'INVALID_DATE');
    assert.equal(errorCode(() => lunarToSolar({ year: 2026, month: 13, leap: false, day: 1 })), 'INVALID_DATE');
    assert.equal(errorCode(() => lunarToSolar({ year: 2026, month: 1, leap: false, day: 0 })), 'INVALID_DATE');
    assert.equal(errorCode(() => solarToLunar({ year: 2026, month: 2, day: 30 })), 'INVALID_DATE');
  });

  test('years outside 1970–2100', () => {
    assert.equal(errorCode(() => lunarNewYear(1900)), 'YEAR_OUT_OF_RANGE');
    assert.equal(errorCode(() => solarToLunar({ year: 2101, month: 1, day: 1 })), 'YEAR_OUT_OF_RANGE');
  });
});
