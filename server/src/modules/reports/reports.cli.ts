/**
 * `npm run seed:synthetic -- --dossiers N [--days 365] [--seed 766] [--batch 20000] [--rebuild-indexes]`:
 * realistic synthetic dossiers into the configured database (DATABASE_URL, else PGlite in DATA_DIR), with
 * their counters, for demos and benchmarks. `--rebuild-indexes` drops and rebuilds the loaded tables'
 * indexes and foreign keys around the load (large loads into a quiet database; see `generateSynthetic`).
 * Prints dossiers per second.
 */
import { loadConfig } from '../../platform/config.ts';
import { startSystem } from '../../system.ts';
import { generateSynthetic } from './reports.synthetic.ts';

function flag(name: string, fallback: number) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}

const dossiers = flag('dossiers', 10_000);
const system = await startSystem(loadConfig());
const started = performance.now();
let last = started;
const result = await generateSynthetic(system.ctx.db, {
  dossiers,
  days: flag('days', 365),
  seed: flag('seed', 766),
  now: new Date(),
  batch: flag('batch', 20_000),
  rebuildIndexes: process.argv.includes('--rebuild-indexes'),
  onProgress: (done) => {
    const t = performance.now();
    if (t - last > 5000 || done === dossiers) {
      last = t;
      process.stdout.write(`${done} dossiers, ${Math.round(done / ((t - started) / 1000))}/s\n`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${result.dossiers} synthetic dossiers in ${seconds.toFixed(1)} s (${Math.round(result.dossiers / seconds)} dossiers/s) on ${system.ctx.engine}\n`);
process.stdout.write(`time in s: ${Object.entries(result.timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join(', ')}\n`);
await system.close();
