/**
 * The dossier API's shapes, shared by the server (validation, OpenAPI) and the office app.
 */
import { z } from 'zod';
import { nfcText } from '../units/schemas.ts';
import { checkCitizenId } from './citizen-id.ts';
import { EVENT_TYPES } from './lifecycle.ts';

export const CitizenId = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = checkCitizenId(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `citizen_id_${result.problem}` });
  })
  .describe('Số định danh cá nhân, 12 chữ số / 12-digit personal identification number');

export const Address = z.strictObject({
  communeCode: z.string().trim().regex(/^\d{5}$/).describe('Mã xã/phường hiện hành'),
  detail: nfcText(300).describe('Số nhà, đường, thôn/ấp'),
});

export const Person = z.strictObject({
  fullName: nfcText(150),
  idNumber: CitizenId,
  phone: z.string().trim().regex(/^(0|\+84)\d{9,10}$/, { message: 'phone_format' }).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  address: Address.nullable().optional(),
});
export type Person = z.infer<typeof Person>;

export const Representative = Person.extend({ authorization: nfcText(300).describe('Giấy ủy quyền / authorisation') });

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const HandedDocument = z.strictObject({
  requirementIndex: z.number().int().min(0).max(200).nullable().optional(),
  name: nfcText(500),
  originals: z.number().int().min(0).max(50).default(0),
  copies: z.number().int().min(0).max(50).default(0),
  provided: z.boolean().default(true),
  digitized: z.boolean().default(false),
  fileSha256: Sha256.nullable().optional(),
  fileName: z.string().trim().max(200).nullable().optional(),
});
export type HandedDocument = z.infer<typeof HandedDocument>;

export const DurationInput = z.strictObject({
  unit: z.enum(['workingDays', 'workingHours', 'calendarDays', 'months']),
  value: z.number().positive().max(3650),
});

export const ReceptionInput = z.strictObject({
  idempotencyKey: z.string().trim().min(8).max(100).describe('Một khóa cho mỗi lần nộp; gửi lại cùng khóa không tạo hồ sơ thứ hai'),
  procedureCode: z.string().trim().min(1).max(40),
  caseCode: z.string().trim().max(60).nullable().optional(),
  channel: z.enum(['in_person', 'online', 'postal']),
  receivingUnitId: z.uuid(),
  competentUnitId: z.uuid(),
  applicant: Person,
  representative: Representative.nullable().optional(),
  documents: z.array(HandedDocument).max(100),
  returnMethod: z.enum(['counter', 'electronic', 'postal']),
  returnAddress: Address.nullable().optional(),
  outcome: z.enum(['receive', 'supplement', 'refuse']).describe('Tiếp nhận, yêu cầu bổ sung (Mẫu 02) hoặc từ chối (Mẫu 03)'),
  reason: nfcText(2000).nullable().optional(),
  missing: z.array(nfcText(500)).max(100).optional().describe('Mọi thành phần còn thiếu, nêu một lần'),
  duration: DurationInput.nullable().optional().describe('Thời hạn do cán bộ xác định khi danh mục không ghi số'),
  /** Forward to the first process step right away (the usual same-day hand-over). */
  forward: z.boolean().default(true),
});
export type ReceptionInput = z.infer<typeof ReceptionInput>;

export const ACTION_TYPES = [
  'assigned',
  'note',
  'supplement_requested',
  'supplement_received',
  'fee_requested',
  'fee_paid',
  'withdrawal_requested',
  'stopped',
  'result_issued',
  'returned',
  'apology_issued',
] as const satisfies readonly (typeof EVENT_TYPES)[number][];

