import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { completenessOf } from '@motcua/core/catalog/completeness.ts';
import {
  PROCEDURE_CODE_PATTERN,
  type FacetCount,
  type ImportFormat,
  type ImportReport,
  type ImportRunSummary,
  type ProcedureContent,
  type ProcedureCreate,
  type ProcedureDetail,
  type ProcedureSearchQuery,
  type ProcedureSearchResult,
  type ProcedureUpdate,
  type Synonym,
  type VersionSnapshot,
  type VersionSummary,
} from '@motcua/core/catalog/schemas.ts';
import type { Db, Queryable } from '../../database.ts';
import type { Clock } from '../../platform/clock.ts';
import { errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changedFields, contentHash, mergeContent, procedureColumns, type SourceData, type SourceFormat } from './catalog.content.ts';
import { importCatalog, type ImportSource } from './catalog.import.ts';
import * as repo from './catalog.repo.ts';
import { forgetUnderstoodQueries, rememberedDetail, searchProcedures } from './catalog.search.ts';
import { vietnamDate } from './import/text.ts';

// --- the deployment: which province's procedures are shown, who administers the catalog -------------

type RootUnit = NonNullable<Awaited<ReturnType<typeof repo.findRootUnit>>>;
const ROOT_TTL_MS = 30_000;
const rootCache = new WeakMap<object, { at: number; root: RootUnit }>();

/** The root unit (its province is the deployment's), cached briefly: it practically never changes. */
export async function deploymentRoot(db: Db): Promise<RootUnit | null> {
  const cached = rootCache.get(db);
  if (cached && Date.now() - cached.at < ROOT_TTL_MS) return cached.root;
  const root = await repo.findRootUnit(db);
  if (root) rootCache.set(db, { at: Date.now(), root });
  return root ?? null;
}

/** A province sees the national procedures and its own province-specific ones. */
export async function visibleScopes(db: Db): Promise<string[]> {
  const root = await deploymentRoot(db);
  return root ? ['national', root.province_code] : ['national'];
}

// --- reading ------------------------------------------------------------------------------------

type VisibleRow = NonNullable<Awaited<ReturnType<typeof repo.findVisibleProcedure>>>;

function toDetail(row: VisibleRow): ProcedureDetail {
  const content = row.content;
  return {
    ...content,
    completeness: completenessOf(content),
    version: {
      id: row.version_id,
      number: row.version_number,
      decisionNumber: row.decision_number,
      effectiveFrom: row.effective_from,
      createdAt: new Date(row.version_created_at).toISOString(),
      source: row.version_source as 'import' | 'admin',
    },
  };
}

const notFound = (code: string) => errors.notFound(t(`thủ tục ${code}`, `Procedure ${code}`));

export async function searchPublic(db: Db, query: ProcedureSearchQuery): Promise<ProcedureSearchResult> {
  return searchProcedures(db, {
    q: query.q,
    field: query.field,
    level: query.level,
    agency: query.agency,
    online: query.online,
    kind: query.kind,
    complete: query.complete === undefined ? undefined : query.complete === 'true',
    page: query.page,
    pageSize: query.pageSize,
    scopes: await visibleScopes(db),
  });
}

/** The public detail, remembered for a minute (forgotten at once on any catalog edit on this instance). */
export async function getProcedure(db: Db, code: string): Promise<ProcedureDetail> {
  const detail = await rememberedDetail(db, code, async () => {
    const row = await repo.findVisibleProcedure(db, code, await visibleScopes(db));
    return row ? toDetail(row) : null;
  });
  if (!detail) throw notFound(code);
  return detail;
}

export async function listFacet(db: Db, facet: 'fields' | 'agencies'): Promise<FacetCount[]> {
  return repo.facetCounts(db, facet, await visibleScopes(db));
}

async function versionsOf(db: Db, code: string) {
  const row = await repo.findVisibleProcedure(db, code, await visibleScopes(db));
  if (!row) throw notFound(code);
  const versions = await repo.listVersions(db, row.id);
  return versions.map((v, i) => ({
    id: v.id,
    number: v.number,
    decisionNumber: v.decision_number,
    effectiveFrom: v.effective_from,
    createdAt: new Date(v.created_at).toISOString(),
    source: v.source as 'import' | 'admin',
    actorId: v.actor_id,
    importId: v.import_run_id,
    changedFields: changedFields(i > 0 ? versions[i - 1]!.content : null, v.content),
    content: v.content,
  }));
}

