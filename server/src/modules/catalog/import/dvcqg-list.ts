import { z } from 'zod';
import { type AnomalyLog, ImportFailed, invalidRecord } from './anomaly-log.ts';
import { inferLevels, procedureCode, procedureKind, procedureState } from './portal-values.ts';
import { scopeOf, type MapContext, type SourceRecord } from './source-record.ts';
import { cleanName, cleanNames, nonNfcKeys } from './text.ts';

/**
 * One line of the portal's procedure list (dvcqg_catalog_5670.jsonl): code, name, fields, executing
 * agencies, publisher, applicant types, state and type. No times, fees or documents.
 */
const ListLine = z.looseObject({
  code: z.string().min(1),
  name: z.string(),
  categories: z.array(z.string()).default([]),
  departments: z.array(z.string()).default([]),
  departmentPromulgate: z.string().nullable().optional(),
  formalityTargetType: z.array(z.string()).default([]),
  state: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
});

/** Whether a parsed JSON line has the list's shape (used to detect the format from the first line). */
export function looksLikeListLine(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'code' in value && 'name' in value && !('data' in value);
}

export function mapListLine(raw: unknown, line: number, ctx: MapContext, log: AnomalyLog): SourceRecord {
  const parsed = ListLine.safeParse(raw);
  if (!parsed.success) throw invalidRecord(line, parsed.error, 'dvcqg_list');
  const r = parsed.data;
  const anomalies = log.forRecord(line, r.code.trim());
  const nonNfc = nonNfcKeys(r);
  if (nonNfc.length > 0) anomalies.note('non_nfc', `${nonNfc.join(', ')} not in NFC; stored NFC`);
  const code = procedureCode(r.code, anomalies);
  const name = cleanName(r.name);
  if (!name) throw new ImportFailed(line, { vi: `Thủ tục ${code} không có tên`, en: `Procedure ${code} has no name` });
  const kind = procedureKind(r.type, anomalies);
  const state = procedureState(r.state, anomalies);
  const issuingAgency = cleanName(r.departmentPromulgate);
  const { scope, provinceCode } = scopeOf(kind, issuingAgency, ctx, anomalies);
  const agencies = cleanNames(r.departments);
  anomalies.flush();
  return {
    line,
    code,
    scope,
    format: 'dvcqg_list',
    data: {
      name,
      ...(kind ? { kind } : {}),
      ...(state ? { state } : {}),
      provinceCode,
      fields: cleanNames(r.categories),
      issuingAgency,
      executingAgencies: agencies.map((a) => ({ code: null, name: a })),
      applicantTypes: cleanNames(r.formalityTargetType),
      levels: inferLevels(agencies),
    },
  };
}
