import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { ImportCounts, ImportFormat, ImportReport } from '@motcua/core/catalog/schemas.ts';
import type { Db, Queryable } from '../../database.ts';
import type { Clock } from '../../platform/clock.ts';
import { contentHash, mergeContent, procedureColumns, type SourceData, type SourceFormat } from './catalog.content.ts';
import * as repo from './catalog.repo.ts';
import { forgetUnderstoodQueries } from './catalog.search.ts';
import { AnomalyLog, ImportFailed } from './import/anomaly-log.ts';
import { looksLikeDetailLine, mapDetailLine } from './import/dvcqg-detail.ts';
import { looksLikeListLine, mapListLine } from './import/dvcqg-list.ts';
import { readPortalExcel } from './import/portal-excel.ts';
import { loadProvinceDirectory } from './import/province-directory.ts';
import type { MapContext, SourceRecord } from './import/source-record.ts';
import { comparable } from './import/text.ts';

/**
 * Imports one file of the National Public Service Portal (detail JSONL, list JSONL or the Excel list):
 * streamed record by record, written in batches, all in one transaction (a file that fails to read
 * changes nothing), idempotent (a record that says what it said last time writes nothing), and every
 * oddity met is reported. The report is stored, whether the import succeeded or not.
 */
export interface ImportSource {
  /** Shown in the report: the file name. */
  name: string;
  stream: Readable;
  /** How the bytes are packaged, when the file name or content type says; sniffed otherwise. */
  container?: 'jsonl' | 'xlsx';
  /** Forces the format; detected from the first record otherwise. */
  format?: ImportFormat;
}

export interface ImportOptions {
  clock: Clock;
  actorId: string | null;
  /** Where ../shared/data is, for the merged provinces' names. */
  sharedDataDir?: string;
}

const BATCH_SIZE = 250;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The first chunk of a stream, and a stream that still yields everything. */
async function sniff(stream: Readable): Promise<{ head: Buffer; rest: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  async function* all() {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}

const formatMismatch = (line: number | null, wanted: ImportFormat, found: string) =>
  new ImportFailed(line, {
    vi: `Tệp không phải định dạng ${wanted} như đã chọn (thấy ${found})`,
    en: `The file is not in the requested ${wanted} format (found ${found})`,
  });

async function* recordsOf(
  source: ImportSource,
  ctx: MapContext,
  log: AnomalyLog,
  detected: (format: ImportFormat) => void,
): AsyncGenerator<SourceRecord | null> {
  let { container, stream } = source;
  if (!container) {
    const sniffed = await sniff(stream);
    stream = sniffed.rest;
    container = sniffed.head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'jsonl';
  }
  if (container === 'xlsx') {
    if (source.format && source.format !== 'portal_excel') throw formatMismatch(null, source.format, 'an Excel workbook');
    detected('portal_excel');
    yield* readPortalExcel(stream, ctx, log);
    return;
  }
  if (source.format === 'portal_excel') throw formatMismatch(null, 'portal_excel', 'JSON lines');
  let format = source.format;
  let lineNo = 0;
  for await (let text of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportFailed(lineNo, {
        vi: `Dòng không phải JSON hợp lệ (tệp bị cắt hoặc hỏng?): ${(error as Error).message}`,
        en: `Line is not valid JSON (truncated or damaged file?): ${(error as Error).message}`,
      });
    }
    if (!format) {
      format = looksLikeDetailLine(value) ? 'dvcqg_detail' : looksLikeListLine(value) ? 'dvcqg_list' : undefined;
      if (!format)
        throw new ImportFailed(lineNo, {
          vi: 'Không nhận ra định dạng: cần dòng chi tiết {code, data, message} hoặc dòng danh sách {code, name, …} của Cổng DVCQG',
          en: 'Unknown format: expected a portal detail line {code, data, message} or list line {code, name, …}',
        });
      detected(format);
    }
    yield format === 'dvcqg_detail' ? mapDetailLine(value, lineNo, ctx, log) : mapListLine(value, lineNo, ctx, log);
  }
}

