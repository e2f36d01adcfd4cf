import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { Engine } from './platform/db.ts';
import type { Db } from './database.ts';
import type { FileStore } from './platform/files.ts';

/** What every route module is given: the database, the clock and the configuration. */
export interface AppContext {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  files: FileStore;
}
