import { z } from 'zod';
import { nfcText } from '../units/schemas.ts';
import { PETITION_ACTIONS, PETITION_STATUSES, PETITION_SUBJECTS } from './rules.ts';

export const PetitionSubject = z.enum(PETITION_SUBJECTS);
export const PetitionStatus = z.enum(PETITION_STATUSES);

/** Contact details: a phone number or an email is required (checked by the service, with its own message). */
export const Petitioner = z.strictObject({
  fullName: nfcText(150),
  phone: z.string().trim().regex(/^(0|\+84)\d{9,10}$/, { message: 'phone_format' }).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  address: nfcText(300).nullable().optional(),
});

export const PetitionSubmission = z.strictObject({
  idempotencyKey: z.string().trim().min(8).max(100),
  subjectKind: PetitionSubject,
  title: nfcText(200),
  content: nfcText(5000),
  procedureCode: z.string().trim().max(40).nullable().optional(),
  dossierCode: z.string().trim().max(60).nullable().optional(),
  petitioner: Petitioner,
});
export type PetitionSubmission = z.infer<typeof PetitionSubmission>;

export const PetitionReceipt = z.object({ code: z.string(), secret: z.string(), receivedAt: z.string(), answerDueAt: z.string() });

/** What the petitioner sees with the code and secret. */
export const PublicPetition = z.object({
  code: z.string(),
  subjectKind: PetitionSubject,
  title: z.string(),
  status: PetitionStatus,
  receivedAt: z.string(),
  answerDueAt: z.string(),
  unitName: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  published: z.boolean(),
  feedback: z.enum(['satisfied', 'unsatisfied']).nullable(),
});

export const PetitionFeedback = z.strictObject({
  secret: z.string().trim().min(1).max(40),
  satisfied: z.boolean(),
  comment: z.string().trim().max(1000).nullable().optional(),
});

/** An answered petition as published: no personal data. */
export const PublishedPetition = z.object({
  code: z.string(),
  subjectKind: PetitionSubject,
  title: z.string(),
  content: z.string(),
  unitName: z.string().nullable(),
  answer: z.string(),
  answeredAt: z.string(),
});

export const PetitionSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  subjectKind: PetitionSubject,
  category: PetitionSubject.nullable(),
  title: z.string(),
  status: PetitionStatus,
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  receivedAt: z.string(),
  forwardDueAt: z.string(),
  answerDueAt: z.string(),
  overdue: z.boolean(),
  published: z.boolean(),
  feedback: z.enum(['satisfied', 'unsatisfied']).nullable(),
  version: z.number().int(),
});

export const PetitionDetail = PetitionSummary.extend({
  content: z.string(),
  procedureCode: z.string().nullable(),
  dossierCode: z.string().nullable(),
  petitioner: z.object({ fullName: z.string(), phone: z.string().nullable().optional(), email: z.string().nullable().optional(), address: z.string().nullable().optional() }),
  forwardedAt: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  feedbackComment: z.string().nullable(),
  allowedActions: z.array(z.enum(PETITION_ACTIONS)),
  events: z.array(z.object({ type: z.string(), at: z.string(), actor: z.string().nullable(), unitName: z.string().nullable(), note: z.string().nullable() })),
});
export type PetitionDetail = z.infer<typeof PetitionDetail>;

export const PetitionActionInput = z.strictObject({
  type: z.enum(PETITION_ACTIONS),
  expectedVersion: z.number().int().min(1),
  category: PetitionSubject.optional(),
  unitId: z.uuid().optional(),
  forwardedTo: nfcText(300).optional(),
  answer: nfcText(5000).optional(),
  note: nfcText(2000).optional(),
});
export type PetitionActionInput = z.infer<typeof PetitionActionInput>;

export const PetitionQuery = z.strictObject({
  status: PetitionStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const PetitionFiguresQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() });

export const UnitPetitionFigures = z.object({
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  /** answeredOnTime ÷ answered, 0–1 (null when none answered). */
  onTimeShare: z.number().nullable(),
  openOverdue: z.number().int(),
  forwarded: z.number().int(),
  forwardedOnTime: z.number().int(),
  satisfied: z.number().int(),
  unsatisfied: z.number().int(),
});
export type UnitPetitionFigures = z.infer<typeof UnitPetitionFigures>;
