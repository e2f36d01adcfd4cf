import { Readable, Transform } from 'node:stream';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FacetCount,
  ImportReport,
  ImportRunSummary,
  ImportUploadQuery,
  ProcedureCodeParam,
  ProcedureCreate,
  ProcedureDetail,
  ProcedureSearchQuery,
  ProcedureSearchResult,
  ProcedureUpdate,
  Synonym,
  SynonymList,
  VersionSnapshot,
  VersionSummary,
} from '@motcua/core/catalog/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { covers } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { ImportFailed } from './import/anomaly-log.ts';
import * as service from './catalog.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };
const CodeParams = z.strictObject({ code: ProcedureCodeParam });
const LangQuery = z.strictObject({ lang: z.enum(['vi', 'en']).optional() });

/** What an import upload may be: the portal's JSON lines, or its Excel list. */
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** Passes the upload through, failing the import (which then changes nothing) past the size limit. */
function limitedTo(limit: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        done(new ImportFailed(null, t(`Tệp lớn hơn ${limit / 1024 / 1024} MB`, `The file is larger than ${limit / 1024 / 1024} MB`)));
      else done(null, chunk);
    },
  });
}

export function registerCatalogRoutes(app: HttpApp, ctx: AppContext) {
  const staff = requireStaff(ctx);

  /** Catalog edits are the province administrators': an admin grant on the root unit. */
  async function requireCatalogAdmin(request: Parameters<typeof staffOf>[0]) {
    const root = await service.deploymentRoot(ctx.db);
    if (!root || !covers(staffOf(request), root.path, ['admin'])) throw errors.forbidden();
  }

  // --- public ---------------------------------------------------------------------------------------

  app.get(
    '/api/public/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Tìm thủ tục hành chính / Search the procedure catalog',
        description:
          'One box as citizens type: with or without diacritics, đ/d, typos, word order, everyday words (synonyms), or a code. Filters by field, level, agency, online level. Without q: browse in name order.',
        querystring: ProcedureSearchQuery,
        response: { 200: ProcedureSearchResult, 400: Problem },
      },
    },
    async (request) => service.searchPublic(ctx.db, request.query),
  );

  app.get(
    '/api/public/procedures/:code',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Chi tiết thủ tục / Procedure detail',
        description: 'The current version: cases, channels with times and fees, documents, legal bases, steps, requirements, results, version.',
        params: CodeParams,
        querystring: LangQuery,
        response: { 200: ProcedureDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => service.getProcedure(ctx.db, request.params.code),
  );

  app.get(
    '/api/public/catalog/fields',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Lĩnh vực và số thủ tục / Fields with their number of procedures',
        querystring: LangQuery,
        response: { 200: z.array(FacetCount) },
      },
    },
    async () => service.listFacet(ctx.db, 'fields'),
  );

  app.get(
    '/api/public/catalog/agencies',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Cơ quan thực hiện và số thủ tục / Executing agencies with their number of procedures',
        querystring: LangQuery,
        response: { 200: z.array(FacetCount) },
      },
    },
    async () => service.listFacet(ctx.db, 'agencies'),
  );

  // --- administration -------------------------------------------------------------------------------

  app.post(
    '/api/procedures',
    {
      preHandler: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Thêm thủ tục / Add a procedure (version 1)',
        body: ProcedureCreate,
        response: { 201: ProcedureDetail, ...problems, 409: Problem },
      },
    },
    async (request, reply) => {
      await requireCatalogAdmin(request);
      return reply.status(201).send(await service.createProcedure(ctx.db, ctx.clock, staffOf(request).id, request.body));
    },
  );

  app.patch(
    '/api/procedures/:code',
    {
      preHandler: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Sửa thủ tục: tạo phiên bản mới / Edit a procedure: a new version',
        description: 'Dossiers already received keep the version they were received under. Imports never overwrite the fields edited here.',
        params: CodeParams,
        body: ProcedureUpdate,
        response: { 200: ProcedureDetail, ...problems, 404: Problem },
      },
    },
    async (request) => {
      await requireCatalogAdmin(request);
      return service.updateProcedure(ctx.db, ctx.clock, staffOf(request).id, request.params.code, request.body);
    },
  );

  app.get(
    '/api/procedures/:code/versions',
    {
      preHandler: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Lịch sử phiên bản / Version history',
        params: CodeParams,
        response: { 200: z.array(VersionSummary), ...problems, 404: Problem },
      },
    },
    async (request) => service.listVersions(ctx.db, request.params.code),
  );

  app.get(
    '/api/procedures/:code/versions/:number',
    {
      preHandler: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Một phiên bản / One version, as dossiers received under it see it',
        params: z.strictObject({ code: ProcedureCodeParam, number: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: VersionSnapshot, ...problems, 404: Problem },
      },
    },
    async (request) => service.getVersion(ctx.db, request.params.code, request.params.number),
  );

  app.get(
    '/api/catalog/synonyms',
    {
      preHandler: staff,
      schema: { tags: ['catalog'], summary: 'Từ đồng nghĩa cho tìm kiếm / Search synonyms', response: { 200: z.array(Synonym), ...problems } },
    },
    async () => service.listSynonyms(ctx.db),
  );

  app.put(
    '/api/catalog/synonyms',
    {
      preHandler: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Thay danh sách từ đồng nghĩa / Replace the synonym list',
        body: SynonymList,
        response: { 200: z.array(Synonym), ...problems },
      },
    },
    async (request) => {
      await requireCatalogAdmin(request);
      return service.replaceSynonyms(ctx.db, staffOf(request).id, request.body.synonyms);
    },
  );

  app.get(
    '/api/catalog/imports',
    {
      preHandler: staff,
      schema: { tags: ['catalog'], summary: 'Các lần nhập gần đây / Recent imports', response: { 200: z.array(ImportRunSummary), ...problems } },
    },
    async (request) => {
      await requireCatalogAdmin(request);
      return service.listImports(ctx.db);
    },
  );

  app.get(
    '/api/catalog/imports/:id',
    {
      preHandler: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Báo cáo một lần nhập / Import report',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: ImportReport, ...problems, 404: Problem },
      },
    },
    async (request) => {
      await requireCatalogAdmin(request);
      return service.getImportReport(ctx.db, request.params.id);
    },
  );

  // The upload is read as a stream, never buffered whole: its own content-type parsers, in its own scope.
  void app.register(async (scope) => {
    scope.addContentTypeParser([...NDJSON_TYPES, XLSX_TYPE, 'application/octet-stream'], (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/catalog/imports',
      {
        preHandler: staff,
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags: ['catalog'],
          summary: 'Nhập bộ thủ tục từ tệp của Cổng DVCQG / Import a National Public Service Portal file',
          description:
            'The raw file as the body: detail or list JSON lines (application/x-ndjson) or the portal\'s Excel list (xlsx). One transaction: a file that fails to read changes nothing and the problem names the line. The report (Location header) lists every anomaly met.',
          consumes: [...NDJSON_TYPES, XLSX_TYPE, 'application/octet-stream'],
          querystring: ImportUploadQuery,
          response: { 201: ImportReport, ...problems, 413: Problem, 415: Problem },
        },
      },
      async (request, reply) => {
        await requireCatalogAdmin(request);
        if (!(request.body instanceof Readable))
          throw new AppError(415, 'unsupported_media_type', t('Gửi tệp với kiểu application/x-ndjson hoặc xlsx', 'Send the file as application/x-ndjson or xlsx'));
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const container = type === XLSX_TYPE ? 'xlsx' : NDJSON_TYPES.includes(type) ? 'jsonl' : undefined;
        const report = await service.importUpload(
          ctx.db,
          { clock: ctx.clock, actorId: staffOf(request).id, sharedDataDir: ctx.config.SHARED_DATA_DIR },
          {
            stream: request.body.pipe(limitedTo(UPLOAD_LIMIT_BYTES)),
            name: request.query.filename ?? 'upload',
            ...(container ? { container } : {}),
            ...(request.query.format ? { format: request.query.format } : {}),
          },
        );
        reply.header('location', `/api/catalog/imports/${report.id}`);
        if (report.status === 'failed') {
          const where = report.error?.line != null ? t(`Dòng ${report.error.line}: `, `Line ${report.error.line}: `) : t('', '');
          const message = report.error?.message ?? t('Không nhập được', 'Import failed');
          throw errors.badRequest('import_failed', t('Không nhập được tệp; không có gì thay đổi', 'The file could not be imported; nothing was changed'), [
            { path: 'body', code: 'import_failed', message: t(where.vi + message.vi, where.en + message.en) },
          ]);
        }
        return reply.status(201).send(report);
      },
    );
  });
}
