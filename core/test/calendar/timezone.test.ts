/**
 * Results must not depend on the process time zone. Node reads TZ once, at
 * the first Date use, so each zone gets its own child process.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readTetHungCsv } from './fixtures.ts';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
const ZONES = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York'] as const;

interface ProbeOutput {
  tz: string;
  offsetMinutes: number;
  lunar: { year: number; tet: string; hungKings: string; leapMonth: number }[];
  deadlines: unknown[];
}

async function probe(tz: string): Promise<ProbeOutput> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', PROBE], {
    env: { ...process.env, TZ: tz },
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  return JSON.parse(stdout) as ProbeOutput;
}

describe('independence from the process time zone', () => {
  const outputs = Promise.all(ZONES.map(probe));

  test('each child really ran in its zone', async () => {
    const offsets = (await outputs).map((o) => [o.tz, o.offsetMinutes]);
    assert.deepEqual(offsets, [['UTC', 0], ['Asia/Ho_Chi_Minh', -420], ['America/New_York', 300]]);
  });

  for (const [index, zone] of ZONES.entries()) {
    test(`TZ=${zone}: Tết, Hùng Kings and leap months match the CSV for 2000–2035`, async () => {
      const output = (await outputs)[index] as ProbeOutput;
      const expected = readTetHungCsv().map(({ year, tet, hungKings, leapMonth }) => ({ year, tet, hungKings, leapMonth }));
      assert.deepEqual(output.lunar.map(({ year, tet, hungKings, leapMonth }) => ({ year, tet, hungKings, leapMonth })), expected);
    });
  }

  test('lunar conversions and 300 random due dates are identical under all three zones', async () => {
    const [first, ...others] = await outputs;
    assert.ok(first && first.deadlines.length === 300);
    for (const other of others) {
      assert.deepEqual(other.lunar, first.lunar, `${other.tz} vs ${first.tz}`);
      assert.deepEqual(other.deadlines, first.deadlines, `${other.tz} vs ${first.tz}`);
    }
  });

  test('the module never reads local-time Date getters or the clock', () => {
    const folder = new URL('../../src/calendar/', import.meta.url);
    const forbidden = /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|getTimezoneOffset|toLocale\w*)\(|new Date\(|Date\.now\(|performance\.now\(/;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      assert.doesNotMatch(source, forbidden, file);
    }
  });
});
