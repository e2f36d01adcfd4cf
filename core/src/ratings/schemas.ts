import { z } from 'zod';
import { OVERALL_LEVELS } from './criteria.ts';

export const OverallLevel = z.enum(OVERALL_LEVELS);
export const RatingSource = z.enum(['portal', 'sms', 'kiosk']);
const Timeliness = z.enum(['early', 'on_time', 'late']);
const Score = z.number().int().min(0).max(2);

/** What the rating page shows before the applicant rates: the dossier and the computed indicators. */
export const RatingForm = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.number().int(),
  returnedAt: z.string().nullable(),
  canRate: z.boolean(),
  rating: z.object({ overall: OverallLevel, ratedAt: z.string() }).nullable(),
  computed: z.object({
    totalTime: z.object({ score: Score.nullable(), timeliness: Timeliness.nullable() }),
    unitTime: z.object({ score: Score.nullable(), units: z.array(z.object({ unitName: z.string(), timeliness: Timeliness.nullable() })) }),
  }),
});
export type RatingForm = z.infer<typeof RatingForm>;

export const RatingInput = z.strictObject({
  secret: z.string().trim().min(1).max(40),
  overall: OverallLevel,
  /** Indicator 3: extra contacts (2 means two or more). */
  extraContacts: z.number().int().min(0).max(2),
  /** Indicator 4: other agencies contacted besides the counter (2 means two or more). */
  otherAgencies: z.number().int().min(0).max(2),
  comment: z.string().trim().max(1000).transform((s) => s.normalize('NFC')).nullable().optional(),
  source: RatingSource.default('portal'),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const RatingView = z.object({
  code: z.string(),
  overall: OverallLevel,
  scores: z.object({ totalTime: Score.nullable(), unitTime: Score.nullable(), contacts: Score, agencies: Score }),
  source: RatingSource,
  ratedAt: z.string(),
});

export const SatisfactionQuery = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  unitId: z.uuid().optional(),
});

export const UnitSatisfaction = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  ratings: z.number().int(),
  verySatisfied: z.number().int(),
  satisfied: z.number().int(),
  dissatisfied: z.number().int(),
  /** (very satisfied + satisfied) ÷ ratings, 0–1; null without ratings. */
  satisfiedShare: z.number().nullable(),
  averageScores: z.object({ totalTime: z.number().nullable(), unitTime: z.number().nullable(), contacts: z.number().nullable(), agencies: z.number().nullable() }),
});
export type UnitSatisfaction = z.infer<typeof UnitSatisfaction>;
