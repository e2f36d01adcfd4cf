/**
 * E-forms and online submissions on the wire. A form is a JSON Schema (draft-07) with UI hints
 * (react-jsonschema-form's uiSchema), stored as data per procedure and versioned.
 */
import { z } from 'zod';
import { Address } from '../dossiers/schemas.ts';

const JsonObject = z.record(z.string(), z.unknown());

export const EformView = z.object({
  id: z.uuid(),
  procedureCode: z.string(),
  version: z.number().int(),
  title: z.string(),
  schema: JsonObject,
  uiSchema: JsonObject,
  active: z.boolean(),
  createdAt: z.string(),
});
export type EformView = z.infer<typeof EformView>;

export const EformPublish = z.strictObject({
  title: z.string().trim().min(1).max(300),
  schema: JsonObject,
  uiSchema: JsonObject.default({}),
});
export type EformPublish = z.infer<typeof EformPublish>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A file attached to a required document of the procedure (by its index in the catalog's list). */
export const AttachedDocument = z.strictObject({
  requirementIndex: z.number().int().min(0).max(200).nullable(),
  name: z.string().trim().min(1).max(500),
  fileSha256: Sha256,
  fileName: z.string().trim().max(200).nullable(),
});
export type AttachedDocument = z.infer<typeof AttachedDocument>;

export const DraftInput = z.strictObject({
  data: JsonObject,
  documents: z.array(AttachedDocument).max(100).default([]),
});
export const DraftView = z.object({ procedureCode: z.string(), eformId: z.uuid().nullable(), data: JsonObject, documents: z.array(AttachedDocument), updatedAt: z.string() });
export type DraftView = z.infer<typeof DraftView>;

export const RETURN_METHODS = ['counter', 'electronic', 'postal'] as const;

export const SubmissionInput = z.strictObject({
  idempotencyKey: z.string().trim().min(8).max(100),
  procedureCode: z.string().trim().min(1).max(40),
  eformId: z.uuid(),
  data: JsonObject,
  documents: z.array(AttachedDocument).max(100),
  returnMethod: z.enum(RETURN_METHODS).describe('Nhận kết quả: tại quầy, bản điện tử, hoặc qua bưu chính công ích'),
  returnAddress: Address.nullable().optional().describe('Địa chỉ nhận kết quả qua bưu chính'),
  receivingUnitId: z.uuid().nullable().optional().describe('Nơi nộp; mặc định trung tâm phục vụ hành chính công'),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const CitizenDossierSummary = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  lookupSecret: z.string().nullable(),
  status: z.number().int(),
  procedureCode: z.string(),
  procedureName: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  reviewDueAt: z.string(),
  returnMethod: z.enum(RETURN_METHODS),
  /** What the applicant must do now, if anything. */
  pendingSupplement: z.object({ kind: z.literal('supplement'), missing: z.array(z.string()), reason: z.string().nullable(), requestedAt: z.string() }).nullable(),
  version: z.number().int(),
});
export type CitizenDossierSummary = z.infer<typeof CitizenDossierSummary>;

export const CitizenDossierDetail = CitizenDossierSummary.extend({
  receivingUnitName: z.string(),
  holdingUnitName: z.string().nullable(),
  events: z.array(z.object({ type: z.string(), at: z.string(), toStatus: z.number().int().nullable(), reason: z.string().nullable(), missing: z.array(z.string()), unitName: z.string().nullable() })),
  documents: z.array(z.object({ purpose: z.string(), name: z.string(), fileName: z.string().nullable(), fileSha256: z.string().nullable(), at: z.string() })),
  formData: JsonObject,
});
export type CitizenDossierDetail = z.infer<typeof CitizenDossierDetail>;

export const SupplementInput = z.strictObject({
  expectedVersion: z.number().int().min(1),
  documents: z.array(AttachedDocument).min(1).max(100),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const ReviewInput = z.strictObject({
  expectedVersion: z.number().int().min(1),
  outcome: z.enum(['receive', 'supplement', 'refuse']).describe('Tiếp nhận, trả lại để bổ sung, hoặc từ chối'),
  reason: z.string().trim().max(2000).nullable().optional(),
  missing: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
  duration: z.strictObject({ unit: z.enum(['workingDays', 'workingHours', 'calendarDays', 'months']), value: z.number().positive().max(3650) }).nullable().optional(),
  forward: z.boolean().default(true),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const OnlineQueueItem = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  status: z.number().int(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  submittedAt: z.string(),
  reviewDueAt: z.string(),
  workingMinutesLeft: z.number(),
  warning: z.boolean(),
  breachedAt: z.string().nullable(),
  sentBack: z.boolean(),
  version: z.number().int(),
  documents: z.array(z.object({ name: z.string(), fileSha256: z.string().nullable(), fileName: z.string().nullable() })),
});
export const OnlineQueue = z.object({ items: z.array(OnlineQueueItem), pending: z.number().int(), warning: z.number().int(), breached: z.number().int() });
export type OnlineQueue = z.infer<typeof OnlineQueue>;