interface ImportState {
  runId: string;
  now: Date;
  actorId: string | null;
  counts: ImportCounts;
  /** `scope|code` → the line it was last seen on. */
  seen: Map<string, number>;
  /** comparable name → its codes, for `name_under_several_codes`. */
  names: Map<string, { name: string; line: number; codes: string[] }>;
  changed: boolean;
  log: AnomalyLog;
}

const keyOf = (scope: string, code: string) => `${scope}|${code}`;
const labelOf = (r: { code: string; scope: string }) => (r.scope === 'national' ? r.code : `${r.code} (${r.scope})`);

async function applyBatch(db: Queryable, batch: SourceRecord[], state: ImportState) {
  const latest = new Map<string, SourceRecord>();
  for (const r of batch) {
    const key = keyOf(r.scope, r.code);
    const earlier = state.seen.get(key);
    if (earlier !== undefined)
      state.log.add('duplicate_code', r.line, r.code, `${labelOf(r)} also on line ${earlier}; this later line is used`);
    state.seen.set(key, r.line);
    latest.set(key, r);
    const nameKey = comparable(r.data.name ?? '');
    const entry = state.names.get(nameKey) ?? { name: r.data.name ?? '', line: r.line, codes: [] };
    if (!entry.codes.includes(labelOf(r))) entry.codes.push(labelOf(r));
    state.names.set(nameKey, entry);
  }
  const records = [...latest.values()];
  const existing = new Map(
    (await repo.findProceduresByCodes(db, [...new Set(records.map((r) => r.code))])).map((p) => [keyOf(p.scope, p.code), p]),
  );
  const sourcesOf = new Map<string, Partial<Record<SourceFormat, { hash: string; data: SourceData }>>>();
  for (const s of await repo.findSources(db, [...existing.values()].map((p) => p.id))) {
    const entry = sourcesOf.get(s.procedure_id) ?? {};
    entry[s.format as SourceFormat] = { hash: s.content_hash, data: s.data };
    sourcesOf.set(s.procedure_id, entry);
  }

  const procedures: repo.ProcedureInsert[] = [];
  const versions: repo.VersionInsert[] = [];
  const sources: repo.SourceInsert[] = [];
  for (const r of records) {
    const dataHash = contentHash(r.data);
    const current = existing.get(keyOf(r.scope, r.code));
    const known = current ? (sourcesOf.get(current.id) ?? {}) : {};
    if (known[r.format]?.hash === dataHash) {
      state.counts.unchanged++;
      continue;
    }
    const merged: Partial<Record<SourceFormat, SourceData>> = { [r.format]: r.data };
    for (const [format, s] of Object.entries(known)) if (format !== r.format) merged[format as SourceFormat] = s.data;
    const content = mergeContent(r.code, r.scope, merged);
    const hash = contentHash(content);
    const procedureId = current?.id ?? randomUUID();
    sources.push({
      procedure_id: procedureId,
      format: r.format,
      content_hash: dataHash,
      data: JSON.stringify(r.data),
      import_run_id: state.runId,
      updated_at: state.now,
    });
    if (current && current.content_hash === hash) {
      state.counts.unchanged++;
      continue;
    }
    const versionId = randomUUID();
    const number = (current?.version_count ?? 0) + 1;
    versions.push({
      id: versionId,
      procedure_id: procedureId,
      number,
      content: JSON.stringify(content),
      content_hash: hash,
      decision_number: content.decision?.number ?? null,
      effective_from: content.decision?.date ?? null,
      source: 'import',
      import_run_id: state.runId,
      actor_id: state.actorId,
      created_at: state.now,
    });
    procedures.push({
      id: procedureId,
      code: r.code,
      scope: r.scope,
      ...procedureColumns(content),
      content_hash: hash,
      current_version_id: versionId,
      version_count: number,
      created_at: current?.created_at ?? state.now,
      updated_at: state.now,
    });
    if (current) state.counts.updated++;
    else state.counts.created++;
    state.counts.versionsCreated++;
  }
  await repo.upsertProcedures(db, procedures);
  await repo.insertVersions(db, versions);
  await repo.upsertSources(db, sources);
  if (procedures.length > 0) state.changed = true;
}

const emptyCounts = (): ImportCounts => ({ records: 0, distinctProcedures: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, versionsCreated: 0 });

