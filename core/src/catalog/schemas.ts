import { z } from 'zod';
import { LocalizedText } from '../http/problem.ts';
import { nfcText } from '../units/schemas.ts';

/**
 * The procedure catalog (bộ thủ tục hành chính): what citizens read before they apply, and what every
 * dossier points to. Shapes shared by the server (validation, OpenAPI) and the web apps.
 */

/** How a dossier reaches the agency: in person at a counter (1), online (2), by public post (3). */
export const CHANNELS = ['in_person', 'online', 'postal'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** NĐ 42/2022 Art. 11: information only (not a level), partly online, fully online (REGULATIONS §7). */
export const ONLINE_LEVELS = ['information', 'partly_online', 'fully_online'] as const;
export const OnlineLevel = z.enum(ONLINE_LEVELS);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/**
 * The unit a processing time is given in. `other` is the portal's OTHER (a number whose unit is
 * only in prose); `none` means the catalog states no time at all. Both need a human to set a deadline.
 */
export const TIME_UNITS = ['working_day', 'working_hour', 'calendar_day', 'month', 'other', 'none'] as const;
export const TimeUnit = z.enum(TIME_UNITS);
export type TimeUnit = z.infer<typeof TimeUnit>;

/** Where the procedure is carried out (the portal's isProvince / isWard / isMinistry / isOtherAgency). */
export const LEVELS = ['province', 'commune', 'ministry', 'other'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/**
 * national: published by a ministry for the whole country (STANDARD); internal: between state
 * agencies (STANDARD_INTERNAL); province_specific: published by one province for itself (SPECIFIC).
 */
export const PROCEDURE_KINDS = ['national', 'internal', 'province_specific'] as const;
export const ProcedureKind = z.enum(PROCEDURE_KINDS);
export type ProcedureKind = z.infer<typeof ProcedureKind>;

export const PROCEDURE_STATES = ['active', 'updated', 'abolished'] as const;
export const ProcedureState = z.enum(PROCEDURE_STATES);
export type ProcedureState = z.infer<typeof ProcedureState>;

/** phí (fee for a service), lệ phí (levy), mức giá (a price list), other. */
export const FEE_KINDS = ['fee', 'levy', 'price', 'other'] as const;
export const FeeKind = z.enum(FEE_KINDS);
export type FeeKind = z.infer<typeof FeeKind>;

/** How the result comes back to the applicant. */
export const RESULT_DELIVERIES = ['at_counter', 'by_post', 'online'] as const;
export const ResultDelivery = z.enum(RESULT_DELIVERIES);
export type ResultDelivery = z.infer<typeof ResultDelivery>;

/** The seven components every published procedure must state (NĐ 63/2010 Art. 8(2); QĐ 766 indicator 1.3). */
export const MANDATORY_COMPONENTS = ['name', 'steps', 'method', 'documents', 'time', 'applicants', 'agency'] as const;
export const MandatoryComponent = z.enum(MANDATORY_COMPONENTS);
export type MandatoryComponent = z.infer<typeof MandatoryComponent>;

/**
 * A procedure code (mã TTHC) as the portal issues it: `d.dddddd`, optionally with a suffix
 * (`1.000948.H38`). New codes must have this form; imported ones are kept as published.
 */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.[0-9A-Z]{1,12})?$/;

/** What a URL or a form may carry as a code: digits, letters and dots (imported codes may be malformed, `1.0133611`). */
export const ProcedureCodeParam = z.string().trim().min(1).max(40).regex(/^[0-9A-Za-z.]+$/);

const isoDate = z.iso.date();

// ---------------------------------------------------------------------------------------------------
// The content of a procedure version, as stored in its immutable snapshot and returned by the API.

export const ProcessingTime = z.object({
  /** Working days may come in halves (0.5); null when the catalog gives only prose. */
  value: z.number().nonnegative().nullable(),
  unit: TimeUnit,
  /** The catalog's own words when it has no number or the number needs them ("Không quá 15 ngày …"). */
  text: z.string().nullable(),
});
export type ProcessingTime = z.infer<typeof ProcessingTime>;

export const Fee = z.object({
  kind: FeeKind,
  /** Integer đồng; null when the catalog gives only text (a rate decided by the provincial council …). */
  amount: z.number().int().nonnegative().nullable(),
  text: z.string().nullable(),
});
export type Fee = z.infer<typeof Fee>;

/** One way of carrying the procedure out (cách thức thực hiện): a channel with its own time and fees. */
export const ChannelOption = z.object({
  channel: Channel,
  processingTime: ProcessingTime,
  fees: z.array(Fee),
  description: z.string().nullable(),
});
export type ChannelOption = z.infer<typeof ChannelOption>;

/** A case of the procedure (e.g. `1.000080.01`) with its own processing time. */
export const ProcedureCase = z.object({
  code: z.string().nullable(),
  name: z.string(),
  processingTime: ProcessingTime,
});
export type ProcedureCase = z.infer<typeof ProcedureCase>;

export const FormTemplate = z.object({ fileName: z.string(), fileId: z.string().nullable() });
export type FormTemplate = z.infer<typeof FormTemplate>;

/** A required document (thành phần hồ sơ). `group` is the heading it is listed under, if any. */
export const RequiredDocument = z.object({
  group: z.string().nullable(),
  name: z.string(),
  originals: z.number().int().nonnegative(),
  copies: z.number().int().nonnegative(),
  required: z.boolean(),
  eForm: z.boolean(),
  templates: z.array(FormTemplate),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const AgencyRef = z.object({ code: z.string().nullable(), name: z.string() });
export type AgencyRef = z.infer<typeof AgencyRef>;

export const LegalBasis = z.object({ number: z.string().nullable(), title: z.string() });
export type LegalBasis = z.infer<typeof LegalBasis>;

export const ProcedureResult = z.object({ code: z.string().nullable(), name: z.string() });
export type ProcedureResult = z.infer<typeof ProcedureResult>;

export const ProcedureStep = z.object({ title: z.string().nullable(), text: z.string() });
export type ProcedureStep = z.infer<typeof ProcedureStep>;

/** The decision that published (this version of) the procedure. */
export const Decision = z.object({
  number: z.string().nullable(),
  /** The decision's date, Vietnam time. */
  date: isoDate.nullable(),
  issuedBy: z.string().nullable(),
});
export type Decision = z.infer<typeof Decision>;

export const ProcedureContent = z.object({
  code: z.string(),
  name: z.string(),
  kind: ProcedureKind,
  state: ProcedureState,
  /** The province a province-specific procedure belongs to; null for national ones. */
  provinceCode: z.string().nullable(),
  fields: z.array(z.string()).describe('Lĩnh vực'),
  levels: z.array(Level).describe('Cấp thực hiện'),
  onlineLevel: OnlineLevel.nullable().describe('null when only the list entry is known'),
  issuingAgency: z.string().nullable().describe('Cơ quan ban hành'),
  executingAgencies: z.array(AgencyRef).describe('Cơ quan thực hiện'),
  authorityAgencies: z.array(AgencyRef).describe('Cơ quan có thẩm quyền'),
  coordinatingAgencies: z.array(AgencyRef).describe('Cơ quan phối hợp'),
  applicantTypes: z.array(z.string()).describe('Đối tượng thực hiện'),
  legalBases: z.array(LegalBasis),
  results: z.array(ProcedureResult),
  cases: z.array(ProcedureCase),
  channels: z.array(ChannelOption),
  documents: z.array(RequiredDocument),
  steps: z.array(ProcedureStep).describe('Trình tự thực hiện'),
  requirements: z.string().nullable().describe('Yêu cầu, điều kiện'),
  description: z.string().nullable(),
  note: z.string().nullable(),
  keywords: z.string().nullable(),
  resultDelivery: z.array(ResultDelivery),
  decision: Decision.nullable(),
  /** Whether the portal's full detail is known, or only its list entry. */
  hasDetail: z.boolean(),
});
export type ProcedureContent = z.infer<typeof ProcedureContent>;

export const Completeness = z.object({
  complete: z.boolean(),
  missing: z.array(MandatoryComponent),
});
export type Completeness = z.infer<typeof Completeness>;

export const VERSION_SOURCES = ['import', 'admin'] as const;
export const VersionSource = z.enum(VERSION_SOURCES);

export const VersionInfo = z.object({
  /** What a dossier stores: the version it was received under. */
  id: z.uuid(),
  number: z.number().int().positive(),
  decisionNumber: z.string().nullable(),
  effectiveFrom: isoDate.nullable(),
  createdAt: z.string(),
  source: VersionSource,
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export const ProcedureDetail = ProcedureContent.extend({
  completeness: Completeness,
  version: VersionInfo,
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

/** One line of a search result or a browse page. */
export const ProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  kind: ProcedureKind,
  state: ProcedureState,
  provinceCode: z.string().nullable(),
  fields: z.array(z.string()),
  levels: z.array(Level),
  onlineLevel: OnlineLevel.nullable(),
  issuingAgency: z.string().nullable(),
  agencies: z.array(z.string()),
  /** In person if offered, else the first channel's, else the first case's. */
  processingTime: ProcessingTime.nullable(),
  /** null when the fees are not known (list entry only). */
  hasFees: z.boolean().nullable(),
  complete: z.boolean(),
  missingComponents: z.array(MandatoryComponent),
  hasDetail: z.boolean(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

const pageNumber = z.coerce.number().int().min(1).max(1000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
const queryText = z
  .string()
  .max(200)
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim());
const filterText = (max: number) => z.string().trim().min(1).max(max).transform((s) => s.normalize('NFC'));

export const ProcedureSearchQuery = z.strictObject({
  q: queryText.optional().describe('Words as citizens type them: with or without diacritics, a code, everyday words'),
  field: filterText(250).optional().describe('Lĩnh vực, exactly as listed by /api/public/catalog/fields'),
  level: Level.optional(),
  agency: filterText(250).optional().describe('Cơ quan thực hiện, exactly as listed by /api/public/catalog/agencies'),
  online: OnlineLevel.optional(),
  kind: ProcedureKind.optional(),
  complete: z.enum(['true', 'false']).optional().describe('Only procedures with (true) or missing (false) some of the 7 mandatory components'),
  page: pageNumber,
  pageSize,
  lang: z.enum(['vi', 'en']).optional(),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuery>;

export const ProcedureSearchResult = z.object({
  items: z.array(ProcedureSummary),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The query as the search understood it (folded, corrected, synonyms applied), when it differs. */
  interpretedAs: z.string().nullable(),
});
export type ProcedureSearchResult = z.infer<typeof ProcedureSearchResult>;

export const FacetCount = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type FacetCount = z.infer<typeof FacetCount>;

// ---------------------------------------------------------------------------------------------------
// Administration: create and edit (each edit is a new version), synonyms, imports.

const optionalText = (max: number) => nfcText(max).nullable().optional();

export const ProcessingTimeInput = z.strictObject({
  value: z.number().min(0).max(10_000).nullable(),
  unit: TimeUnit,
  text: optionalText(5_000),
});

export const FeeInput = z.strictObject({
  kind: FeeKind,
  amount: z.number().int().min(0).max(1_000_000_000_000).nullable(),
  text: optionalText(10_000),
});

export const ChannelOptionInput = z.strictObject({
  channel: Channel,
  processingTime: ProcessingTimeInput,
  fees: z.array(FeeInput).max(100).default([]),
  description: optionalText(10_000),
});

export const ProcedureCaseInput = z.strictObject({
  code: z.string().trim().max(40).regex(/^[0-9A-Za-z.]+$/).nullable().optional(),
  name: nfcText(2_000),
  processingTime: ProcessingTimeInput,
});

export const RequiredDocumentInput = z.strictObject({
  group: optionalText(2_000),
  name: nfcText(10_000),
  originals: z.number().int().min(0).max(100).default(1),
  copies: z.number().int().min(0).max(100).default(0),
  required: z.boolean().default(true),
  eForm: z.boolean().default(false),
  templates: z.array(z.strictObject({ fileName: nfcText(300), fileId: z.string().trim().max(100).nullable().optional() })).max(20).default([]),
});

export const AgencyRefInput = z.strictObject({ code: z.string().trim().max(50).nullable().optional(), name: nfcText(2_000) });
export const LegalBasisInput = z.strictObject({ number: optionalText(200), title: nfcText(2_000) });
export const ProcedureResultInput = z.strictObject({ code: z.string().trim().max(50).nullable().optional(), name: nfcText(2_000) });
export const ProcedureStepInput = z.strictObject({ title: optionalText(2_000), text: nfcText(50_000) });

/** Everything an administrator may set on a procedure; every list has a ceiling. */
const editableFields = {
  name: nfcText(2_000),
  kind: ProcedureKind,
  state: ProcedureState,
  fields: z.array(nfcText(250)).max(20),
  levels: z.array(Level).max(4),
  onlineLevel: OnlineLevel.nullable(),
  issuingAgency: optionalText(500),
  executingAgencies: z.array(AgencyRefInput).max(100),
  authorityAgencies: z.array(AgencyRefInput).max(100),
  coordinatingAgencies: z.array(AgencyRefInput).max(100),
  applicantTypes: z.array(nfcText(300)).max(50),
  legalBases: z.array(LegalBasisInput).max(300),
  results: z.array(ProcedureResultInput).max(100),
  cases: z.array(ProcedureCaseInput).max(100),
  channels: z.array(ChannelOptionInput).max(50),
  documents: z.array(RequiredDocumentInput).max(500),
  steps: z.array(ProcedureStepInput).max(100),
  requirements: optionalText(20_000),
  description: optionalText(20_000),
  note: optionalText(20_000),
  keywords: optionalText(2_000),
  resultDelivery: z.array(ResultDelivery).max(3),
};

/** The decision an edit is made under, and from when it applies (Vietnam date; default: today). */
const versionFields = {
  decisionNumber: optionalText(100),
  effectiveFrom: isoDate.optional(),
};

export const ProcedureCreate = z.strictObject({
  code: ProcedureCodeParam.describe('d.dddddd, optionally with a suffix: 1.001193, 1.000948.H38'),
  ...editableFields,
  kind: ProcedureKind.default('province_specific'),
  state: ProcedureState.default('active'),
  fields: editableFields.fields.default([]),
  levels: editableFields.levels.default([]),
  onlineLevel: editableFields.onlineLevel.default(null),
  executingAgencies: editableFields.executingAgencies.default([]),
  authorityAgencies: editableFields.authorityAgencies.default([]),
  coordinatingAgencies: editableFields.coordinatingAgencies.default([]),
  applicantTypes: editableFields.applicantTypes.default([]),
  legalBases: editableFields.legalBases.default([]),
  results: editableFields.results.default([]),
  cases: editableFields.cases.default([]),
  channels: editableFields.channels.default([]),
  documents: editableFields.documents.default([]),
  steps: editableFields.steps.default([]),
  resultDelivery: editableFields.resultDelivery.default([]),
  ...versionFields,
});
export type ProcedureCreate = z.infer<typeof ProcedureCreate>;

/** At least one content field besides the decision; checked by the service. */
export const ProcedureUpdate = z.strictObject({
  name: editableFields.name.optional(),
  kind: editableFields.kind.optional(),
  state: editableFields.state.optional(),
  fields: editableFields.fields.optional(),
  levels: editableFields.levels.optional(),
  onlineLevel: editableFields.onlineLevel.optional(),
  issuingAgency: editableFields.issuingAgency,
  executingAgencies: editableFields.executingAgencies.optional(),
  authorityAgencies: editableFields.authorityAgencies.optional(),
  coordinatingAgencies: editableFields.coordinatingAgencies.optional(),
  applicantTypes: editableFields.applicantTypes.optional(),
  legalBases: editableFields.legalBases.optional(),
  results: editableFields.results.optional(),
  cases: editableFields.cases.optional(),
  channels: editableFields.channels.optional(),
  documents: editableFields.documents.optional(),
  steps: editableFields.steps.optional(),
  requirements: editableFields.requirements,
  description: editableFields.description,
  note: editableFields.note,
  keywords: editableFields.keywords,
  resultDelivery: editableFields.resultDelivery.optional(),
  ...versionFields,
});
export type ProcedureUpdate = z.infer<typeof ProcedureUpdate>;

/** One entry of a procedure's history: who or what made it, under which decision, what changed. */
export const VersionSummary = VersionInfo.extend({
  actorId: z.uuid().nullable(),
  importId: z.uuid().nullable(),
  /** Top-level content fields that differ from the previous version (all of them for the first). */
  changedFields: z.array(z.string()),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionSnapshot = VersionSummary.extend({ content: ProcedureContent });
export type VersionSnapshot = z.infer<typeof VersionSnapshot>;

/**
 * An everyday phrase and the catalog words it stands for ("nhập hộ khẩu" → "đăng ký thường trú").
 * An empty expansion marks filler words ("thủ tục", "làm", "xin") that need not appear in a name.
 */
export const Synonym = z.object({ phrase: z.string(), expansion: z.string() });
export type Synonym = z.infer<typeof Synonym>;

export const SynonymInput = z.strictObject({
  phrase: nfcText(100),
  expansion: z.string().trim().max(200).transform((s) => s.normalize('NFC')),
});

export const SynonymList = z.strictObject({ synonyms: z.array(SynonymInput).max(2_000) });
export type SynonymList = z.infer<typeof SynonymList>;

// ---------------------------------------------------------------------------------------------------
// Imports of the National Public Service Portal's formats.

export const IMPORT_FORMATS = ['dvcqg_detail', 'dvcqg_list', 'portal_excel'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Everything an import met that was not clean: reported, never hidden, never silently "fixed". */
export const ANOMALY_KINDS = [
  'non_nfc',
  'untrimmed_code',
  'malformed_code',
  'duplicate_code',
  'fee_text_mismatch',
  'time_unit_other',
  'time_missing_number',
  'documents_missing',
  'name_under_several_codes',
  'unknown_province',
  'unknown_value',
  'portal_error',
  'parse_error',
] as const;
export const AnomalyKind = z.enum(ANOMALY_KINDS);
export type AnomalyKind = z.infer<typeof AnomalyKind>;

export const ImportAnomaly = z.object({
  /** Line of the JSONL file, or row of the worksheet. */
  line: z.number().int().nullable(),
  kind: AnomalyKind,
  code: z.string().nullable(),
  detail: z.string(),
});
export type ImportAnomaly = z.infer<typeof ImportAnomaly>;

export const ImportCounts = z.object({
  records: z.number().int(),
  distinctProcedures: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  versionsCreated: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportReport = z.object({
  id: z.uuid(),
  source: z.string(),
  format: ImportFormat.nullable(),
  status: z.enum(['succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int(),
  counts: ImportCounts,
  anomalyCounts: z.record(z.string(), z.number().int()),
  anomalies: z.array(ImportAnomaly),
  /** Why a failed import changed nothing, and where in the file. */
  error: z.object({ line: z.number().int().nullable(), message: LocalizedText }).nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportRunSummary = ImportReport.omit({ anomalies: true });
export type ImportRunSummary = z.infer<typeof ImportRunSummary>;

export const ImportUploadQuery = z.strictObject({
  format: ImportFormat.optional().describe('Detected from the content when omitted'),
  filename: z.string().trim().min(1).max(200).optional().describe('Shown in the report'),
  lang: z.enum(['vi', 'en']).optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;
