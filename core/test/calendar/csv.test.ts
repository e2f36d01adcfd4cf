import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OFFICIAL_SCHEDULE_2026, formatScheduleCsv, parseScheduleCsv } from '../../src/calendar/index.ts';
import type { ScheduleCsvError } from '../../src/calendar/index.ts';

const errorsOf = (text: string): Pick<ScheduleCsvError, 'line' | 'column' | 'code'>[] => {
  const result = parseScheduleCsv(text);
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors.map(({ line, column, code }) => ({ line, column, code }));
};

describe('parseScheduleCsv', () => {
  test('reads entries, with or without the holiday column', () => {
    const result = parseScheduleCsv('date,kind,label\n2026-03-10,off,Ngày giải phóng tỉnh\n2026-03-14,workday,Làm bù\n');
    assert.deepEqual(result, {
      ok: true,
      entries: [
        { date: '2026-03-10', kind: 'off', label: 'Ngày giải phóng tỉnh' },
        { date: '2026-03-14', kind: 'workday', label: 'Làm bù' },
      ],
    });
    const tagged = parseScheduleCsv('kind,date,holiday,label\noff,2026-09-01,nationalDay,Nghỉ Quốc khánh\noff,2026-09-10,,Local\n');
    assert.ok(tagged.ok);
    assert.deepEqual(tagged.entries.map((e) => e.holiday), ['nationalDay', undefined]);
  });

  test('BOM, CRLF, blank lines, quoted fields with commas, quotes and line breaks, upper-case kinds', () => {
    const text = '\uFEFFdate,kind,label\r\n\r\n2026-03-10,OFF,"Lễ hội, ""đền"" Hùng"\r\n2026-03-11,off,"Hai\r\ndòng"\r\n';
    const result = parseScheduleCsv(text);
    assert.ok(result.ok);
    assert.deepEqual(result.entries.map((e) => [e.kind, e.label]), [
      ['off', 'Lễ hội, "đền" Hùng'],
      ['off', 'Hai\r\ndòng'],
    ]);
  });

  test('a trailing holiday column may be left out of a row', () => {
    const result = parseScheduleCsv('date,kind,label,holiday\n2026-03-10,off,Local\n2026-09-01,off,QK,nationalDay\n');
    assert.ok(result.ok);
    assert.equal(result.entries.length, 2);
  });

  test('labels are normalised to NFC', () => {
    const decomposed = 'Nghi\u0309 le\u0302\u0303';
    const result = parseScheduleCsv(`date,kind,label\n2026-03-10,off,${decomposed}\n`);
    assert.ok(result.ok);
    assert.equal(result.entries[0]?.label, decomposed.normalize('NFC'));
  });

  test('every bad cell is reported with its line and column', () => {
    const text = [
      'date,kind,label,holiday',
      '2026-02-30,off,Bad date,', // line 2
      '2026-03-01,holiday,Bad kind,', // line 3
      '2026-03-02,off,,', // line 4
      '2026-03-03,off,Bad tag,christmas', // line 5
      '2026-03-04,off', // line 6
      '13/03/2026,maybe,,', // line 7
    ].join('\n');
    assert.deepEqual(errorsOf(text), [
      { line: 2, column: 'date', code: 'INVALID_DATE' },
      { line: 3, column: 'kind', code: 'INVALID_KIND' },
      { line: 4, column: 'label', code: 'INVALID_LABEL' },
      { line: 5, column: 'holiday', code: 'INVALID_HOLIDAY' },
      { line: 6, column: null, code: 'WRONG_FIELD_COUNT' },
      { line: 7, column: 'date', code: 'INVALID_DATE' },
      { line: 7, column: 'kind', code: 'INVALID_KIND' },
      { line: 7, column: 'label', code: 'INVALID_LABEL' },
    ]);
  });

  test('line numbers count line breaks inside quoted fields', () => {
    assert.deepEqual(errorsOf('date,kind,label\n2026-03-10,off,"a\nb"\n2026-03-11,nope,x\n'), [{ line: 4, column: 'kind', code: 'INVALID_KIND' }]);
  });

  test('duplicate dates, with the line of the first one in the message', () => {
    const result = parseScheduleCsv('date,kind,label\n2026-03-10,off,a\n2026-03-10,workday,b\n');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => [e.line, e.code]), [[3, 'DUPLICATE_DATE']]);
    assert.match(result.errors[0]?.message ?? '', /line 2/);
  });

  test('header problems', () => {
    assert.deepEqual(errorsOf(''), [{ line: 1, column: null, code: 'EMPTY_FILE' }]);
    assert.deepEqual(errorsOf('2026-03-10,off,a\n'), [{ line: 1, column: null, code: 'MISSING_HEADER' }]);
    assert.deepEqual(errorsOf('date,label,note\n'), [
      { line: 1, column: null, code: 'UNKNOWN_COLUMN' },
      { line: 1, column: 'kind', code: 'MISSING_COLUMN' },
    ]);
    assert.deepEqual(errorsOf('date,kind,label,date\n'), [{ line: 1, column: 'date', code: 'DUPLICATE_COLUMN' }]);
  });

  test('an unterminated quote', () => {
    assert.deepEqual(errorsOf('date,kind,label\n2026-03-10,off,"never closed\n'), [{ line: 2, column: null, code: 'UNTERMINATED_QUOTE' }]);
  });

  test('formatScheduleCsv round-trips the official 2026 schedule', () => {
    const result = parseScheduleCsv(formatScheduleCsv(OFFICIAL_SCHEDULE_2026.entries));
    assert.deepEqual(result, { ok: true, entries: OFFICIAL_SCHEDULE_2026.entries });
  });
});
