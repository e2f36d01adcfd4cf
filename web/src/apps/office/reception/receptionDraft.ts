import type { ProcedureDetail, ProcessingTime } from '../../../api/procedures.ts';
import type { HandedDocument, ReceptionInput } from '../../../api/dossiers.ts';
import type { UploadedFile } from '../../../api/files.ts';

/**
 * The reception form's state and how it becomes a ReceptionInput. Pure functions: the page holds the
 * state, these say what it starts as and what is sent.
 */

export const CHANNELS = ['in_person', 'postal', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RETURN_METHODS = ['counter', 'electronic', 'postal'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];
export const DURATION_UNITS = ['workingDays', 'workingHours', 'calendarDays', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type Outcome = ReceptionInput['outcome'];
export type { UploadedFile };

export interface DocumentDraft {
  key: string;
  /** Position in the procedure's list; null for a paper the officer added. */
  requirementIndex: number | null;
  group: string | null;
  name: string;
  required: boolean;
  /** A line of the catalog's list that is a heading or a remark (no original, no copy), not a paper. */
  remark: boolean;
  originals: number | string;
  copies: number | string;
  provided: boolean;
  digitized: boolean;
  file: UploadedFile | null;
}

export interface ApplicantDraft {
  idNumber: string;
  fullName: string;
  phone: string;
  email: string;
  communeCode: string | null;
  addressDetail: string;
}

export interface RepresentativeDraft {
  enabled: boolean;
  idNumber: string;
  fullName: string;
  authorization: string;
}

export interface ReceptionDraft {
  /** One per form: a retry after a lost answer returns the dossier already made instead of a second one. */
  idempotencyKey: string;
  procedureCode: string | null;
  caseCode: string | null;
  channel: Channel;
  receivingUnitId: string | null;
  competentUnitId: string | null;
  /** The officer picked the deciding agency; the applicant's commune no longer chooses it. */
  competentChosen: boolean;
  applicant: ApplicantDraft;
  representative: RepresentativeDraft;
  documents: DocumentDraft[];
  returnMethod: ReturnMethod;
  durationValue: number | string;
  durationUnit: DurationUnit;
}

/** A UUID, also where crypto.randomUUID is missing (plain-http intranet pages are not a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function emptyDraft(receivingUnitId: string | null): ReceptionDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    procedureCode: null,
    caseCode: null,
    channel: 'in_person',
    receivingUnitId,
    competentUnitId: null,
    competentChosen: false,
    applicant: { idNumber: '', fullName: '', phone: '', email: '', communeCode: null, addressDetail: '' },
    representative: { enabled: false, idNumber: '', fullName: '', authorization: '' },
    documents: [],
    returnMethod: 'counter',
    durationValue: '',
    durationUnit: 'workingDays',
  };
}

let extraCounter = 0;

/** The procedure's list of documents as checklist rows, nothing ticked yet. */
export function documentsOf(procedure: ProcedureDetail): DocumentDraft[] {
  return procedure.documents.map((doc, index) => ({
    key: `req-${index}`,
    requirementIndex: index,
    group: doc.group,
    name: doc.name,
    required: doc.required,
    remark: !doc.required && doc.originals === 0 && doc.copies === 0,
    originals: doc.originals,
    copies: doc.copies,
    provided: false,
    digitized: false,
    file: null,
  }));
}

export function extraDocument(): DocumentDraft {
  return {
    key: `extra-${++extraCounter}`,
    requirementIndex: null,
    group: null,
    name: '',
    required: false,
    remark: false,
    originals: 1,
    copies: 0,
    provided: true,
    digitized: false,
    file: null,
  };
}

/** The processing time the server will use: the case's, else the channel's, else the first channel's. */
export function catalogTime(procedure: ProcedureDetail, channel: Channel, caseCode: string | null): ProcessingTime | null {
  const chosenCase = caseCode ? procedure.cases.find((c) => c.code === caseCode) : undefined;
  if (chosenCase) return chosenCase.processingTime;
  return procedure.channels.find((c) => c.channel === channel)?.processingTime ?? procedure.channels[0]?.processingTime ?? null;
}

/** Whether the catalog's time is a number the deadline can be computed from (as the server reads it). */
export function catalogGivesDuration(time: ProcessingTime | null): boolean {
  if (!time || time.value === null || time.value <= 0) return false;
  switch (time.unit) {
    case 'working_day':
    case 'working_hour':
      return true;
    case 'calendar_day':
    case 'month':
      return Number.isInteger(time.value);
    default:
      return false;
  }
}

/** The catalog's time unit as the duration units of the form. */
export const CATALOG_TIME_UNITS: Partial<Record<ProcessingTime['unit'], DurationUnit>> = {
  working_day: 'workingDays',
  working_hour: 'workingHours',
  calendar_day: 'calendarDays',
  month: 'months',
};

/** Required papers not ticked: the starting list of a supplement request. */
export function missingRequired(documents: DocumentDraft[]): string[] {
  return documents.filter((d) => d.required && !d.provided && !d.remark).map((d) => d.name);
}

export function isTwelveDigits(idNumber: string): boolean {
  return /^\d{12}$/.test(idNumber.trim());
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const count = (value: number | string) => (typeof value === 'number' ? value : Number.parseInt(value, 10) || 0);

/** The rows sent as handed documents: papers ticked or carrying a file. */
export function sentDocuments(documents: DocumentDraft[]): DocumentDraft[] {
  return documents.filter((d) => !d.remark && (d.provided || d.file));
}

export interface OutcomeDetails {
  outcome: Outcome;
  reason?: string;
  missing?: string[];
  /** Send the officer's duration (the catalog has no number, or the server asked for one). */
  withDuration: boolean;
}

export function toReceptionInput(draft: ReceptionDraft, details: OutcomeDetails): ReceptionInput {
  const { applicant, representative } = draft;
  const address = applicant.communeCode || applicant.addressDetail.trim() ? { communeCode: applicant.communeCode ?? '', detail: applicant.addressDetail } : null;
  const documents: HandedDocument[] = sentDocuments(draft.documents).map((d) => ({
    requirementIndex: d.requirementIndex,
    name: d.name,
    originals: count(d.originals),
    copies: count(d.copies),
    provided: d.provided,
    digitized: d.digitized || d.file !== null,
    fileSha256: d.file?.sha256 ?? null,
    fileName: d.file?.fileName ?? null,
  }));
  return {
    idempotencyKey: draft.idempotencyKey,
    procedureCode: draft.procedureCode ?? '',
    caseCode: draft.caseCode,
    channel: draft.channel,
    receivingUnitId: draft.receivingUnitId ?? '',
    competentUnitId: draft.competentUnitId ?? '',
    applicant: {
      fullName: applicant.fullName,
      idNumber: applicant.idNumber.trim(),
      phone: orNull(applicant.phone),
      email: orNull(applicant.email),
      address,
    },
    representative: representative.enabled
      ? { fullName: representative.fullName, idNumber: representative.idNumber.trim(), authorization: representative.authorization, address: null }
      : null,
    documents,
    returnMethod: draft.returnMethod,
    returnAddress: draft.returnMethod === 'postal' ? address : null,
    outcome: details.outcome,
    ...(details.reason !== undefined ? { reason: details.reason } : {}),
    ...(details.missing !== undefined ? { missing: details.missing } : {}),
    ...(details.withDuration ? { duration: { unit: draft.durationUnit, value: Number(draft.durationValue) || 0 } } : {}),
    forward: true,
  };
}