/** A procedure's history, oldest first: each version with what changed from the one before. */
export async function listVersions(db: Db, code: string): Promise<VersionSummary[]> {
  return (await versionsOf(db, code)).map(({ content: _content, ...summary }) => summary);
}

export async function getVersion(db: Db, code: string, number: number): Promise<VersionSnapshot> {
  const version = (await versionsOf(db, code)).find((v) => v.number === number);
  if (!version) throw errors.notFound(t(`phiên bản ${number} của thủ tục ${code}`, `Version ${number} of procedure ${code}`));
  return version;
}

/**
 * Versions never change once written (a trigger forbids it), so their content is kept in memory by id,
 * a bounded number per database: a reception then reads one small row instead of the content.
 */
const VERSION_CACHE_SIZE = 500;
const versionCache = new WeakMap<object, Map<string, ProcedureContent>>();

/**
 * For the dossier module, at reception: the procedure (among those the province shows) and the version
 * in force at `at` (the latest one whose effective date, Vietnam time, had come). The dossier stores that
 * version's id, so a later catalog change never moves its deadline.
 */
export async function procedureForReception(db: Db, code: string, at: Date): Promise<{ versionId: string; content: ProcedureContent } | null> {
  const found = await repo.findVersionInForceByCode(db, code, await visibleScopes(db), vietnamDate(at.getTime())!);
  return found ? procedureVersionContent(db, found.id) : null;
}

/**
 * `procedureForReception`'s query, to be sent as a subquery with others: the id of the version in force
 * (then `procedureVersionContent`).
 */
export async function versionInForceQuery(db: Db, code: string, at: Date) {
  return repo.versionInForceByCode(code, await visibleScopes(db), vietnamDate(at.getTime())!);
}

