import { createHash } from 'node:crypto';
import type { ProcedureContent, ProcedureKind, ProcessingTime } from '@motcua/core/catalog/schemas.ts';
import { missingComponents } from '@motcua/core/catalog/completeness.ts';

/**
 * A procedure's content is the merge of what each source said about it, field by field, in this order
 * of precedence: the province's own edits, the portal's detail, the portal's list, the Excel list
 * (the first that says something about the field).
 * Because the merge depends only on the sources' latest data, importing the same files again, or in
 * another order, yields the same content: no new version.
 */
export const SOURCE_PRECEDENCE = ['local', 'dvcqg_detail', 'dvcqg_list', 'portal_excel'] as const;
export type SourceFormat = (typeof SOURCE_PRECEDENCE)[number];
export type SourceData = Partial<ProcedureContent>;

const DEFAULTS: Omit<ProcedureContent, 'code' | 'name' | 'kind' | 'provinceCode' | 'hasDetail'> = {
  state: 'active',
  fields: [],
  levels: [],
  onlineLevel: null,
  issuingAgency: null,
  executingAgencies: [],
  authorityAgencies: [],
  coordinatingAgencies: [],
  applicantTypes: [],
  legalBases: [],
  results: [],
  cases: [],
  channels: [],
  documents: [],
  steps: [],
  requirements: null,
  description: null,
  note: null,
  keywords: null,
  resultDelivery: [],
  decision: null,
};

export function scopeProvince(scope: string): string | null {
  return /^\d{2}$/.test(scope) ? scope : null;
}

/**
 * What a source says about a field. An imported file that leaves a field empty says nothing about it
 * (the detail may lack the applicants the list has); the province's own edit may empty a field on purpose.
 */
function says(format: SourceFormat, value: unknown): boolean {
  if (value === undefined) return false;
  if (format === 'local') return true;
  return value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

export function mergeContent(code: string, scope: string, sources: Partial<Record<SourceFormat, SourceData>>): ProcedureContent {
  const ordered = SOURCE_PRECEDENCE.flatMap((f) => (sources[f] ? [[f, sources[f]] as const] : []));
  const pick = <K extends keyof ProcedureContent>(key: K): ProcedureContent[K] | undefined => {
    for (const [format, data] of ordered) if (says(format, data[key])) return data[key] as ProcedureContent[K];
    return undefined;
  };
  const provinceCode = scopeProvince(scope);
  const defaultKind: ProcedureKind = provinceCode ? 'province_specific' : 'national';
  const content = { code, name: pick('name') ?? code, kind: pick('kind') ?? defaultKind, provinceCode } as ProcedureContent;
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[])
    (content as Record<string, unknown>)[key] = pick(key) ?? DEFAULTS[key];
  content.hasDetail = !!sources.dvcqg_detail || sources.local?.channels !== undefined;
  return content;
}

/** JSON with object keys sorted, so equal content always hashes equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

/** The time a list shows: in person if offered, else the first channel's, else the first case's. */
export function summaryTime(content: ProcedureContent): ProcessingTime | null {
  const inPerson = content.channels.find((c) => c.channel === 'in_person');
  return (inPerson ?? content.channels[0])?.processingTime ?? content.cases[0]?.processingTime ?? null;
}

/** Whether the applicant pays anything: null while only the list entry is known. */
export function hasFees(content: ProcedureContent): boolean | null {
  if (!content.hasDetail) return null;
  return content.channels.some((c) => c.fees.some((f) => (f.amount ?? 0) > 0 || (f.amount === null && !!f.text)));
}

/** The columns of the `procedure` row that copy the current version, for listing, filtering and search. */
export function procedureColumns(content: ProcedureContent) {
  const agencies = [...new Set([...content.executingAgencies, ...content.authorityAgencies].map((a) => a.name))];
  const time = summaryTime(content);
  return {
    kind: content.kind,
    state: content.state,
    name: content.name,
    fields: content.fields,
    levels: content.levels,
    agencies,
    issuing_agency: content.issuingAgency,
    online_level: content.onlineLevel,
    processing_time: time ? JSON.stringify(time) : null,
    has_fees: hasFees(content),
    has_detail: content.hasDetail,
    missing_components: missingComponents(content),
    keywords: content.keywords ?? '',
    fields_text: content.fields.join(' ; '),
  };
}

/** Top-level content fields that differ between two versions. */
export function changedFields(before: ProcedureContent | null, after: ProcedureContent): string[] {
  if (!before) return Object.keys(after).sort();
  return Object.keys(after)
    .filter((k) => stableJson((before as Record<string, unknown>)[k]) !== stableJson((after as Record<string, unknown>)[k]))
    .sort();
}
