import { z } from 'zod';
import type { AgencyRef, ChannelOption, Level, OnlineLevel, ProcedureCase, RequiredDocument } from '@motcua/core/catalog/schemas.ts';
import { type AnomalyLog, ImportFailed, invalidRecord, type RecordAnomalies } from './anomaly-log.ts';
import { channelOf, fee, procedureCode, procedureKind, procedureState, processingTime, resultDeliveries } from './portal-values.ts';
import { scopeOf, type MapContext, type SourceRecord } from './source-record.ts';
import { cleanName, cleanNames, cleanText, nonNfcKeys, vietnamDate } from './text.ts';

/**
 * One line of the portal's procedure detail export (dvcqg_details_502.jsonl): `{code, data, message}`
 * as the portal's API answers, `data` holding channels with times and fees, cases, documents, steps,
 * legal bases, results and level flags. Shapes vary in the wild (a time may be prose), so the schema
 * accepts what the portal sends and the mapping reports what is odd.
 */
const text = z.string().nullable().optional();
const Named = z.looseObject({ code: text, name: text });
const flag = z.boolean().nullable().optional();

const Component = z.looseObject({
  name: text,
  originalQty: z.number().int().nullable().optional(),
  copyQty: z.number().int().nullable().optional(),
  required: flag,
  hasElectronicForm: flag,
  attachments: z.array(z.looseObject({ fileName: text, id: text })).nullable().optional(),
});

const Method = z.looseObject({
  submissionMethod: z.string(),
  processingTime: z.union([z.number(), z.string()]).nullable().optional(),
  processingTimeUnit: text,
  description: text,
  fees: z.array(z.looseObject({ type: text, value: z.number().nullable().optional(), description: text })).nullable().optional(),
});

