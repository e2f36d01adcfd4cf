import { z } from 'zod';
import {
  DueDateQuery,
  DueDateResult,
  WorkingDaysQuery,
  WorkingDaysResult,
  YearChange,
  YearEntriesUpdate,
  YearView,
  WorkingHoursBody,
} from '@motcua/core/calendar/http-schemas.ts';
import { DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR, formatScheduleCsv, parseScheduleCsv, type ScheduleCsvError, type ScheduleCsvErrorCode } from '@motcua/core/calendar/index.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { covers } from '../users/principal.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { calendarService, parseInstant } from './calendar.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };

const CSV_PROBLEMS: Record<ScheduleCsvErrorCode, [string, string]> = {
  EMPTY_FILE: ['tệp rỗng', 'the file is empty'],
  UNTERMINATED_QUOTE: ['dấu ngoặc kép chưa đóng', 'a quote is not closed'],
  MISSING_HEADER: ['thiếu dòng tiêu đề date,kind,label', 'the header line date,kind,label is missing'],
  MISSING_COLUMN: ['thiếu cột bắt buộc (date, kind, label)', 'a required column (date, kind, label) is missing'],
  UNKNOWN_COLUMN: ['cột không được chấp nhận (chỉ date, kind, label, holiday)', 'unknown column (only date, kind, label, holiday)'],
  DUPLICATE_COLUMN: ['cột bị lặp', 'a column appears twice'],
  WRONG_FIELD_COUNT: ['số ô khác số cột của tiêu đề', 'the number of fields differs from the header'],
  INVALID_DATE: ['ngày không có thật hoặc không theo dạng YYYY-MM-DD', 'the date does not exist or is not YYYY-MM-DD'],
  INVALID_KIND: ['loại ngày phải là off hoặc workday', 'kind must be off or workday'],
  INVALID_LABEL: ['thiếu ghi chú hoặc ghi chú quá dài', 'the label is missing or too long'],
  INVALID_HOLIDAY: ['mã ngày lễ không hợp lệ (newYear, tet, hungKings, reunificationDay, labourDay, nationalDay)', 'unknown holiday (newYear, tet, hungKings, reunificationDay, labourDay, nationalDay)'],
  DUPLICATE_DATE: ['ngày bị lặp với dòng trước', 'the date repeats an earlier line'],
};

function csvMessage(e: ScheduleCsvError) {
  const [vi, en] = CSV_PROBLEMS[e.code];
  const where = e.column ? ` (${e.column})` : '';
  return t(`Dòng ${e.line}${where}: ${vi}`, `Line ${e.line}${where}: ${en}`);
}
const YearParams = z.strictObject({ year: z.coerce.number().int().min(DEFAULT_FROM_YEAR).max(DEFAULT_TO_YEAR) });
const UnitQuery = z.strictObject({ unit: z.string().max(60).optional(), lang: z.enum(['vi', 'en']).optional() });