export const ActionInput = z.strictObject({
  type: z.enum(ACTION_TYPES),
  expectedVersion: z.number().int().min(1).describe('Phiên bản hồ sơ đã xem; khác thì trả 409'),
  reason: nfcText(2000).nullable().optional(),
  /** assigned: the step to go to (default: the next), and the officer (default: unassigned). */
  toStep: z.number().int().min(0).max(19).optional(),
  assigneeId: z.uuid().nullable().optional(),
  /** apology_issued: the new appointment. */
  newDueAt: z.iso.datetime({ offset: true }).optional(),
  /** supplement_requested: everything missing, at once. */
  missing: z.array(nfcText(500)).max(100).optional(),
  /** supplement_received / result_issued: the papers or result files. */
  documents: z.array(HandedDocument).max(100).optional(),
  /** returned: who collected the result. */
  collectedBy: nfcText(150).nullable().optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;

const UnitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const DossierEventView = z.object({
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES),
  at: z.string(),
  actor: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  unit: UnitRef.nullable(),
  fromStatus: z.number().int().nullable(),
  toStatus: z.number().int().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const DossierDocumentView = z.object({
  id: z.uuid(),
  purpose: z.enum(['intake', 'supplement', 'result']),
  name: z.string(),
  requirementIndex: z.number().int().nullable(),
  originals: z.number().int(),
  copies: z.number().int(),
  provided: z.boolean(),
  digitized: z.boolean(),
  fileSha256: z.string().nullable(),
  fileName: z.string().nullable(),
  resultCode: z.string().nullable(),
});

export const StepView = z.object({
  index: z.number().int(),
  key: z.string(),
  name: z.string(),
  role: z.string(),
  unit: UnitRef,
  dueAt: z.string().nullable(),
});

export const DossierSummary = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  status: z.number().int(),
  channel: z.number().int(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  holdingUnit: UnitRef.nullable(),
  assignee: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  effectiveDueAt: z.string().nullable(),
  paused: z.boolean(),
  overdue: z.boolean(),
  /** Open, not overdue, and due within one working day: time to act, or to send the apology letter. */
  dueSoon: z.boolean(),
  apologyIssued: z.boolean(),
  timeliness: z.enum(['early', 'on_time', 'late']).nullable(),
  version: z.number().int(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierDetail = DossierSummary.extend({
  lookupSecret: z.string(),
  ruleVersion: z.enum(['nd61_2018', 'nd118_2025']),
  procedureVersionId: z.uuid(),
  caseCode: z.string().nullable(),
  duration: z.object({ unit: z.string(), value: z.number() }).nullable(),
  supplementPolicy: z.enum(['pause', 'restart']),
  receivingUnit: UnitRef,
  competentUnit: UnitRef,
  applicant: z.record(z.string(), z.unknown()),
  representative: z.record(z.string(), z.unknown()).nullable(),
  returnMethod: z.enum(['counter', 'electronic', 'postal']),
  supplementRequests: z.number().int(),
  resultIssuedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  paymentStatus: z.string(),
  deliveryStatus: z.string(),
  syncStatus: z.string(),
  step: StepView.nullable(),
  steps: z.array(StepView),
  /** The control sheet (phiếu kiểm soát): each hand-over between units, with times and early / on time / late. */
  controlSheet: z.array(
    z.object({
      stepIndex: z.number().int().nullable(),
      stepName: z.string().nullable(),
      unit: UnitRef.nullable(),
      receivedAt: z.string(),
      handedOverAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      timeliness: z.enum(['early', 'on_time', 'late']).nullable(),
    }),
  ),
  allowedActions: z.array(z.string()),
  documents: z.array(DossierDocumentView),
  events: z.array(DossierEventView),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const QueueQuery = z.strictObject({
  scope: z.enum(['mine', 'unit']).default('unit'),
  status: z.coerce.number().int().min(1).max(10).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Late or due within a working day, and no apology letter yet: what the supervisor chases. */
  needsApology: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional().describe('Mã hồ sơ hoặc tên người nộp'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.enum(['vi', 'en']).optional(),
});

export const QueueResult = z.object({
  items: z.array(DossierSummary),
  total: z.number().int(),
  overdue: z.number().int(),
  page: z.number().int(),
});

export const PublicDossierStatus = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.number().int(),
  statusName: z.object({ vi: z.string(), en: z.string() }),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  holdingUnitName: z.string().nullable(),
  handlingOfficer: z.string().nullable(),
  resultReady: z.boolean(),
  returnedAt: z.string().nullable(),
});
