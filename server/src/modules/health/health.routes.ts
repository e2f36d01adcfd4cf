import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { currentMigration } from '../../platform/db.ts';

export const Health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgresql']),
  migration: z.string().nullable(),
  time: z.string(),
});

export function registerHealthRoutes(app: HttpApp, ctx: AppContext) {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], summary: 'Tình trạng hệ thống / Health', response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
      engine: ctx.engine,
      migration: await currentMigration(ctx.db),
      time: ctx.clock.now().toISOString(),
    }),
  );
}
