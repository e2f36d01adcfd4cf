import { z } from 'zod';
import { GRAINS } from './periods.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'iso_date' });

/** Which dossiers a figure counts: a unit's subtree, a field, a procedure, an officer, and a period. */
export const FigureFilter = z.strictObject({
  unitId: z.uuid().optional(),
  field: z.string().trim().min(1).max(300).optional(),
  procedureCode: z.string().trim().min(1).max(40).optional(),
  officerId: z.uuid().optional(),
  grain: z.enum(GRAINS).default('month'),
  /** Any day inside the period; today (Vietnam) when omitted. */
  at: isoDate.optional(),
});
export type FigureFilter = z.infer<typeof FigureFilter>;

export const Text = z.object({ vi: z.string(), en: z.string() });

export const FigureValue = z.object({
  id: z.string(),
  source: z.string(),
  unit: z.enum(['count', 'percent', 'working_days']),
  label: Text,
  formula: Text,
  snapshot: z.boolean(),
  available: z.boolean(),
  /** The figure (a count, a percentage 0–100, or working days); null when not available or 0 ÷ 0. */
  value: z.number().nullable(),
  /** The count behind the figure: the numerator and, for rates and averages, the denominator. */
  count: z.number(),
  denominator: z.number().nullable(),
});
export type FigureValue = z.infer<typeof FigureValue>;

export const PeriodView = z.object({ grain: z.enum(GRAINS), label: z.string(), from: z.string(), to: z.string() });

export const FiguresResult = z.object({
  period: PeriodView,
  asOf: z.string(),
  figures: z.array(FigureValue),
  channels: z.array(z.object({ channel: z.number(), received: z.number() })),
  trend: z.array(z.object({ period: PeriodView, received: z.number(), online: z.number(), processed: z.number(), onTime: z.number(), late: z.number() })),
  units: z.array(z.object({ unitId: z.uuid(), name: z.string(), path: z.string(), parentId: z.uuid().nullable(), received: z.number(), processed: z.number(), onTime: z.number(), late: z.number(), openOverdue: z.number() })),
});
export type FiguresResult = z.infer<typeof FiguresResult>;

export const DrillQuery = FigureFilter.extend({
  figure: z.string().min(1).max(60),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

export const DossierLine = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: z.number(),
  channel: z.number(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeliness: z.string().nullable(),
  holdingUnit: z.string().nullable(),
  officer: z.string().nullable(),
  daysLate: z.number().nullable(),
  reason: z.string().nullable(),
  apologyIssued: z.boolean(),
});
export type DossierLine = z.infer<typeof DossierLine>;

export const DossierList = z.object({ figure: z.string().optional(), total: z.number(), page: z.number(), items: z.array(DossierLine) });

export const LateQuery = FigureFilter.extend({
  which: z.enum(['all', 'overdue', 'late']).default('all'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const IndexQuery = z.strictObject({
  unitId: z.uuid().optional(),
  grain: z.enum(['week', 'month', 'quarter', 'year']).default('quarter'),
  at: isoDate.optional(),
});

export const IndicatorValue = z.object({
  id: z.string(),
  group: z.string(),
  label: Text,
  formula: Text,
  points: z.number(),
  pointsConfidence: z.enum(['V', 'S', 'U']),
  threshold: z.number().nullable(),
  available: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  score: z.number().nullable(),
});

export const IndexResult = z.object({
  period: PeriodView,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  groups: z.array(z.object({ id: z.string(), label: Text, max: z.number(), score: z.number(), available: z.number() })),
  indicators: z.array(IndicatorValue),
  total: z.number(),
  /** The points the computed indicators could give: the total is out of this, not out of 100, until every source exists. */
  availableMax: z.number(),
  units: z.array(z.object({ unitId: z.uuid(), name: z.string(), total: z.number(), availableMax: z.number() })),
});
export type IndexResult = z.infer<typeof IndexResult>;

export const WeightsInput = z.strictObject({
  weights: z.array(z.strictObject({ id: z.string().max(10), points: z.number().min(0).max(100), threshold: z.number().min(0).max(1).nullable() })).max(50),
});

export const CheckResult = z.object({ equal: z.boolean(), dossiers: z.number(), differences: z.array(z.object({ table: z.string(), key: z.string(), stored: z.string(), recomputed: z.string() })) });
