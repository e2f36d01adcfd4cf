/**
 * The figures other modules keep: satisfaction from the ratings, petitions answered on time from the
 * petitions, each turned into the numerator and denominator the figures and the index show.
 */
import { formatIsoDate, fromEpochDay } from '@motcua/core/calendar/index.ts';
import { vietnamEpochDay } from '@motcua/core/calendar/vietnam-time.ts';
import type { AppContext } from '../../context.ts';
import { petitionFigures } from '../petitions/petitions.service.ts';
import { satisfactionFigures } from '../ratings/ratings.service.ts';
import { registerFigureSource, type SourceScope } from './reports.registry.ts';

/** The scope's half-open instants as the inclusive Vietnam dates the ratings and petitions take. */
function vietnamDates(scope: SourceScope) {
  const day = (ms: number) => formatIsoDate(fromEpochDay(vietnamEpochDay(ms)));
  return { from: day(scope.from.getTime()), to: day(scope.to.getTime() - 1) };
}

async function satisfaction(ctx: AppContext, scope: SourceScope) {
  const rows = await satisfactionFigures(ctx.db, vietnamDates(scope), scope.unitIds);
  const ratings = rows.reduce((n, r) => n + r.ratings, 0);
  const happy = rows.reduce((n, r) => n + r.verySatisfied + r.satisfied, 0);
  return { numerator: happy, denominator: ratings };
}

async function petitionsOnTime(ctx: AppContext, scope: SourceScope) {
  const units = scope.unitIds.length > 0 ? await ctx.db.selectFrom('unit').select('path').where('id', 'in', scope.unitIds).execute() : [];
  const rows = await petitionFigures(ctx.db, vietnamDates(scope), ctx.clock.now(), units.map((u) => u.path));
  return { numerator: rows.reduce((n, r) => n + r.answeredOnTime, 0), denominator: rows.reduce((n, r) => n + r.answered, 0) };
}

export function registerOtherModulesFigures() {
  registerFigureSource('satisfaction', satisfaction);
  registerFigureSource('petitions_on_time', petitionsOnTime);
  registerFigureSource('index:5.2', petitionsOnTime);
}