export function registerCalendarRoutes(app: HttpApp, ctx: AppContext) {
  const service = calendarService(ctx.db);
  const staff = requireStaff(ctx);

  /** Calendar edits are the province administrators': an admin grant on the root unit. */
  async function requireProvinceAdmin(request: Parameters<typeof staffOf>[0]) {
    const root = await ctx.db.selectFrom('unit').select('path').where('parent_id', 'is', null).executeTakeFirst();
    if (!root || !covers(staffOf(request), root.path, ['admin'])) throw errors.forbidden();
  }

  app.get(
    '/api/calendar/due-date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tính hạn giải quyết / Compute a due date',
        description: 'Working days are walked through the unit’s opening hours (1 working day = 8 working hours), skipping weekends, holidays and official days off; calendar days follow Civil Code art. 147–148.',
        querystring: DueDateQuery,
        response: { 200: DueDateResult, 400: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      const unit = await service.resolveUnit(q.unit, 'querystring.unit');
      const from = parseInstant(q.from, 'querystring.from');
      return service.dueDate(unit, from, q.duration, { ...(q.cutoff15h ? { cutoff15h: true } : {}), ...(q.cutoffLastHour ? { cutoffLastHour: true } : {}) });
    },
  );

  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Thời gian làm việc giữa hai thời điểm / Working time between two instants',
        description: 'Dates without a time cover whole days: from 00:00 of `from` to 24:00 of `to`.',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysResult, 400: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      const unit = await service.resolveUnit(q.unit, 'querystring.unit');
      return service.workingDays(unit, parseInstant(q.from, 'querystring.from'), parseInstant(q.to, 'querystring.to', 'end'));
    },
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch làm việc cả năm / A year’s working days, holidays and make-up days',
        params: YearParams,
        querystring: UnitQuery,
        response: { 200: YearView, 400: Problem },
      },
    },
    async (request) => service.yearView(await service.resolveUnit(request.query.unit, 'querystring.unit'), request.params.year),
  );

  app.put(
    '/api/calendar/years/:year/entries',
    {
      preHandler: staff,
      schema: {
        tags: ['calendar'],
        summary: 'Nhập lịch nghỉ, làm bù của năm / Replace a year’s official or local days off and make-up days',
        description: 'With dryRun the answer lists the days that would change and nothing is written.',
        params: YearParams,
        body: YearEntriesUpdate,
        response: { 200: YearChange, ...problems },
      },
    },
    async (request) => {
      await requireProvinceAdmin(request);
      return service.replaceYear(ctx.clock, staffOf(request).id, request.params.year, request.body);
    },
  );

  app.get(
    '/api/calendar/years/:year/entries.csv',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch của năm dạng CSV / A year’s entries as CSV',
        params: YearParams,
        querystring: z.strictObject({ scope: z.enum(['official', 'local']).default('official') }),
        produces: ['text/csv'],
        response: { 200: z.string(), 400: Problem },
      },
    },
    async (request, reply) => {
      const view = await service.yearView(null, request.params.year);
      const entries = view.entries
        .filter((e) => e.scope === request.query.scope)
        .map((e) => ({ date: e.date, kind: e.kind, label: e.label, ...(e.holiday ? { holiday: e.holiday } : {}) }));
      return reply.type('text/csv; charset=utf-8').send(formatScheduleCsv(entries));
    },
  );

  app.register(async (scoped) => {
    scoped.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    scoped.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().put(
      '/api/calendar/years/:year/entries.csv',
      {
        preHandler: staff,
        schema: {
          tags: ['calendar'],
          summary: 'Nhập lịch của năm từ tệp CSV / Replace a year’s entries from CSV (date,kind,label[,holiday])',
          params: YearParams,
          querystring: z.strictObject({ scope: z.enum(['official', 'local']), dryRun: z.enum(['true', 'false']).optional(), openDossiers: z.enum(['keep', 'move']).optional() }),
          body: z.string().max(256 * 1024),
          consumes: ['text/csv'],
          response: { 200: YearChange, ...problems },
        },
      },
      async (request) => {
        await requireProvinceAdmin(request);
        const parsed = parseScheduleCsv(request.body);
        if (!parsed.ok)
          throw errors.validation(
            parsed.errors.map((e) => ({
              path: `body:line ${e.line}${e.column ? `:${e.column}` : ''}`,
              code: e.code,
              message: csvMessage(e),
            })),
          );
        return service.replaceYear(ctx.clock, staffOf(request).id, request.params.year, {
          scope: request.query.scope,
          entries: parsed.entries.map((e) => ({ date: e.date, kind: e.kind, label: e.label, holiday: e.holiday ?? null })),
          dryRun: request.query.dryRun === 'true',
          openDossiers: request.query.openDossiers ?? 'keep',
        });
      },
    );
  });

  const HoursResult = z.object({ unitId: z.uuid(), spec: WorkingHoursBody, inheritedFrom: z.uuid().nullable() });

  app.get(
    '/api/units/:id/working-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Giờ làm việc của đơn vị / A unit’s opening hours (own or inherited)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: HoursResult, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const unit = await service.resolveUnit(request.params.id, 'params.id');
      const hours = await service.hoursFor(unit);
      return { unitId: unit!.id, ...hours };
    },
  );

  app.put(
    '/api/units/:id/working-hours',
    {
      preHandler: staff,
      schema: {
        tags: ['calendar'],
        summary: 'Đặt giờ làm việc của đơn vị / Set a unit’s opening hours (null: inherit)',
        params: z.strictObject({ id: z.uuid() }),
        body: WorkingHoursBody.nullable(),
        response: { 200: HoursResult, ...problems },
      },
    },
    async (request) => {
      const unit = await ctx.db.selectFrom('unit').select(['id', 'path']).where('id', '=', request.params.id).executeTakeFirst();
      if (!unit || !covers(staffOf(request), unit.path, ['admin'])) throw errors.forbidden();
      await service.setHours(ctx.clock, staffOf(request).id, unit, request.body);
      return { unitId: unit.id, ...(await service.hoursFor(unit)) };
    },
  );
}
