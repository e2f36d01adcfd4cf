import type { Queryable } from '../../database.ts';

export type EformRow = NonNullable<Awaited<ReturnType<typeof findEform>>>;

export const findEform = (db: Queryable, id: string) => db.selectFrom('eform').selectAll().where('id', '=', id).executeTakeFirst();

export const activeEform = (db: Queryable, procedureCode: string) => db.selectFrom('eform').selectAll().where('procedure_code', '=', procedureCode).where('active', '=', true).executeTakeFirst();

export const eformVersions = (db: Queryable, procedureCode: string) => db.selectFrom('eform').selectAll().where('procedure_code', '=', procedureCode).orderBy('version', 'desc').execute();

export const listActive = (db: Queryable) => db.selectFrom('eform').selectAll().where('active', '=', true).orderBy('procedure_code').execute();

export const findDraft = (db: Queryable, citizenId: string, procedureCode: string) =>
  db.selectFrom('eform_draft').selectAll().where('citizen_id', '=', citizenId).where('procedure_code', '=', procedureCode).executeTakeFirst();

/** Which of these files the citizen uploaded (a submission may only attach the citizen's own). */
export async function ownedFiles(db: Queryable, citizenId: string, shas: string[]) {
  if (shas.length === 0) return new Set<string>();
  const rows = await db.selectFrom('citizen_file').select('sha256').where('citizen_id', '=', citizenId).where('sha256', 'in', shas).execute();
  return new Set(rows.map((r) => r.sha256));
}
