import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGliteDialect } from './pglite-dialect.ts';

export type Engine = 'pglite' | 'postgresql';

// int8 (counts, sums) as JS numbers on both engines; ids are UUIDs and money fits in 2^53 đồng.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as number too (averages); PGlite already does both.
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseHandle<DB> {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball, loadable with `pgliteSnapshot`. */
  dump?: () => Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; undefined keeps the database in memory (tests). */
  pgliteDir?: string | undefined;
  pool?: number;
  /** Start PGlite from a snapshot made by `dump` (tests: a migrated, seeded template). */
  pgliteSnapshot?: Blob | undefined;
}

export async function openDatabase<DB>(options: OpenOptions): Promise<DatabaseHandle<DB>> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.pool ?? 10 });
    // An idle connection can die under the pool (server restart, failover, an administrator ending it).
    // The pool drops it and the next query connects again; without this listener the process would crash.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    bulkSessions.set(db, async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          engine: 'postgresql',
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          copy: (table, columns, chunks) => pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`))),
        });
      } finally {
        client.release();
      }
    });
    return { db, engine: 'postgresql', close: () => db.destroy() };
  }
  if (options.pgliteDir) fs.mkdirSync(options.pgliteDir, { recursive: true });
  // The contrib extensions migrations may create (search: unaccent + trigrams), as PostgreSQL has them.
  const extensions = { pg_trgm, unaccent };
  const pglite = await PGlite.create({
    extensions,
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  // The one connection is held through Kysely's driver, so nothing else runs in between.
  bulkSessions.set(db, (work) =>
    db.connection().execute(() =>
      work({
        engine: 'pglite',
        query: async (text, params) => (await pglite.query(text, params as unknown[])).rows as never,
        copy: async (table, columns, chunks) => {
          await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob(chunks) });
        },
      }),
    ),
  );
  return { db, engine: 'pglite', close: () => db.destroy(), dump: () => pglite.dumpDataDir('gzip') };
}

/**
 * One connection of the database for bulk loading, used directly (not through Kysely): plain SQL and
 * `COPY … FROM STDIN` in text format (pg-copy-streams on PostgreSQL, a blob on PGlite). Statements run in
 * order on that one connection, so `begin` … `commit` through `query` is one transaction. Kysely must
 * not be used inside `work` (on PGlite it would wait for the connection held here).
 */
export interface BulkSession {
  engine: Engine;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Rows in COPY text format (tab-separated, `\N` for null, one line each), in chunks. */
  copy(table: string, columns: readonly string[], chunks: string[]): Promise<void>;
}
const bulkSessions = new WeakMap<object, <T>(work: (session: BulkSession) => Promise<T>) => Promise<T>>();

export function withBulkSession<DB, T>(db: Kysely<DB>, work: (session: BulkSession) => Promise<T>): Promise<T> {
  const open = bulkSessions.get(db);
  if (!open) throw new Error('withBulkSession: this database was not opened by openDatabase');
  return open(work);
}

/** Runs `work` in one transaction: all of it is written, or none of it. */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>) {
  return db.transaction().execute(work);
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');

/**
 * Applies the numbered SQL files in migrations/ that have not run yet, each in its own transaction,
 * in order. Returns the version now in force (the last file's name without .sql).
 */
export async function migrate<DB>(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string | null> {
  await sql`create table if not exists schema_migrations (
    version text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const done = new Set(
    (await sql<{ version: string }>`select version from schema_migrations`.execute(db)).rows.map(
      (r) => r.version,
    ),
  );
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (done.has(version)) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    await db.transaction().execute(async (trx) => {
      // A migration is several statements; both engines accept them as one simple query.
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (version) values (${version})`.execute(trx);
    });
  }
  return currentMigration(db);
}

export async function currentMigration<DB>(db: Kysely<DB>): Promise<string | null> {
  const { rows } = await sql<{ version: string }>`
    select version from schema_migrations order by version desc limit 1`.execute(db);
  return rows[0]?.version ?? null;
}
