import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { ProcessStep } from '@motcua/core/dossiers/process.ts';
import type { Database, Queryable } from '../../database.ts';

export type DossierInsert = Insertable<Database['dossier']>;
export type DossierProjection = Updateable<Database['dossier']>;
export type DossierRow = NonNullable<Awaited<ReturnType<typeof findDossier>>>;
export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];
export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

export function findDossier(db: Queryable, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('dossier').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findDossierByCode(db: Queryable, code: string) {
  return db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findDossierByIdempotencyKey(db: Queryable, key: string) {
  return db.selectFrom('dossier').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/**
 * The next number of the unit's daily counter. The upsert locks the counter row until the transaction
 * ends, so concurrent receptions (on any instance) queue here and numbers stay gap-free: a rolled-back
 * reception gives its number back.
 */
export async function nextCounter(db: Queryable, unitId: string, day: string): Promise<number> {
  const row = await db
    .insertInto('dossier_code_counter')
    .values({ unit_id: unitId, day, last: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ last: sql`dossier_code_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/**
 * `{prefix}{number}` in SQL, the number `behind` below the counter's new last value, zero-padded to at
 * least four digits (as `dossierCode` does).
 */
const codeFromCounter = (prefix: string, behind: number) =>
  sql<string>`(select ${prefix} || lpad((last - ${behind})::text, greatest(4, length((last - ${behind})::text)), '0') from counter)`;

export interface ReceptionRows {
  row: DossierInsert;
  events: Insertable<Database['dossier_event']>[];
  documents: Insertable<Database['dossier_document']>[];
}

/**
 * A new dossier with its events and documents, in one statement. With `counter`, the dossier's code is
 * `counter.prefix` followed by the next number of the unit's daily counter (see `nextCounter`), taken in
 * that same statement: the counter row is locked from there until the transaction commits, so the caller
 * should commit right after (the less it does in between, the more receptions per second a unit takes).
 * Returns the code (null without `counter`).
 */
export async function insertReception(db: Queryable, row: DossierInsert, events: ReceptionRows['events'], documents: ReceptionRows['documents'], counter: { unitId: string; day: string; prefix: string } | null): Promise<string | null> {
  return (await insertReceptions(db, [{ row, events, documents }], counter))[0]!;
}

/**
 * Several new dossiers (the same unit and day) in one statement, as `insertReception` writes one: with
 * `counter`, the counter moves by their number at once and they take its numbers in their order. All are
 * written or none. Returns their codes, in order.
 */
export async function insertReceptions(db: Queryable, receptions: ReceptionRows[], counter: { unitId: string; day: string; prefix: string } | null): Promise<(string | null)[]> {
  const n = receptions.length;
  // Without a counter the CTE selects nothing, so one statement shape serves both.
  const base = counter
    ? db.with('counter', (qb) =>
        qb
          .insertInto('dossier_code_counter')
          .values({ unit_id: counter.unitId, day: counter.day, last: n })
          .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ last: sql`dossier_code_counter.last + ${n}` }))
          .returning('last'),
      )
    : db.with('counter', (qb) => qb.selectFrom('dossier_code_counter').select('last').where(sql<boolean>`false`));
  const events = receptions.flatMap((r) => r.events);
  const documents = receptions.flatMap((r) => r.documents);
  let q = base.with('d', (qb) =>
    qb
      .insertInto('dossier')
      .values(receptions.map((r, k) => ({ ...r.row, code: counter ? codeFromCounter(counter.prefix, n - 1 - k) : null })))
      .returning(['id', 'code']),
  );
  if (events.length > 0) q = q.with('e', (qb) => qb.insertInto('dossier_event').values(events)) as unknown as typeof q;
  if (documents.length > 0) q = q.with('docs', (qb) => qb.insertInto('dossier_document').values(documents)) as unknown as typeof q;
  const written = await q.selectFrom('d').select(['id', 'code']).execute();
  const codeOf = new Map(written.map((w) => [w.id, w.code]));
  return receptions.map((r) => codeOf.get(r.row.id)!);
}

export async function insertDossier(db: Queryable, row: DossierInsert) {
  await db.insertInto('dossier').values(row).execute();
}

export async function updateProjection(db: Queryable, id: string, projection: DossierProjection) {
  await db.updateTable('dossier').set(projection).where('id', '=', id).execute();
}

export async function insertEvents(db: Queryable, rows: Insertable<Database['dossier_event']>[]) {
  if (rows.length > 0) await db.insertInto('dossier_event').values(rows).execute();
}

export function eventsOf(db: Queryable, dossierId: string) {
  return db.selectFrom('dossier_event').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

export async function insertDocuments(db: Queryable, rows: Insertable<Database['dossier_document']>[]) {
  if (rows.length > 0) await db.insertInto('dossier_document').values(rows).execute();
}

export function documentsOf(db: Queryable, dossierId: string) {
  return db.selectFrom('dossier_document').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('name').execute();
}

export function countResults(db: Queryable, dossierId: string) {
  return db
    .selectFrom('dossier_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', dossierId)
    .where('purpose', '=', 'result')
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function missingFiles(db: Queryable, shas: string[]) {
  if (shas.length === 0) return Promise.resolve([] as string[]);
  return db
    .selectFrom('stored_file')
    .select('sha256')
    .where('sha256', 'in', shas)
    .execute()
    .then((rows) => {
      const found = new Set(rows.map((r) => r.sha256));
      return shas.filter((s) => !found.has(s));
    });
}

export function findTemplate(db: Queryable, id: string) {
  return db.selectFrom('process_template').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The active template of a procedure (latest version), or else the default one (procedure_code null), in one query. */
export async function activeTemplate(db: Queryable, procedureCode: string | null) {
  return (await sql<Selectable<Database['process_template']>>`select * from process_template where ${activeTemplateOf(procedureCode)}`.execute(db)).rows[0];
}

/** `activeTemplate`'s condition and order (`procedure_code = null` is never true: the default one alone). */
const activeTemplateOf = (procedureCode: string | null) =>
  sql`active and (procedure_code = ${procedureCode} or procedure_code is null) order by procedure_code is null, version desc limit 1`;

export function unitsByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('unit').select(['id', 'code', 'name', 'path']).where('id', 'in', ids).execute();
}

export function staffNames(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('staff_account').select(['id', 'full_name']).where('id', 'in', ids).execute();
}

/** Per-procedure deadline rules (REGULATIONS.md §6): defaults when a procedure has none. */
export async function procedureRules(db: Queryable, procedureCode: string) {
  return rulesFrom(await db.selectFrom('procedure_rule').selectAll().where('procedure_code', '=', procedureCode).executeTakeFirst());
}

type RuleRow = { supplement_policy: string; cutoff_15h: boolean; cutoff_last_hour: boolean };
const rulesFrom = (row: RuleRow | null | undefined) => ({
  supplementPolicy: (row?.supplement_policy ?? 'pause') as 'pause' | 'restart',
  cutoff15h: row?.cutoff_15h ?? false,
  cutoffLastHour: row?.cutoff_last_hour ?? false,
});

/** A json(b) column as the drivers give it: parsed already, or (some drivers) as text. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * Everything a reception reads, in one statement (one round trip, one connection): whether the
 * idempotency key was used already (the dossier's id), the two units, the id of the procedure's version
 * in force (`versionInForce`, the catalog's query), the procedure's deadline rules, its active process
 * (id and steps: see `activeTemplate`) and the calendar's revision counter.
 */
export async function receptionReads(
  db: Queryable,
  input: { idempotencyKey: string; unitIds: string[]; procedureCode: string; versionInForce: RawBuilder<string | null> },
) {
  // Plain SQL: built on every reception, where the query builder's own work cost more than the query.
  const { rows } = await sql<{ existing_id: string | null; units: unknown; version_id: string | null; rules: unknown; template: unknown; calendar_revision: number | string }>`select
      (select id from dossier where idempotency_key = ${input.idempotencyKey}) as existing_id,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'code', code, 'name', name, 'path', path)), '[]'::jsonb)
        from unit where id in (${sql.join(input.unitIds)})) as units,
      ${input.versionInForce} as version_id,
      (select jsonb_build_object('supplement_policy', supplement_policy, 'cutoff_15h', cutoff_15h, 'cutoff_last_hour', cutoff_last_hour)
        from procedure_rule where procedure_code = ${input.procedureCode}) as rules,
      (select jsonb_build_object('id', id, 'steps', steps) from process_template where ${activeTemplateOf(input.procedureCode)}) as template,
      (select revision from calendar_revision where id = 1) as calendar_revision`.execute(db);
  const row = rows[0]!;
  return {
    existingId: row.existing_id,
    units: parsed<{ id: string; code: string; name: string; path: string }[]>(row.units),
    versionId: row.version_id,
    rules: rulesFrom(row.rules ? parsed<RuleRow>(row.rules) : null),
    template: row.template ? parsed<{ id: string; steps: ProcessStep[] }>(row.template) : null,
    calendarRevision: Number(row.calendar_revision),
  };
}

/**
 * What the public status lookup shows, in one query. The unit's and the officer's names come from scalar
 * subqueries on their primary keys rather than joins: the same answer, planned in about half the time
 * (the plan is most of what this query costs PostgreSQL: it runs in a few hundredths of a millisecond).
 * Plain SQL: the query builder's work was a sixth of the route's CPU time.
 */
export async function publicStatusRow(db: Queryable, code: string) {
  const { rows } = await sql<{
    code: string | null;
    lookup_secret: string;
    procedure_name: string;
    status: number;
    received_at: Date | null;
    effective_due_at: Date | null;
    returned_at: Date | null;
    holding_unit_name: string | null;
    officer_name: string | null;
  }>`select d.code, d.lookup_secret, d.procedure_name, d.status, d.received_at, d.effective_due_at, d.returned_at,
      (select u.name from unit u where u.id = d.holding_unit_id) as holding_unit_name,
      (select s.full_name from staff_account s where s.id = d.assignee_id) as officer_name
    from dossier d where d.code = ${code}`.execute(db);
  return rows[0];
}