const DetailData = z.looseObject({
  code: z.string().min(1),
  name: z.string(),
  type: text,
  state: text,
  isWard: flag,
  isProvince: flag,
  isMinistry: flag,
  isOtherAgency: flag,
  isFullProcess: flag,
  isOfflineOnly: flag,
  departmentPromulgateName: text,
  categoriesDetails: z.array(Named).nullable().optional(),
  category: Named.nullable().optional(),
  subjectTypesDetails: z.array(Named).nullable().optional(),
  departmentsExecuting: z.array(Named).nullable().optional(),
  departmentsAuthority: z.array(Named).nullable().optional(),
  departmentsCoordinating: z.array(Named).nullable().optional(),
  unitGroupsExecuting: z.array(Named).nullable().optional(),
  unitGroupsAuthority: z.array(Named).nullable().optional(),
  unitGroupsCoordinating: z.array(Named).nullable().optional(),
  executingAgencies: text,
  coordinatingAgencies: text,
  legalBasisesDetails: z.array(Named).nullable().optional(),
  resultsDetails: z.array(Named).nullable().optional(),
  executionSteps: z.array(z.looseObject({ name: text, description: text })).nullable().optional(),
  executionMethods: z.array(Method).nullable().optional(),
  executionCases: z.array(z.looseObject({ name: text, profileComponents: z.array(Component).nullable().optional() })).nullable().optional(),
  cases: z
    .array(
      z.looseObject({
        code: text,
        name: text,
        processingDay: z.looseObject({ qty: z.union([z.number(), z.string()]).nullable().optional(), type: text }).nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
  returningMethods: z.array(z.looseObject({ value: z.array(z.string()).nullable().optional() })).nullable().optional(),
  requirementsAndConditions: text,
  description: text,
  note: text,
  keywords: text,
  decisionNo: text,
  procedureProposal: z
    .looseObject({ proposalNumber: text, decisionDate: z.number().nullable().optional(), issuingAgency: Named.nullable().optional() })
    .nullable()
    .optional(),
});

const DetailLine = z.looseObject({ code: text, message: text, data: z.unknown().optional() });

export function looksLikeDetailLine(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'data' in value && 'code' in value;
}

/**
 * Agencies as the portal lists them: named departments, then unit groups ("Ủy ban nhân dân cấp xã",
 * what the list export calls the agency), else the free-text field.
 */
function agencies(
  departments: z.infer<typeof Named>[] | null | undefined,
  groups: z.infer<typeof Named>[] | null | undefined,
  fallback: string | null | undefined,
): AgencyRef[] {
  const out: AgencyRef[] = [];
  for (const a of [...(departments ?? []), ...(groups ?? [])]) {
    const name = cleanName(a.name);
    if (name && !out.some((o) => o.name === name)) out.push({ code: cleanName(a.code), name });
  }
  const alone = cleanName(fallback);
  if (out.length === 0 && alone) out.push({ code: null, name: alone });
  return out;
}

function levelsOf(d: z.infer<typeof DetailData>): Level[] {
  const levels: Level[] = [];
  if (d.isProvince) levels.push('province');
  if (d.isWard) levels.push('commune');
  if (d.isMinistry) levels.push('ministry');
  if (d.isOtherAgency) levels.push('other');
  return levels;
}

function onlineLevelOf(d: z.infer<typeof DetailData>, channels: ChannelOption[]): OnlineLevel {
  if (d.isOfflineOnly) return 'information';
  if (d.isFullProcess) return 'fully_online';
  return channels.some((c) => c.channel === 'online') ? 'partly_online' : 'information';
}

function channelsOf(d: z.infer<typeof DetailData>, anomalies: RecordAnomalies): ChannelOption[] {
  const out: ChannelOption[] = [];
  for (const m of d.executionMethods ?? []) {
    const channel = channelOf(m.submissionMethod, anomalies);
    if (!channel) continue;
    out.push({
      channel,
      processingTime: processingTime(m.processingTime, m.processingTimeUnit, channel, anomalies),
      fees: (m.fees ?? []).map((f) => fee(f, channel, anomalies)),
      description: cleanText(m.description),
    });
  }
  return out;
}

function casesOf(d: z.infer<typeof DetailData>, anomalies: RecordAnomalies): ProcedureCase[] {
  return (d.cases ?? []).map((c) => {
    const code = cleanName(c.code);
    return {
      code,
      name: cleanName(c.name) ?? '',
      processingTime: processingTime(c.processingDay?.qty, c.processingDay?.type, `case ${code ?? '?'}`, anomalies),
    };
  });
}

function documentsOf(d: z.infer<typeof DetailData>): RequiredDocument[] {
  const out: RequiredDocument[] = [];
  for (const group of d.executionCases ?? [])
    for (const c of group.profileComponents ?? []) {
      const name = cleanText(c.name);
      if (!name) continue;
      out.push({
        group: cleanName(group.name),
        name,
        originals: c.originalQty ?? 0,
        copies: c.copyQty ?? 0,
        required: c.required ?? false,
        eForm: c.hasElectronicForm ?? false,
        templates: (c.attachments ?? []).flatMap((a) => {
          const fileName = cleanName(a.fileName);
          return fileName ? [{ fileName, fileId: a.id ?? null }] : [];
        }),
      });
    }
  return out;
}

/** Maps one detail line; null when the portal answered with an error instead of a procedure. */
export function mapDetailLine(raw: unknown, line: number, ctx: MapContext, log: AnomalyLog): SourceRecord | null {
  const envelope = DetailLine.safeParse(raw);
  if (!envelope.success) throw invalidRecord(line, envelope.error, 'dvcqg_detail');
  if ((envelope.data.code && envelope.data.code !== 'OK') || envelope.data.data == null) {
    log.add('portal_error', line, null, `the portal answered ${envelope.data.code ?? '?'} "${envelope.data.message ?? ''}" with no procedure; line skipped`);
    return null;
  }
  const parsed = DetailData.safeParse(envelope.data.data);
  if (!parsed.success) throw invalidRecord(line, { issues: parsed.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] })) }, 'dvcqg_detail');
  const d = parsed.data;
  const anomalies = log.forRecord(line, d.code.trim());
  const nonNfc = nonNfcKeys(d);
  if (nonNfc.length > 0) anomalies.note('non_nfc', `${nonNfc.join(', ')} not in NFC; stored NFC`);
  const code = procedureCode(d.code, anomalies);
  const name = cleanName(d.name);
  if (!name) throw new ImportFailed(line, { vi: `Thủ tục ${code} không có tên`, en: `Procedure ${code} has no name` });
  const kind = procedureKind(d.type, anomalies);
  const state = procedureState(d.state, anomalies);
  const issuingAgency = cleanName(d.departmentPromulgateName);
  const { scope, provinceCode } = scopeOf(kind, issuingAgency, ctx, anomalies);
  const channels = channelsOf(d, anomalies);
  const cases = casesOf(d, anomalies);
  const documents = documentsOf(d);
  if (documents.length === 0) anomalies.note('documents_missing', 'no required documents listed');
  const fields = cleanNames((d.categoriesDetails ?? []).map((c) => c.name));
  if (fields.length === 0 && d.category?.name) fields.push(cleanName(d.category.name)!);
  const proposal = d.procedureProposal;
  const decisionNumber = cleanName(proposal?.proposalNumber) ?? cleanName(d.decisionNo);
  const record: SourceRecord = {
    line,
    code,
    scope,
    format: 'dvcqg_detail',
    data: {
      name,
      ...(kind ? { kind } : {}),
      ...(state ? { state } : {}),
      provinceCode,
      fields,
      levels: levelsOf(d),
      onlineLevel: onlineLevelOf(d, channels),
      issuingAgency,
      executingAgencies: agencies(d.departmentsExecuting, d.unitGroupsExecuting, d.executingAgencies),
      authorityAgencies: agencies(d.departmentsAuthority, d.unitGroupsAuthority, null),
      coordinatingAgencies: agencies(d.departmentsCoordinating, d.unitGroupsCoordinating, d.coordinatingAgencies),
      applicantTypes: cleanNames((d.subjectTypesDetails ?? []).map((s) => s.name)),
      legalBases: (d.legalBasisesDetails ?? []).flatMap((l) => {
        const title = cleanName(l.name);
        return title ? [{ number: cleanName(l.code), title }] : [];
      }),
      results: (d.resultsDetails ?? []).flatMap((r) => {
        const resultName = cleanName(r.name);
        return resultName ? [{ code: cleanName(r.code), name: resultName }] : [];
      }),
      cases,
      channels,
      documents,
      steps: (d.executionSteps ?? []).flatMap((s) => {
        const stepText = cleanText(s.description);
        const title = cleanName(s.name);
        return stepText || title ? [{ title, text: stepText ?? '' }] : [];
      }),
      requirements: cleanText(d.requirementsAndConditions),
      description: cleanText(d.description),
      note: cleanText(d.note),
      keywords: cleanText(d.keywords),
      resultDelivery: resultDeliveries((d.returningMethods ?? []).flatMap((m) => m.value ?? []), anomalies),
      decision:
        decisionNumber || proposal?.decisionDate
          ? { number: decisionNumber, date: vietnamDate(proposal?.decisionDate), issuedBy: cleanName(proposal?.issuingAgency?.name) }
          : null,
      hasDetail: true,
    },
  };
  anomalies.flush();
  return record;
}
