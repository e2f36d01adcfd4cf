import { z } from 'zod';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { sniffMediaType } from '../../platform/files.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const StoredFileView = z.object({ sha256: z.string(), mediaType: z.string(), size: z.number().int() });

/**
 * Uploading a scanned or digital document: the raw bytes as the request body. The type is sniffed from
 * the content (PDF, JPEG, PNG only); the file is stored under its SHA-256 before the answer is sent.
 */
export function registerFileRoutes(app: HttpApp, ctx: AppContext) {
  const staff = requireStaff(ctx);
  app.register(async (scoped) => {
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    scoped.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/api/files',
      {
        preHandler: staff,
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['files'],
          summary: 'Tải lên tệp (PDF, JPEG, PNG; tối đa 20 MB) / Upload a file',
          consumes: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
          response: { 201: StoredFileView, 400: Problem, 401: Problem, 403: Problem, 413: Problem },
        },
      },
      async (request, reply) => {
        const body = request.body as Buffer | undefined;
        if (!body || body.length === 0)
          throw new AppError(400, 'empty_file', t('Tệp rỗng', 'The file is empty'), [{ path: 'body', code: 'empty_file', message: t('Tệp rỗng', 'The file is empty') }]);
        const mediaType = sniffMediaType(body);
        if (!mediaType)
          throw new AppError(400, 'unsupported_file_type', t('Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)', 'Only PDF, JPEG or PNG files (checked by content)'), [
            { path: 'body', code: 'unsupported_file_type', message: t('Nội dung không phải PDF, JPEG hay PNG', 'Content is not PDF, JPEG or PNG') },
          ]);
        const stored = await ctx.files.put(body);
        await ctx.db
          .insertInto('stored_file')
          .values({ sha256: stored.sha256, media_type: mediaType, size: stored.size, created_by: staffOf(request).id })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        return reply.status(201).send({ sha256: stored.sha256, mediaType, size: stored.size });
      },
    );
  });
}