export async function importCatalog(db: Db, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const startedAt = options.clock.now();
  const log = new AnomalyLog();
  const state: ImportState = {
    runId: randomUUID(),
    now: startedAt,
    actorId: options.actorId,
    counts: emptyCounts(),
    seen: new Map(),
    names: new Map(),
    changed: false,
    log,
  };
  let format: ImportFormat | null = null;
  const ctx: MapContext = { provinces: await loadProvinceDirectory(db, options.sharedDataDir) };
  const report = (status: 'succeeded' | 'failed', error: ImportReport['error']): ImportReport => {
    const finishedAt = options.clock.now();
    return {
      id: state.runId,
      source: source.name,
      format,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      counts: state.counts,
      anomalyCounts: { ...log.counts },
      anomalies: log.entries,
      error,
    };
  };
  const run = (r: ImportReport) => ({
    status: r.status,
    finished_at: new Date(r.finishedAt),
    counts: JSON.stringify(r.counts),
    anomalies: JSON.stringify(r.anomalies),
    error: r.error ? JSON.stringify(r.error) : null,
  });

  try {
    const done = await db.transaction().execute(async (trx) => {
      await repo.insertImportRun(trx, {
        id: state.runId,
        source: source.name,
        format: null,
        status: 'running',
        actor_id: options.actorId,
        started_at: startedAt,
        counts: '{}',
        anomalies: '[]',
      });
      let batch: SourceRecord[] = [];
      for await (const record of recordsOf(source, ctx, log, (f) => (format = f))) {
        if (!record) {
          state.counts.skipped++;
          continue;
        }
        state.counts.records++;
        batch.push(record);
        if (batch.length >= BATCH_SIZE) {
          await applyBatch(trx, batch, state);
          batch = [];
        }
      }
      if (batch.length > 0) await applyBatch(trx, batch, state);
      if (state.counts.records === 0 && state.counts.skipped === 0)
        throw new ImportFailed(null, { vi: 'Tệp không có thủ tục nào', en: 'The file holds no procedure' });
      state.counts.distinctProcedures = state.seen.size;
      for (const entry of state.names.values())
        if (entry.codes.length > 1)
          log.add('name_under_several_codes', entry.line, entry.codes[0]!, `"${entry.name}" is published under ${entry.codes.length} codes: ${entry.codes.join(', ')}`);
      if (state.changed) {
        await repo.rebuildTerms(trx);
        await repo.refreshSearchIndexes(trx);
      }
      const succeeded = report('succeeded', null);
      await trx.updateTable('catalog_import_run').set({ ...run(succeeded), format }).where('id', '=', state.runId).execute();
      return succeeded;
    });
    if (state.changed) forgetUnderstoodQueries(db);
    return done;
  } catch (error) {
    source.stream.destroy();
    const failure = error instanceof ImportFailed ? error : null;
    const message = failure ? failure.text : { vi: `Lỗi khi nhập: ${(error as Error).message}`, en: `Import error: ${(error as Error).message}` };
    const line = failure?.line ?? null;
    log.add('parse_error', line, null, message.en);
    state.counts = { ...emptyCounts(), records: state.counts.records, skipped: state.counts.skipped };
    const failed = report('failed', { line, message });
    // The transaction is gone; the failed run is recorded on its own so an administrator can read why.
    await repo.insertImportRun(db, {
      id: state.runId,
      source: source.name,
      format,
      actor_id: options.actorId,
      started_at: startedAt,
      ...run(failed),
    });
    if (!failure) throw error;
    return failed;
  }
}

/** Imports a file from disk; the container (JSON lines or Excel) follows the extension, else the content. */
export function importCatalogFile(db: Db, file: string, options: ImportOptions, format?: ImportFormat): Promise<ImportReport> {
  const ext = path.extname(file).toLowerCase();
  const container = ext === '.xlsx' ? 'xlsx' : ext === '.jsonl' || ext === '.ndjson' || ext === '.json' ? 'jsonl' : undefined;
  return importCatalog(
    db,
    { name: path.basename(file), stream: fs.createReadStream(file), ...(container ? { container } : {}), ...(format ? { format } : {}) },
    options,
  );
}
