import { z } from 'zod';

/** A message in both languages the product speaks: Vietnamese first, English second. */
export const LocalizedText = z.object({ vi: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** One thing wrong with the input, and where (a JSON path such as `body.roles[0].unitId`). */
export const ProblemFieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: LocalizedText,
});
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/**
 * RFC 9457 problem details, as every error response of the API is shaped.
 * `title` and `detail` carry the language the client asked for; `message` carries both.
 */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  message: LocalizedText,
  errors: z.array(ProblemFieldError).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;
