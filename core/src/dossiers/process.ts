/**
 * Processes as data: a procedure's steps, who acts in each (role and unit), and each step's share of the
 * processing time. Linked processing (liên thông) is a sequence of steps at different units.
 */
import { z } from 'zod';

export const STEP_UNITS = ['receiving', 'competent'] as const;

export const ProcessStep = z.strictObject({
  key: z.string().trim().min(1).max(40).regex(/^[a-z0-9_]+$/),
  name: z.string().trim().min(1).max(120),
  role: z.enum(['counter_officer', 'specialist', 'leader']),
  /** 'receiving' (the counter that received), 'competent' (the deciding unit), or a fixed unit's id. */
  unit: z.union([z.enum(STEP_UNITS), z.uuid()]),
  /** Relative share of the processing time; 0 for steps that take no budget of their own. */
  weight: z.number().min(0).max(100),
});
export type ProcessStep = z.infer<typeof ProcessStep>;

export const ProcessSteps = z
  .array(ProcessStep)
  .min(1)
  .max(20)
  .refine((steps) => steps.some((s) => s.weight > 0), { message: 'at least one step needs a share of the time' })
  .refine((steps) => new Set(steps.map((s) => s.key)).size === steps.length, { message: 'step keys must be unique' });

/**
 * The default when a procedure has no template of its own: the competent unit appraises and its
 * leader approves; the receiving counter returns the result.
 */
export const DEFAULT_PROCESS: ProcessStep[] = [
  { key: 'appraise', name: 'Thẩm định hồ sơ', role: 'specialist', unit: 'competent', weight: 6 },
  { key: 'approve', name: 'Phê duyệt, ký kết quả', role: 'leader', unit: 'competent', weight: 2 },
  { key: 'return', name: 'Trả kết quả', role: 'counter_officer', unit: 'receiving', weight: 1 },
];

/** The unit that acts in a step of a given dossier. */
export function stepUnitId(step: ProcessStep, dossier: { receivingUnitId: string; competentUnitId: string }): string {
  if (step.unit === 'receiving') return dossier.receivingUnitId;
  if (step.unit === 'competent') return dossier.competentUnitId;
  return step.unit;
}
