import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../database.ts';
import type { Config } from '../../platform/config.ts';
import { systemClock } from '../../platform/clock.ts';
import { importCatalogFile } from './catalog.import.ts';

/** The portal's files `npm start` loads into an empty catalog: 502 details, then the 5,670-entry list. */
export const DEMO_CATALOG_FILES = ['catalog/dvcqg_details_502.jsonl', 'catalog/dvcqg_catalog_5670.jsonl'];

/** In the shape seed.ts reports its imports in. */
export interface CatalogSeedReport {
  source: string;
  inserted: number;
  anomalies: { line?: number; kind: string; detail: string }[];
}

/**
 * The demo catalog: the national procedures and every province's own, from ../shared/data when it is
 * at hand (each deployment shows the national ones and its province's). Runs only on an empty catalog.
 */
export async function seedDemoCatalog(db: Db, config: Config): Promise<CatalogSeedReport[]> {
  const existing = await db.selectFrom('procedure').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  const reports: CatalogSeedReport[] = [];
  for (const file of DEMO_CATALOG_FILES.map((f) => path.join(config.SHARED_DATA_DIR, f))) {
    if (!fs.existsSync(file)) continue;
    const report = await importCatalogFile(db, file, { clock: systemClock, actorId: null, sharedDataDir: config.SHARED_DATA_DIR });
    if (report.status === 'failed') throw new Error(`${report.source}: ${report.error?.message.en ?? 'import failed'}`);
    reports.push({
      source: report.source,
      inserted: report.counts.created + report.counts.updated,
      anomalies: report.anomalies.map((a) => ({ ...(a.line !== null ? { line: a.line } : {}), kind: a.kind, detail: a.code ? `${a.code}: ${a.detail}` : a.detail })),
    });
  }
  return reports;
}
