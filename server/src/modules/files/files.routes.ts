import { z } from 'zod';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { acceptUpload, MAX_FILE_BYTES } from './files.service.ts';

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
        const file = await acceptUpload(ctx, request.body as Buffer | undefined);
        await ctx.db
          .insertInto('stored_file')
          .values({ sha256: file.sha256, media_type: file.mediaType, size: file.size, created_by: staffOf(request).id })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        return reply.status(201).send(file);
      },
    );
  });
}