/** A version's content by id, kept in memory (versions never change): what `procedureForReception` answers. */
export async function procedureVersionContent(db: Db, versionId: string): Promise<{ versionId: string; content: ProcedureContent } | null> {
  const cache = versionCache.get(db) ?? new Map<string, ProcedureContent>();
  versionCache.set(db, cache);
  let content = cache.get(versionId);
  if (content) cache.delete(versionId);
  else {
    const version = await repo.findVersionById(db, versionId);
    if (!version) return null;
    content = version.content;
    if (cache.size >= VERSION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(versionId, content); // most recently used last
  return { versionId, content };
}

/** A version by id: what a dossier that stored it was received under. */
export async function getVersionById(db: Db, id: string): Promise<ProcedureContent | null> {
  return (await repo.findVersionById(db, id))?.content ?? null;
}

// --- editing (each change is a new version) -------------------------------------------------------

type EditableInput = Omit<ProcedureUpdate, 'decisionNumber' | 'effectiveFrom'>;

/** The administrator's input as content fields (optional parts made explicit), only those given. */
function localData(input: EditableInput): SourceData {
  const out: SourceData = {};
  const set = <K extends keyof SourceData>(key: K, value: SourceData[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  const time = (p: { value: number | null; unit: ProcedureContent['cases'][number]['processingTime']['unit']; text?: string | null | undefined }) => ({
    value: p.value,
    unit: p.unit,
    text: p.text ?? null,
  });
  const agency = (a: { code?: string | null | undefined; name: string }) => ({ code: a.code ?? null, name: a.name });
  set('name', input.name);
  set('kind', input.kind);
  set('state', input.state);
  set('fields', input.fields);
  set('levels', input.levels);
  set('onlineLevel', input.onlineLevel);
  if (input.issuingAgency !== undefined) out.issuingAgency = input.issuingAgency;
  set('executingAgencies', input.executingAgencies?.map(agency));
  set('authorityAgencies', input.authorityAgencies?.map(agency));
  set('coordinatingAgencies', input.coordinatingAgencies?.map(agency));
  set('applicantTypes', input.applicantTypes);
  set('legalBases', input.legalBases?.map((l) => ({ number: l.number ?? null, title: l.title })));
  set('results', input.results?.map((r) => ({ code: r.code ?? null, name: r.name })));
  set('cases', input.cases?.map((c) => ({ code: c.code ?? null, name: c.name, processingTime: time(c.processingTime) })));
  set(
    'channels',
    input.channels?.map((c) => ({
      channel: c.channel,
      processingTime: time(c.processingTime),
      fees: c.fees.map((f) => ({ kind: f.kind, amount: f.amount, text: f.text ?? null })),
      description: c.description ?? null,
    })),
  );
  set(
    'documents',
    input.documents?.map((d) => ({
      group: d.group ?? null,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      required: d.required,
      eForm: d.eForm,
      templates: d.templates.map((tpl) => ({ fileName: tpl.fileName, fileId: tpl.fileId ?? null })),
    })),
  );
  set('steps', input.steps?.map((s) => ({ title: s.title ?? null, text: s.text })));
  for (const key of ['requirements', 'description', 'note', 'keywords'] as const) if (input[key] !== undefined) out[key] = input[key] ?? null;
  set('resultDelivery', input.resultDelivery);
  return out;
}

const codeFormatError = (code: string) =>
  errors.validation([
    {
      path: 'body.code',
      code: 'procedure_code_format',
      message: t(
        `Mã thủ tục "${code}" phải có dạng d.dddddd, ví dụ 1.001193 hoặc 1.000948.H38`,
        `Procedure code "${code}" must look like d.dddddd, e.g. 1.001193 or 1.000948.H38`,
      ),
    },
  ]);

/** Writes a new version of a procedure from its sources, unless the content is unchanged. */
async function writeVersion(
  trx: Queryable,
  clock: Clock,
  actorId: string | null,
  target: { id: string; code: string; scope: string; versionCount: number; contentHash: string | null; createdAt: Date },
  sources: Partial<Record<SourceFormat, SourceData>>,
  version: { decisionNumber: string | null; effectiveFrom: string },
) {
  const content = mergeContent(target.code, target.scope, sources);
  const hash = contentHash(content);
  if (hash === target.contentHash) return null;
  const now = clock.now();
  const versionId = randomUUID();
  const number = target.versionCount + 1;
  await repo.upsertProcedures(trx, [
    {
      id: target.id,
      code: target.code,
      scope: target.scope,
      ...procedureColumns(content),
      content_hash: hash,
      current_version_id: versionId,
      version_count: number,
      created_at: target.createdAt,
      updated_at: now,
    },
  ]);
  await repo.insertVersions(trx, [
    {
      id: versionId,
      procedure_id: target.id,
      number,
      content: JSON.stringify(content),
      content_hash: hash,
      decision_number: version.decisionNumber,
      effective_from: version.effectiveFrom,
      source: 'admin',
      import_run_id: null,
      actor_id: actorId,
      created_at: now,
    },
  ]);
  const local = sources.local ?? {};
  await repo.upsertSources(trx, [
    { procedure_id: target.id, format: 'local', content_hash: contentHash(local), data: JSON.stringify(local), import_run_id: null, updated_at: now },
  ]);
  await repo.rebuildTerms(trx);
  return { number, content };
}

export async function createProcedure(db: Db, clock: Clock, actorId: string, input: ProcedureCreate): Promise<ProcedureDetail> {
  if (!PROCEDURE_CODE_PATTERN.test(input.code)) throw codeFormatError(input.code);
  const root = await deploymentRoot(db);
  if (!root) throw errors.forbidden();
  const scopes = await visibleScopes(db);
  const scope = input.kind === 'province_specific' ? root.province_code : 'national';
  const { decisionNumber, effectiveFrom, code, ...editable } = input;
  const today = vietnamDate(clock.now().getTime())!;
  const local: SourceData = {
    ...localData(editable),
    decision: { number: decisionNumber ?? null, date: effectiveFrom ?? today, issuedBy: root.name },
  };
  const detail = await db.transaction().execute(async (trx) => {
    if ((await repo.findProceduresByCodes(trx, [code])).some((p) => scopes.includes(p.scope) || p.scope === scope))
      throw errors.conflict('procedure_code_taken', t(`Mã thủ tục ${code} đã có trong bộ thủ tục`, `Procedure code ${code} is already in the catalog`));
    const id = randomUUID();
    const written = await writeVersion(
      trx,
      clock,
      actorId,
      { id, code, scope, versionCount: 0, contentHash: null, createdAt: clock.now() },
      { local },
      { decisionNumber: decisionNumber ?? null, effectiveFrom: effectiveFrom ?? today },
    );
    await recordAudit(trx, {
      actorId,
      action: 'procedure.create',
      objectType: 'procedure',
      objectId: id,
      detail: { code, scope, version: written!.number },
    });
    return toDetail((await repo.findVisibleProcedure(trx, code, [scope]))!);
  });
  forgetUnderstoodQueries(db);
  return detail;
}

export async function updateProcedure(db: Db, clock: Clock, actorId: string, code: string, input: ProcedureUpdate): Promise<ProcedureDetail> {
  const { decisionNumber, effectiveFrom, ...editable } = input;
  const patch = localData(editable);
  if (Object.keys(patch).length === 0)
    throw errors.validation([
      { path: 'body', code: 'nothing_to_change', message: t('Không có nội dung nào để sửa', 'Nothing to change: give at least one field') },
    ]);
  const scopes = await visibleScopes(db);
  const root = await deploymentRoot(db);
  const today = vietnamDate(clock.now().getTime())!;
  const detail = await db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleProcedure(trx, code, scopes, { forUpdate: true });
    if (!row) throw notFound(code);
    const sources: Partial<Record<SourceFormat, SourceData>> = {};
    for (const s of await repo.findSources(trx, [row.id])) sources[s.format as SourceFormat] = s.data;
    const decision =
      decisionNumber !== undefined || effectiveFrom !== undefined
        ? { decision: { number: decisionNumber ?? null, date: effectiveFrom ?? today, issuedBy: root?.name ?? null } }
        : {};
    sources.local = { ...(sources.local ?? {}), ...patch, ...decision };
    const written = await writeVersion(
      trx,
      clock,
      actorId,
      { id: row.id, code: row.code, scope: row.scope, versionCount: row.version_count, contentHash: row.content_hash, createdAt: row.created_at },
      sources,
      { decisionNumber: decisionNumber ?? null, effectiveFrom: effectiveFrom ?? today },
    );
    if (!written) return toDetail(row);
    await recordAudit(trx, {
      actorId,
      action: 'procedure.update',
      objectType: 'procedure',
      objectId: row.id,
      detail: { code: row.code, scope: row.scope, version: written.number, changedFields: changedFields(row.content, written.content) },
    });
    return toDetail((await repo.findVisibleProcedure(trx, code, [row.scope]))!);
  });
  forgetUnderstoodQueries(db);
  return detail;
}

// --- synonyms -----------------------------------------------------------------------------------

export async function listSynonyms(db: Db): Promise<Synonym[]> {
  return repo.listSynonyms(db);
}

export async function replaceSynonyms(db: Db, actorId: string, synonyms: Synonym[]): Promise<Synonym[]> {
  const saved = await db.transaction().execute(async (trx) => {
    const before = await repo.listSynonyms(trx);
    await repo.replaceSynonyms(trx, synonyms);
    const after = await repo.listSynonyms(trx);
    await recordAudit(trx, {
      actorId,
      action: 'catalog.synonyms.replace',
      objectType: 'catalog_synonym',
      objectId: null,
      detail: { before: before.length, after: after.length },
    });
    return after;
  });
  forgetUnderstoodQueries(db);
  return saved;
}

// --- imports ------------------------------------------------------------------------------------

export function importUpload(
  db: Db,
  options: { clock: Clock; actorId: string; sharedDataDir: string },
  upload: { stream: Readable; name: string; container?: 'jsonl' | 'xlsx'; format?: ImportFormat },
): Promise<ImportReport> {
  const source: ImportSource = {
    name: upload.name,
    stream: upload.stream,
    ...(upload.container ? { container: upload.container } : {}),
    ...(upload.format ? { format: upload.format } : {}),
  };
  return importCatalog(db, source, options);
}

type RunRow = NonNullable<Awaited<ReturnType<typeof repo.findImportRun>>>;

function runSummary(r: Omit<RunRow, 'anomalies'>, anomalyCounts: Record<string, number>): ImportRunSummary {
  const finished = r.finished_at ?? r.started_at;
  return {
    id: r.id,
    source: r.source,
    format: r.format as ImportFormat | null,
    status: r.status === 'succeeded' ? 'succeeded' : 'failed',
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: Math.max(0, new Date(finished).getTime() - new Date(r.started_at).getTime()),
    counts: { records: 0, distinctProcedures: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, versionsCreated: 0, ...r.counts },
    anomalyCounts,
    error: r.error,
  };
}

export async function getImportReport(db: Db, id: string): Promise<ImportReport> {
  const run = await repo.findImportRun(db, id);
  if (!run) throw errors.notFound(t('lần nhập', 'Import'));
  const counts: Record<string, number> = {};
  for (const a of run.anomalies) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return { ...runSummary(run, counts), anomalies: run.anomalies };
}

export async function listImports(db: Db): Promise<ImportRunSummary[]> {
  return (await repo.listImportRuns(db, 50)).map((r) => runSummary(r, r.anomaly_counts));
}
