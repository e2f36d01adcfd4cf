import type { Queryable } from '../../database.ts';
import { insertReception, insertReceptions, type ReceptionRows } from './dossiers.repo.ts';

type Counter = { unitId: string; day: string; prefix: string };
interface Waiting {
  rows: ReceptionRows;
  resolve: (code: string | null) => void;
  reject: (error: unknown) => void;
}
interface Line {
  waiting: Waiting[];
}

/** At most this many receptions in one statement. */
const MAX_BATCH = 50;

// Per database (several systems may share a test process), per unit's daily counter.
const linesByDb = new WeakMap<object, Map<string, Line>>();

/**
 * Writes a reception that no other module's hook writes for (`insertReception` in one statement, on its
 * own), and returns its code. Receptions of one unit on one day all take that unit's daily counter row,
 * which PostgreSQL locks from the statement until its commit: they can only be written one after
 * another. So, per unit and day, one statement is in flight from this process at a time; receptions
 * arriving meanwhile wait here (holding no connection) and go together in the next statement, which
 * moves the counter by their number and commits once for all (`insertReceptions`). A reception arriving
 * when none is in flight is written at once. Codes stay gap-free (all of a statement are written or none)
 * and each answer waits for its own commit. If a statement of several fails, each is tried again on its
 * own, so an error reaches only the reception it belongs to.
 */
export function writeReception(db: Queryable, rows: ReceptionRows, counter: Counter | null): Promise<string | null> {
  if (!counter) return insertReception(db, rows.row, rows.events, rows.documents, null);
  let lines = linesByDb.get(db);
  if (!lines) linesByDb.set(db, (lines = new Map()));
  const key = `${counter.unitId}|${counter.day}|${counter.prefix}`;
  return new Promise((resolve, reject) => {
    const line = lines.get(key);
    if (line) line.waiting.push({ rows, resolve, reject });
    else {
      const started: Line = { waiting: [{ rows, resolve, reject }] };
      lines.set(key, started);
      void drain(db, lines, key, started, counter);
    }
  });
}

async function drain(db: Queryable, lines: Map<string, Line>, key: string, line: Line, counter: Counter) {
  try {
    while (line.waiting.length > 0) {
      const batch = line.waiting.splice(0, MAX_BATCH);
      try {
        const codes = await insertReceptions(db, batch.map((b) => b.rows), counter);
        batch.forEach((b, i) => b.resolve(codes[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else
          for (const b of batch) {
            try {
              b.resolve(await insertReception(db, b.rows.row, b.rows.events, b.rows.documents, counter));
            } catch (own) {
              b.reject(own);
            }
          }
      }
    }
  } finally {
    lines.delete(key);
    // Should anything above have thrown past its catch, nobody is left waiting for ever.
    for (const b of line.waiting.splice(0)) b.reject(new Error('reception writer stopped'));
  }
}
