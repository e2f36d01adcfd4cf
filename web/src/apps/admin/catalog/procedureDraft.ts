import type { ProcedureDetail, ProcedureUpdate } from '../../../api/procedures.ts';
import type { Channel, FeeKind, Level, OnlineLevel, ProcedureState, TimeUnit } from '../../../shared/catalog/catalogValues.ts';

/**
 * The editor's working copy of a procedure, in the shapes inputs hold (numbers may be blank), and the
 * way back to a PATCH body. Only the fields that differ from the loaded version are sent: an edited
 * field becomes the province's own ("local edits win" over later imports), so untouched ones must stay out.
 */

export interface TimeDraft {
  value: number | '';
  unit: TimeUnit;
  text: string;
}

export interface FeeDraft {
  kind: FeeKind;
  amount: number | '';
  text: string;
}

export interface ChannelDraft {
  channel: Channel;
  processingTime: TimeDraft;
  fees: FeeDraft[];
  /** Not edited here; kept as it was. */
  description: string | null;
}

export interface CaseDraft {
  code: string;
  name: string;
  processingTime: TimeDraft;
}

export interface DocumentDraft {
  group: string;
  name: string;
  originals: number | '';
  copies: number | '';
  required: boolean;
  /** Not edited here; kept as they were. */
  eForm: boolean;
  templates: { fileName: string; fileId: string | null }[];
}

export interface ProcedureDraft {
  name: string;
  state: ProcedureState;
  onlineLevel: OnlineLevel | null;
  fields: string[];
  levels: Level[];
  applicantTypes: string[];
  requirements: string;
  channels: ChannelDraft[];
  cases: CaseDraft[];
  documents: DocumentDraft[];
}

export interface VersionDraft {
  decisionNumber: string;
  effectiveFrom: string;
}

export const EDITED_FIELDS = ['name', 'state', 'onlineLevel', 'fields', 'levels', 'applicantTypes', 'requirements', 'channels', 'cases', 'documents'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

const timeDraft = (time: ProcedureDetail['cases'][number]['processingTime']): TimeDraft => ({ value: time.value ?? '', unit: time.unit, text: time.text ?? '' });

export function draftOf(procedure: ProcedureDetail): ProcedureDraft {
  return {
    name: procedure.name,
    state: procedure.state,
    onlineLevel: procedure.onlineLevel,
    fields: [...procedure.fields],
    levels: [...procedure.levels],
    applicantTypes: [...procedure.applicantTypes],
    requirements: procedure.requirements ?? '',
    channels: procedure.channels.map((c) => ({
      channel: c.channel,
      processingTime: timeDraft(c.processingTime),
      fees: c.fees.map((f) => ({ kind: f.kind, amount: f.amount ?? '', text: f.text ?? '' })),
      description: c.description,
    })),
    cases: procedure.cases.map((c) => ({ code: c.code ?? '', name: c.name, processingTime: timeDraft(c.processingTime) })),
    documents: procedure.documents.map((d) => ({
      group: d.group ?? '',
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      required: d.required,
      eForm: d.eForm,
      templates: d.templates.map((tpl) => ({ fileName: tpl.fileName, fileId: tpl.fileId })),
    })),
  };
}

export const blankTime = (): TimeDraft => ({ value: '', unit: 'working_day', text: '' });
export const blankFee = (): FeeDraft => ({ kind: 'levy', amount: '', text: '' });
export const blankChannel = (channel: Channel): ChannelDraft => ({ channel, processingTime: blankTime(), fees: [], description: null });
export const blankCase = (): CaseDraft => ({ code: '', name: '', processingTime: blankTime() });
export const blankDocument = (): DocumentDraft => ({ group: '', name: '', originals: 1, copies: 0, required: true, eForm: false, templates: [] });

const textOrNull = (text: string) => (text.trim() ? text : null);
const numberOrNull = (value: number | '') => (value === '' ? null : value);
const timeInput = (time: TimeDraft) => ({ value: numberOrNull(time.value), unit: time.unit, text: textOrNull(time.text) });

/** The draft as the API takes it (blank numbers and texts are null; a blank count is the schema's default). */
function inputOf(draft: ProcedureDraft): Required<Pick<ProcedureUpdate, EditedField>> {
  return {
    name: draft.name,
    state: draft.state,
    onlineLevel: draft.onlineLevel,
    fields: draft.fields,
    levels: draft.levels,
    applicantTypes: draft.applicantTypes,
    requirements: textOrNull(draft.requirements),
    channels: draft.channels.map((c) => ({
      channel: c.channel,
      processingTime: timeInput(c.processingTime),
      fees: c.fees.map((f) => ({ kind: f.kind, amount: numberOrNull(f.amount), text: textOrNull(f.text) })),
      description: c.description,
    })),
    cases: draft.cases.map((c) => ({ code: textOrNull(c.code.trim()), name: c.name, processingTime: timeInput(c.processingTime) })),
    documents: draft.documents.map((d) => ({
      group: textOrNull(d.group),
      name: d.name,
      originals: d.originals === '' ? 0 : d.originals,
      copies: d.copies === '' ? 0 : d.copies,
      required: d.required,
      eForm: d.eForm,
      templates: d.templates,
    })),
  };
}

/** The fields the draft changes, compared as the API would receive them. */
export function changedFields(original: ProcedureDraft, draft: ProcedureDraft): EditedField[] {
  const before = inputOf(original);
  const after = inputOf(draft);
  return EDITED_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** The PATCH body: the changed fields and the decision the new version is made under. */
export function updateOf(original: ProcedureDraft, draft: ProcedureDraft, version: VersionDraft): ProcedureUpdate {
  const after = inputOf(draft);
  const update: Record<string, unknown> = {};
  for (const field of changedFields(original, draft)) update[field] = after[field];
  if (version.decisionNumber.trim()) update.decisionNumber = version.decisionNumber.trim();
  if (version.effectiveFrom) update.effectiveFrom = version.effectiveFrom;
  return update as ProcedureUpdate;
}

const TIME = String.raw`processingTime\.(value|unit|text)`;
const PLACED = [
  /^(name|state|onlineLevel|fields|levels|applicantTypes|requirements|decisionNumber|effectiveFrom)$/,
  new RegExp(String.raw`^channels\[\d+\]\.(channel|${TIME}|fees\[\d+\]\.(kind|amount|text))$`),
  new RegExp(String.raw`^cases\[\d+\]\.(name|code|${TIME})$`),
  /^documents\[\d+\]\.(name|group|originals|copies)$/,
];

/** Whether the editor shows a server error at this form path beside an input (the others go in the alert). */
export const shownBesideInput = (path: string) => PLACED.some((pattern) => pattern.test(path));
