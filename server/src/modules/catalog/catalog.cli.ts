import fs from 'node:fs';
import type { Db } from '../../database.ts';
import type { Config } from '../../platform/config.ts';
import { systemClock } from '../../platform/clock.ts';
import { importCatalogFile } from './catalog.import.ts';

/**
 * `npm run import -- catalog FILE…`: each file in its own transaction; prints a summary, the anomalies
 * by kind, then each anomaly with its line. Returns the exit code: 1 if any file failed.
 */
export async function importCatalogFiles(db: Db, files: string[], config: Config, out: NodeJS.WritableStream): Promise<number> {
  if (files.length === 0) throw new Error('Cần ít nhất một tệp / give at least one file: import catalog FILE…');
  let failed = 0;
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`Không tìm thấy tệp / file not found: ${file}`);
    const r = await importCatalogFile(db, file, { clock: systemClock, actorId: null, sharedDataDir: config.SHARED_DATA_DIR });
    const c = r.counts;
    out.write(
      `${r.source} (${r.format ?? 'unknown format'}): ${r.status} in ${(r.durationMs / 1000).toFixed(1)} s — ` +
        `${c.records} records, ${c.distinctProcedures} distinct procedures, ${c.created} created, ${c.updated} updated, ` +
        `${c.unchanged} unchanged, ${c.skipped} skipped, ${c.versionsCreated} new versions; report ${r.id}\n`,
    );
    if (r.error) {
      failed++;
      out.write(`  FAILED${r.error.line !== null ? ` at line ${r.error.line}` : ''}: ${r.error.message.en}\n  Nothing was changed.\n`);
    }
    const kinds = Object.entries(r.anomalyCounts).sort((a, b) => b[1] - a[1]);
    if (kinds.length > 0) out.write(`  anomalies: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
    for (const a of r.anomalies) out.write(`  ${a.line !== null ? `line ${a.line}: ` : ''}${a.kind}${a.code ? ` ${a.code}` : ''}: ${a.detail}\n`);
  }
  return failed > 0 ? 1 : 0;
}
