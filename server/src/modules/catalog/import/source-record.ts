import type { ImportFormat, ProcedureContent, ProcedureKind } from '@motcua/core/catalog/schemas.ts';
import type { RecordAnomalies } from './anomaly-log.ts';
import type { ProvinceDirectory } from './province-directory.ts';

/** What one line or row of a source file says about one procedure, already normalised. */
export interface SourceRecord {
  line: number;
  code: string;
  /** 'national', the publishing province's code, or 'unknown' (see migration 0003). */
  scope: string;
  format: ImportFormat;
  /** Only the parts of the content this source knows; merged with the other sources' (catalog.content.ts). */
  data: Partial<ProcedureContent>;
}

export interface MapContext {
  provinces: ProvinceDirectory;
}

/**
 * A procedure belongs to a province when a province's body published it (whatever its type says);
 * a province-specific one whose province cannot be told is kept apart and reported.
 */
export function scopeOf(
  kind: ProcedureKind | undefined,
  issuingBody: string | null,
  ctx: MapContext,
  anomalies: RecordAnomalies,
): { scope: string; provinceCode: string | null } {
  const provinceCode = issuingBody ? ctx.provinces.provinceOf(issuingBody) : null;
  if (provinceCode) return { scope: provinceCode, provinceCode };
  if (kind === 'province_specific') {
    anomalies.note('unknown_province', `province-specific, but no province found in its publisher "${issuingBody ?? ''}"; not shown anywhere`);
    return { scope: 'unknown', provinceCode: null };
  }
  return { scope: 'national', provinceCode: null };
}
