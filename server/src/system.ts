import path from 'node:path';
import type { Database } from './database.ts';
import { buildApp } from './app.ts';
import type { AppContext } from './context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { migrate, openDatabase } from './platform/db.ts';
import { FileStore } from './platform/files.ts';
import { seedDemo, seedReferenceData } from './seed.ts';

export interface SystemOptions {
  clock?: Clock;
  /** Keep PGlite in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
  /** Start PGlite from this snapshot (tests share one migrated, seeded template). */
  pgliteSnapshot?: Blob;
}

/** Opens the database, migrates it, seeds what an empty one needs, and builds the HTTP app. */
export async function startSystem(config: Config, options: SystemOptions = {}) {
  const handle = await openDatabase<Database>({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: options.inMemory ? undefined : path.resolve(config.DATA_DIR, 'pglite'),
    pgliteSnapshot: options.pgliteSnapshot,
  });
  const migration = await migrate(handle.db);
  const files = new FileStore(path.resolve(config.DATA_DIR, 'files'));
  const ctx: AppContext = { db: handle.db, engine: handle.engine, clock: options.clock ?? systemClock, config, files };
  const reports = await seedReferenceData(handle.db, config);
  const demoSeeded = config.SEED_DEMO === 'auto' && config.NODE_ENV !== 'production' ? await seedDemo(handle.db) : false;
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    migration,
    reports,
    demoSeeded,
    dumpDatabase: handle.dump,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
