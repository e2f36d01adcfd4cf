import { sql } from 'kysely';
import type { PaperTemplate } from '@motcua/core/documents/schemas.ts';
import type { Queryable } from '../../database.ts';

/** SQL of the documents module: templates, signer certificates, signed results, and the read-only views of dossiers that the register and the digitization figures need. */

export async function templates(db: Queryable, scopes: string[]) {
  if (scopes.length === 0) return [];
  return db.selectFrom('paper_template').selectAll().where('scope', 'in', scopes).execute();
}

export const allTemplates = (db: Queryable) => db.selectFrom('paper_template').selectAll().orderBy('scope').execute();

export async function upsertTemplate(db: Queryable, scope: string, settings: PaperTemplate, actorId: string) {
  const row = { scope, settings: JSON.stringify(settings), updated_by: actorId, updated_at: new Date() };
  await db.insertInto('paper_template').values(row).onConflict((oc) => oc.column('scope').doUpdateSet(row)).execute();
}

export async function upsertSignerKey(db: Queryable, row: { user_id: string; certificate_pem: string; subject: string; serial: string; not_after: Date }) {
  await db.insertInto('signer_key').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(row)).execute();
}

export type SignedRow = Awaited<ReturnType<typeof signedByToken>> & object;

export const signedByToken = (db: Queryable, token: string) =>
  db.selectFrom('signed_document').innerJoin('dossier', 'dossier.id', 'signed_document.dossier_id').selectAll('signed_document').select(['dossier.code as dossier_code', 'dossier.procedure_name']).where('token', '=', token).executeTakeFirst();

export const signedBySha = (db: Queryable, sha256: string) =>
  db.selectFrom('signed_document').innerJoin('dossier', 'dossier.id', 'signed_document.dossier_id').selectAll('signed_document').select(['dossier.code as dossier_code', 'dossier.procedure_name']).where('sha256', '=', sha256).orderBy('signed_at', 'desc').executeTakeFirst();

export const signedById = (db: Queryable, id: string) =>
  db.selectFrom('signed_document').innerJoin('dossier', 'dossier.id', 'signed_document.dossier_id').selectAll('signed_document').select(['dossier.code as dossier_code', 'dossier.procedure_name']).where('signed_document.id', '=', id).executeTakeFirst();

export const signedOfDossier = (db: Queryable, dossierId: string) =>
  db.selectFrom('signed_document').innerJoin('dossier', 'dossier.id', 'signed_document.dossier_id').selectAll('signed_document').select(['dossier.code as dossier_code', 'dossier.procedure_name']).where('dossier_id', '=', dossierId).orderBy('signed_at').execute();

/** The register (sổ theo dõi hồ sơ): dossiers received by a unit in a period, in order of reception. */
export async function registerRows(db: Queryable, unitId: string, from: Date, to: Date) {
  return db
    .selectFrom('dossier')
    .innerJoin('unit as competent', 'competent.id', 'dossier.competent_unit_id')
    .select(['dossier.id', 'dossier.code', 'dossier.procedure_code', 'dossier.procedure_name', 'dossier.applicant', 'dossier.received_at', 'dossier.effective_due_at', 'dossier.returned_at', 'dossier.return_method', 'dossier.status', 'competent.name as competent_name'])
    .where('dossier.receiving_unit_id', '=', unitId)
    .where('dossier.received_at', '>=', from)
    .where('dossier.received_at', '<', to)
    .orderBy('dossier.received_at')
    .orderBy('dossier.code')
    .limit(20_000)
    .execute();
}

/**
 * Digitization figures over the dossiers matching `where`: a dossier counts as digitized when every
 * paper it was handed (intake and supplements) has a scanned file; a result counts when it is stored
 * as an electronic file (uploaded or signed here).
 */
export async function digitization(db: Queryable, filter: { dossierId?: string; unitPath?: string; from?: Date; to?: Date }) {
  let dossiers = db.selectFrom('dossier').select('dossier.id').where('dossier.code', 'is not', null);
  if (filter.dossierId) dossiers = dossiers.where('dossier.id', '=', filter.dossierId);
  if (filter.unitPath) {
    const path = filter.unitPath;
    dossiers = dossiers.where((eb) => eb.exists(eb.selectFrom('unit').select('unit.id').whereRef('unit.id', '=', 'dossier.receiving_unit_id').where('unit.path', 'like', `${path}%`)));
  }
  if (filter.from) dossiers = dossiers.where('dossier.received_at', '>=', filter.from);
  if (filter.to) dossiers = dossiers.where('dossier.received_at', '<', filter.to);
  const row = await sql<{ dossiers: string; dossiers_digitized: string; results: string; results_digitized: string }>`
    with d as (${dossiers}),
    papers as (
      select dd.dossier_id, bool_and(dd.digitized and dd.file_sha256 is not null) as all_digitized
      from dossier_document dd join d on d.id = dd.dossier_id
      where dd.purpose in ('intake', 'supplement') and dd.provided
      group by dd.dossier_id
    ),
    results as (
      select dd.id, (dd.file_sha256 is not null or exists (select 1 from signed_document s where s.dossier_id = dd.dossier_id and s.result_code = dd.result_code)) as electronic
      from dossier_document dd join d on d.id = dd.dossier_id
      where dd.purpose = 'result'
    )
    select
      (select count(*) from d) as dossiers,
      (select count(*) from papers where all_digitized) as dossiers_digitized,
      (select count(*) from results) as results,
      (select count(*) from results where electronic) as results_digitized`.execute(db);
  const r = row.rows[0]!;
  return { dossiers: Number(r.dossiers), dossiersDigitized: Number(r.dossiers_digitized), results: Number(r.results), resultsDigitized: Number(r.results_digitized) };
}
