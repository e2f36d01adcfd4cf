import { sql, type Insertable } from 'kysely';
import type { Database, Queryable } from '../../database.ts';

export type ProcedureInsert = Insertable<Database['procedure']>;
export type VersionInsert = Insertable<Database['procedure_version']>;
export type SourceInsert = Insertable<Database['procedure_source']>;

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 400;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await write(rows.slice(i, i + ROWS_PER_STATEMENT));
}

// --- procedures, versions and sources (import and edits) ---------------------------------------------

export function findProceduresByCodes(db: Queryable, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('procedure')
    .select(['id', 'code', 'scope', 'content_hash', 'version_count', 'current_version_id', 'created_at'])
    .where('code', 'in', codes)
    .execute();
}

export function findSources(db: Queryable, procedureIds: string[]) {
  if (procedureIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('procedure_source').select(['procedure_id', 'format', 'content_hash', 'data']).where('procedure_id', 'in', procedureIds).execute();
}

/** Inserts new procedures and rewrites changed ones (matched on code and scope). */
export async function upsertProcedures(db: Queryable, rows: ProcedureInsert[]) {
  await inChunks(rows, (chunk) =>
    db
      .insertInto('procedure')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['code', 'scope']).doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          state: eb.ref('excluded.state'),
          name: eb.ref('excluded.name'),
          fields: eb.ref('excluded.fields'),
          levels: eb.ref('excluded.levels'),
          agencies: eb.ref('excluded.agencies'),
          issuing_agency: eb.ref('excluded.issuing_agency'),
          online_level: eb.ref('excluded.online_level'),
          processing_time: eb.ref('excluded.processing_time'),
          has_fees: eb.ref('excluded.has_fees'),
          has_detail: eb.ref('excluded.has_detail'),
          missing_components: eb.ref('excluded.missing_components'),
          keywords: eb.ref('excluded.keywords'),
          fields_text: eb.ref('excluded.fields_text'),
          content_hash: eb.ref('excluded.content_hash'),
          current_version_id: eb.ref('excluded.current_version_id'),
          version_count: eb.ref('excluded.version_count'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
}

export async function insertVersions(db: Queryable, rows: VersionInsert[]) {
  await inChunks(rows, (chunk) => db.insertInto('procedure_version').values(chunk).execute());
}

export async function upsertSources(db: Queryable, rows: SourceInsert[]) {
  await inChunks(rows, (chunk) =>
    db
      .insertInto('procedure_source')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['procedure_id', 'format']).doUpdateSet((eb) => ({
          content_hash: eb.ref('excluded.content_hash'),
          data: eb.ref('excluded.data'),
          import_run_id: eb.ref('excluded.import_run_id'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
}

/** The words the search corrects misspellings to: every word of the names, keywords and fields. */
export async function rebuildTerms(db: Queryable) {
  await db.deleteFrom('catalog_term').execute();
  await sql`insert into catalog_term (term, ndoc)
    select word, ndoc from ts_stat('select search_vector from procedure') where word ~ '^[a-z0-9]+$'`.execute(db);
}

/**
 * After bulk writes: GIN's pending lists merged into the indexes, and fresh planner statistics (PGlite
 * has no autovacuum to do either), so searches use the indexes and do not rescan the pending entries.
 */
export async function refreshSearchIndexes(db: Queryable) {
  await sql`select gin_clean_pending_list(c.oid) from pg_index i join pg_class c on c.oid = i.indexrelid
    join pg_am am on am.oid = c.relam
    where am.amname = 'gin' and i.indrelid in ('procedure'::regclass, 'catalog_term'::regclass)`.execute(db);
  await sql`analyze procedure, catalog_term`.execute(db);
}

export async function countProcedures(db: Queryable) {
  const row = await db
    .selectFrom('procedure')
    .select((eb) => [eb.fn.countAll<number>().as('procedures')])
    .executeTakeFirstOrThrow();
  const versions = await db.selectFrom('procedure_version').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { procedures: Number(row.procedures), versions: Number(versions.n) };
}

// --- reading --------------------------------------------------------------------------------------

const versionInfoColumns = [
  'v.id as version_id',
  'v.number as version_number',
  'v.decision_number',
  'v.source as version_source',
  'v.created_at as version_created_at',
  'v.content',
] as const;

/** The procedure with this code among those the deployment shows; its own province's first. */
export function findVisibleProcedure(db: Queryable, code: string, scopes: string[], options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('procedure as p')
    .innerJoin('procedure_version as v', 'v.id', 'p.current_version_id')
    .select(['p.id', 'p.code', 'p.scope', 'p.content_hash', 'p.version_count', 'p.created_at', ...versionInfoColumns])
    .select(sql<string | null>`v.effective_from::text`.as('effective_from'))
    .where('p.code', '=', code)
    .where('p.scope', 'in', scopes)
    .orderBy(sql`p.scope = 'national'`)
    .limit(1);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listVersions(db: Queryable, procedureId: string) {
  return db
    .selectFrom('procedure_version')
    .select(['id', 'number', 'decision_number', 'source', 'import_run_id', 'actor_id', 'created_at', 'content'])
    .select(sql<string | null>`effective_from::text`.as('effective_from'))
    .where('procedure_id', '=', procedureId)
    .orderBy('number')
    .execute();
}

export function findVersionById(db: Queryable, id: string) {
  return db
    .selectFrom('procedure_version')
    .select(['id', 'procedure_id', 'number', 'decision_number', 'source', 'import_run_id', 'actor_id', 'created_at', 'content'])
    .select(sql<string | null>`effective_from::text`.as('effective_from'))
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The id of the version in force on a Vietnam date of the procedure with this code among those the
 * deployment shows (its own province's first), in one query: what a reception is made under.
 */
export async function findVersionInForceByCode(db: Queryable, code: string, scopes: string[], vietnamDate: string) {
  const row = (await sql<{ id: string | null }>`select ${versionInForceByCode(code, scopes, vietnamDate)} as id`.execute(db)).rows[0];
  return row?.id ? { id: row.id } : undefined;
}

/**
 * `findVersionInForceByCode`'s query as a scalar subquery (the version's id, or null), to be sent with
 * others in one statement. Plain SQL: it is built on every reception, and the query builder's own work
 * cost more than the query.
 */
export function versionInForceByCode(code: string, scopes: string[], vietnamDate: string) {
  return sql<string | null>`(select id from procedure_version
    where procedure_id = (select id from procedure where code = ${code} and scope in (${sql.join(scopes)}) order by scope = 'national' limit 1)
      and (effective_from is null or effective_from <= ${vietnamDate}::date)
    order by number desc limit 1)`;
}

/**
 * The version in force on a Vietnam date: the latest one whose effective date had come (or that has
 * none). Reception asks for "now", when every existing version has already been created.
 */
export function findVersionInForce(db: Queryable, procedureId: string, vietnamDate: string) {
  return db
    .selectFrom('procedure_version')
    .select('id')
    .where('procedure_id', '=', procedureId)
    .where((eb) => eb.or([eb('effective_from', 'is', null), eb(sql`effective_from`, '<=', sql`${vietnamDate}::date`)]))
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function facetCounts(db: Queryable, column: 'fields' | 'agencies', scopes: string[]) {
  return sql<{ name: string; count: number }>`
    select value as name, count(*)::int as count
    from procedure p, unnest(p.${sql.ref(column)}) as value
    where p.scope in (${sql.join(scopes)}) and p.state <> 'abolished'
    group by value
    order by count(*) desc, value`
    .execute(db)
    .then((r) => r.rows);
}

/** The root of the unit tree: the deployment's province and where province-wide grants attach. */
export function findRootUnit(db: Queryable) {
  return db
    .selectFrom('unit')
    .select(['id', 'path', 'province_code', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

// --- synonyms -------------------------------------------------------------------------------------

export function listSynonyms(db: Queryable) {
  return db.selectFrom('catalog_synonym').select(['phrase', 'expansion']).orderBy('phrase').orderBy('expansion').execute();
}

export async function replaceSynonyms(db: Queryable, synonyms: { phrase: string; expansion: string }[]) {
  await db.deleteFrom('catalog_synonym').execute();
  await inChunks(synonyms, (chunk) => db.insertInto('catalog_synonym').values(chunk).onConflict((oc) => oc.doNothing()).execute());
}

// --- import runs ----------------------------------------------------------------------------------

export type ImportRunInsert = Insertable<Database['catalog_import_run']>;

export async function insertImportRun(db: Queryable, row: ImportRunInsert) {
  await db.insertInto('catalog_import_run').values(row).execute();
}

export async function finishImportRun(
  db: Queryable,
  id: string,
  patch: { status: string; finished_at: Date; counts: string; anomalies: string; error: string | null },
) {
  await db.updateTable('catalog_import_run').set(patch).where('id', '=', id).execute();
}

export function findImportRun(db: Queryable, id: string) {
  return db.selectFrom('catalog_import_run').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listImportRuns(db: Queryable, limit: number) {
  return db
    .selectFrom('catalog_import_run')
    .select(['id', 'source', 'format', 'status', 'actor_id', 'started_at', 'finished_at', 'counts', 'error'])
    .select(sql<Record<string, number>>`(select coalesce(jsonb_object_agg(kind, n), '{}') from (
        select a->>'kind' as kind, count(*)::int as n from jsonb_array_elements(anomalies) a group by 1) k)`.as('anomaly_counts'))
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}
