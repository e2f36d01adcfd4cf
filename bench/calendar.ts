/**
 * Speed of deadline arithmetic in the core calendar module (one core).
 * Prints operations per second; never asserts (tests never check speed).
 *
 *   npx tsx bench/calendar.ts
 */
import {
  buildCalendar,
  calendarDays,
  dueDate,
  dueInstant,
  vietnamInstant,
  workingDays,
  workingHours,
  workingTimeBetween,
} from '@motcua/core/calendar/index.ts';
import type { Duration, Instant, WorkingCalendar } from '@motcua/core/calendar/index.ts';

const INPUTS = 4096;
const ROUNDS = 5;
const TARGET_MS = 400;

function time(label: string, build: () => void): void {
  const started = performance.now();
  build();
  console.log(`${label.padEnd(46)} ${(performance.now() - started).toFixed(1).padStart(10)} ms`);
}

// Deterministic pseudo-random receptions across 2001–2038 (any minute of any day).
function receptions(count: number): Instant[] {
  let seed = 20260213;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const from = vietnamInstant('2001-01-01');
  const span = vietnamInstant('2038-12-31') - from;
  return Array.from({ length: count }, () => from + Math.floor(next() * span / 60_000) * 60_000);
}

function measure(label: string, run: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += run(i); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let operations = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < TARGET_MS) {
      for (let i = 0; i < 10_000; i++) sink += run(operations + i);
      operations += 10_000;
      elapsed = performance.now() - started;
    }
    rates.push((operations / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
  console.log(`${label.padEnd(46)} ${fmt(median)} /s  (min ${fmt(rates[0] ?? 0)}, max ${fmt(rates[rates.length - 1] ?? 0)})${sink === 42 ? ' ' : ''}`);
}

console.log(`node ${process.version}, TZ=${process.env.TZ ?? '(unset)'}, ${INPUTS} receptions 2001–2038, median of ${ROUNDS}`);
let calendar!: WorkingCalendar;
time('buildCalendar 2000–2040 (first, lunar cold)', () => (calendar = buildCalendar()));
time('buildCalendar 2000–2040 (lunar cached)', () => (calendar = buildCalendar()));

const starts = receptions(INPUTS);
const mask = INPUTS - 1;
const dayDurations: Duration[] = [1, 3, 5, 7, 10, 15, 20, 30].map(workingDays);
const halfDay = workingDays(0.5);
const hours4 = workingHours(4);
const days30 = calendarDays(30);
const cutoff = { cutoff15h: true };
const at = (i: number) => starts[i & mask] as number;

console.log('\nworking-day due dates (the hot path):');
measure('dueInstant, 1–30 WD', (i) => dueInstant(calendar, at(i), dayDurations[i & 7] as Duration));
measure('dueInstant, 1–30 WD, cutoff15h', (i) => dueInstant(calendar, at(i), dayDurations[i & 7] as Duration, cutoff));
measure('dueInstant, 0.5 WD', (i) => dueInstant(calendar, at(i), halfDay));
measure('dueDate (full result object), 1–30 WD', (i) => dueDate(calendar, at(i), dayDurations[i & 7] as Duration).due);
console.log('\nother units and queries:');
measure('dueInstant, 4 working hours', (i) => dueInstant(calendar, at(i), hours4));
measure('dueInstant, 30 calendar days', (i) => dueInstant(calendar, at(i), days30));
measure('workingTimeBetween', (i) => workingTimeBetween(calendar, at(i), at(i + 1)).minutes);
