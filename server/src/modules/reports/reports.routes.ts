import { z } from 'zod';
import { FIGURES } from '@motcua/core/reports/figures.ts';
import { INDEX_GROUPS, INDICATORS } from '@motcua/core/reports/index766.ts';
import { CheckResult, DossierList, DrillQuery, FigureFilter, FiguresResult, IndexQuery, IndexResult, LateQuery, WeightsInput } from '@motcua/core/reports/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { errors } from '../../platform/errors.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { reportCsv, reportXlsx } from './reports.export.ts';
import { checkCounters, refreshCounters } from './reports.refresh.ts';
import { ReportsService } from './reports.service.ts';
import { registerOtherModulesFigures } from './reports.sources.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };
const tags = ['reports'];

export function registerReportRoutes(app: HttpApp, ctx: AppContext) {
  registerOtherModulesFigures();
  const service = new ReportsService(ctx);
  const staff = requireStaff(ctx);

  app.get('/api/reports/definitions', { preHandler: staff, schema: { tags, summary: 'Định nghĩa chỉ số và công thức / Figure and index definitions with formulas' } }, async () => ({
    figures: FIGURES,
    groups: INDEX_GROUPS,
    indicators: INDICATORS,
  }));

  app.get(
    '/api/reports/figures',
    { preHandler: staff, schema: { tags, summary: 'Số liệu theo đơn vị, lĩnh vực, thủ tục, cán bộ và kỳ / Figures per unit, field, procedure, officer and period', querystring: FigureFilter, response: { 200: FiguresResult, ...problems } } },
    async (request) => service.figures(staffOf(request), request.query),
  );

  app.get(
    '/api/reports/dossiers',
    { preHandler: staff, schema: { tags, summary: 'Hồ sơ sau một chỉ số / The dossiers behind a figure', querystring: DrillQuery, response: { 200: DossierList, ...problems } } },
    async (request) => service.drill(staffOf(request), request.query),
  );

  app.get(
    '/api/reports/late',
    { preHandler: staff, schema: { tags, summary: 'Hồ sơ quá hạn và trễ hạn / Overdue and late dossiers', querystring: LateQuery, response: { 200: DossierList, ...problems } } },
    async (request) => service.late(staffOf(request), request.query),
  );

  app.get(
    '/api/reports/index',
    { preHandler: staff, schema: { tags, summary: 'Bộ chỉ số QĐ 766 / QĐ 766 service index', querystring: IndexQuery, response: { 200: IndexResult, ...problems } } },
    async (request) => service.index(staffOf(request), request.query),
  );

  app.put(
    '/api/reports/index/weights',
    { preHandler: staff, schema: { tags, summary: 'Điểm các chỉ tiêu chưa xác minh / Points of unverified indicators (admin)', body: WeightsInput, response: { 204: z.null(), ...problems } } },
    async (request, reply) => {
      await service.setWeights(staffOf(request), request.body.weights);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/reports/export',
    { preHandler: staff, schema: { tags, summary: 'Bảng báo cáo định kỳ (xlsx, csv) / Periodic report table', querystring: FigureFilter.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const table = await service.reportTable(staffOf(request), filter);
      const name = `bao-cao-${table.period.label}`;
      if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(reportCsv(table));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await reportXlsx(table));
    },
  );

  app.get(
    '/api/reports/check',
    { preHandler: staff, schema: { tags, summary: 'So sánh số liệu tích lũy với tính lại từ sự kiện / Counters vs a recomputation from the events (admin)', response: { 200: CheckResult, ...problems } } },
    async (request) => {
      if (!staffOf(request).grants.some((g) => g.role === 'admin')) throw errors.forbidden();
      return checkCounters(ctx);
    },
  );

  app.post(
    '/api/reports/refresh',
    { preHandler: staff, schema: { tags, summary: 'Cập nhật số liệu ngay / Refresh the counters now', response: { 200: z.object({ changed: z.number() }), ...problems } } },
    async (request) => {
      if (!staffOf(request).grants.some((g) => ['admin', 'supervisor'].includes(g.role))) throw errors.forbidden();
      return { changed: await refreshCounters(ctx) };
    },
  );
}
