/**
 * Figures from other modules. Ratings, petitions, payments and the documents store register a provider
 * here, one line each (e.g. in their routes' register function):
 *
 *   registerFigureSource('satisfaction', (ctx, scope) => ratingsService(ctx).satisfactionFigure(scope));
 *   registerFigureSource('index:5.4', …);
 *
 * A figure or indicator without a provider shows "not yet available" instead of a number.
 */
import type { AppContext } from '../../context.ts';

export interface SourceScope {
  /** The units whose figures count (a unit and its subtree). */
  unitIds: string[];
  /** Half-open period [from, to) in instants. */
  from: Date;
  to: Date;
}
/** The count behind the figure: numerator and (for rates) denominator; the value is derived from them. */
export type SourceValue = { numerator: number; denominator: number | null };
export type SourceProvider = (ctx: AppContext, scope: SourceScope) => Promise<SourceValue>;

const providers = new Map<string, SourceProvider>();

/** `id` is a figure id (`satisfaction`, `petitions_on_time`, `online_payments`) or `index:<indicator>`. */
export function registerFigureSource(id: string, provider: SourceProvider) {
  providers.set(id, provider);
}

export function figureSource(id: string): SourceProvider | undefined {
  return providers.get(id);
}
