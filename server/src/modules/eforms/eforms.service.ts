import { randomUUID } from 'node:crypto';
import type { AttachedDocument, DraftView, EformPublish, EformView } from '@motcua/core/eforms/schemas.ts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './eforms.repo.ts';
import { schemaProblem, validateFormData } from './eforms.validate.ts';

export const eformView = (r: repo.EformRow): EformView => ({
  id: r.id,
  procedureCode: r.procedure_code,
  version: r.version,
  title: r.title,
  schema: r.schema,
  uiSchema: r.ui_schema,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

const noForm = (code: string) => new AppError(404, 'no_eform', t(`Thủ tục ${code} chưa có biểu mẫu điện tử để nộp trực tuyến`, `Procedure ${code} has no e-form for online submission yet`));

export async function activeFormOf(db: Queryable, procedureCode: string) {
  const row = await repo.activeEform(db, procedureCode);
  if (!row) throw noForm(procedureCode);
  return row;
}

/**
 * The submitted data checked against the form it was filled in: the version the citizen saw (the
 * active one, or an older one still on record). Errors name each field at `body.data.<path>`.
 */
export async function checkFormData(db: Queryable, procedureCode: string, eformId: string, data: Record<string, unknown>) {
  const form = await repo.findEform(db, eformId);
  if (!form || form.procedure_code !== procedureCode) throw errors.validation([{ path: 'body.eformId', code: 'unknown_eform', message: t('Biểu mẫu không thuộc thủ tục này', 'The form does not belong to this procedure') }]);
  const problems = validateFormData(form.id, form.schema, data);
  if (problems.length > 0) throw errors.validation(problems);
  return form;
}

/** Each attached file must be one the citizen uploaded. */
export async function checkOwnedFiles(db: Queryable, citizenId: string, documents: AttachedDocument[], path = 'body.documents') {
  const owned = await repo.ownedFiles(db, citizenId, [...new Set(documents.map((d) => d.fileSha256))]);
  const bad = documents.findIndex((d) => !owned.has(d.fileSha256));
  if (bad >= 0) throw errors.validation([{ path: `${path}[${bad}].fileSha256`, code: 'unknown_file', message: t('Chưa tải lên tệp này', 'No such uploaded file') }]);
}

export class EformService {
  constructor(private readonly ctx: AppContext) {}

  async active(procedureCode: string) {
    return eformView(await activeFormOf(this.ctx.db, procedureCode));
  }

  async versions(procedureCode: string) {
    return (await repo.eformVersions(this.ctx.db, procedureCode)).map(eformView);
  }

  async list() {
    return (await repo.listActive(this.ctx.db)).map(eformView);
  }

  /** A new version becomes the active form; submissions keep the version they were filled in. */
  async publish(actorId: string, procedureCode: string, input: EformPublish) {
    const problem = schemaProblem(input.schema);
    if (problem) throw errors.validation([{ path: 'body.schema', code: 'invalid_json_schema', message: t(`JSON Schema không hợp lệ: ${problem}`, `Invalid JSON Schema: ${problem}`) }]);
    if (input.schema.type !== 'object') throw errors.validation([{ path: 'body.schema.type', code: 'not_object', message: t('Biểu mẫu phải là một đối tượng (type: object)', 'A form must be an object (type: object)') }]);
    const procedure = await this.ctx.db.selectFrom('procedure').select('code').where('code', '=', procedureCode).executeTakeFirst();
    if (!procedure) throw errors.notFound(t(`thủ tục ${procedureCode}`, `Procedure ${procedureCode}`));
    const now = this.ctx.clock.now();
    const id = randomUUID();
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('eform').select((eb) => eb.fn.max('version').as('v')).where('procedure_code', '=', procedureCode).executeTakeFirst();
      await trx.updateTable('eform').set({ active: false }).where('procedure_code', '=', procedureCode).execute();
      const version = Number(last?.v ?? 0) + 1;
      await trx.insertInto('eform').values({ id, procedure_code: procedureCode, version, title: input.title, schema: JSON.stringify(input.schema), ui_schema: JSON.stringify(input.uiSchema), active: true, created_at: now, created_by: actorId }).execute();
      await recordAudit(trx, { actorId, action: 'eform.publish', objectType: 'eform', objectId: id, detail: { procedureCode, version } });
    });
    return eformView((await repo.findEform(this.ctx.db, id))!);
  }

  async draft(citizenId: string, procedureCode: string): Promise<DraftView | null> {
    const row = await repo.findDraft(this.ctx.db, citizenId, procedureCode);
    return row ? { procedureCode, eformId: row.eform_id, data: row.data, documents: row.documents, updatedAt: row.updated_at.toISOString() } : null;
  }

  /** Saved as typed (no schema check: a draft may be half-filled); the attached files must be the citizen's. */
  async saveDraft(citizenId: string, procedureCode: string, input: { data: Record<string, unknown>; documents: AttachedDocument[] }): Promise<DraftView> {
    if (JSON.stringify(input.data).length > 200_000) throw errors.badRequest('draft_too_large', t('Bản nháp quá lớn', 'The draft is too large'));
    const form = await activeFormOf(this.ctx.db, procedureCode);
    await checkOwnedFiles(this.ctx.db, citizenId, input.documents);
    const now = this.ctx.clock.now();
    const row = { citizen_id: citizenId, procedure_code: procedureCode, eform_id: form.id, data: JSON.stringify(input.data), documents: JSON.stringify(input.documents), updated_at: now };
    await this.ctx.db.insertInto('eform_draft').values(row).onConflict((oc) => oc.columns(['citizen_id', 'procedure_code']).doUpdateSet(row)).execute();
    return { procedureCode, eformId: form.id, data: input.data, documents: input.documents, updatedAt: now.toISOString() };
  }

  async deleteDraft(db: Queryable, citizenId: string, procedureCode: string) {
    await db.deleteFrom('eform_draft').where('citizen_id', '=', citizenId).where('procedure_code', '=', procedureCode).execute();
  }
}
