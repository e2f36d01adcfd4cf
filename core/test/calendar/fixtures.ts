/** Shared by the calendar tests (not a test file itself). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CalendarError } from '../../src/calendar/index.ts';
import type { CalendarErrorCode } from '../../src/calendar/index.ts';

export const TET_HUNG_CSV = new URL('../../../../shared/data/calendar/tet_hung_kings_2000_2035.csv', import.meta.url);

export interface TetHungRow {
  readonly year: number;
  readonly tet: string;
  readonly hungKings: string;
  readonly leapMonth: number;
  readonly vnDiffersFromChinese: boolean;
}

export function readTetHungCsv(): TetHungRow[] {
  const [header, ...lines] = readFileSync(TET_HUNG_CSV, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      year: Number(at(cells, 'year')),
      tet: at(cells, 'tet_lunar_1_1'),
      hungKings: at(cells, 'hung_kings_lunar_10_3'),
      leapMonth: Number(at(cells, 'leap_month_in_lunar_year')),
      vnDiffersFromChinese: at(cells, 'vn_differs_from_chinese') === 'True',
    };
  });
}

/** The CalendarError code `run` throws ('no error' if it returns). */
export function errorCode(run: () => unknown): CalendarErrorCode | 'no error' {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof CalendarError, `expected a CalendarError, got ${String(error)}`);
    return error.code;
  }
  return 'no error';
}
