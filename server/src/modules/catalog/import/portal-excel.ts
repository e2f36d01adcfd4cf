import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type AnomalyLog, ImportFailed } from './anomaly-log.ts';
import { inferLevels, procedureCode } from './portal-values.ts';
import { scopeOf, type MapContext, type SourceRecord } from './source-record.ts';
import { cleanName, comparable, nonNfcKeys } from './text.ts';

/**
 * The portal's "Danh sách TTHC" Excel export (portal_excel_lists/*.xlsx): a title in row 1, the header
 * in row 2 (Mã số, Tên, Cơ quan ban hành, Cơ quan thực hiện, Lĩnh vực), one procedure per row, executing
 * agencies one per line in their cell. Read row by row from the stream; rows are reported by number.
 */
const COLUMNS = {
  code: 'mã số',
  name: 'tên',
  issuer: 'cơ quan ban hành',
  executing: 'cơ quan thực hiện',
  field: 'lĩnh vực',
} as const;
type Column = keyof typeof COLUMNS;

/** The text of a cell whatever exceljs made of it: string, rich text, hyperlink, formula result, number. */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return null;
}

function headerOf(values: unknown[]): Map<Column, number> | null {
  const found = new Map<Column, number>();
  values.forEach((v, i) => {
    const label = cellText(v);
    if (!label) return;
    const key = comparable(label);
    for (const [column, expected] of Object.entries(COLUMNS) as [Column, string][]) if (key === expected) found.set(column, i);
  });
  return found.has('code') && found.has('name') ? found : null;
}

const HEADER_SEARCH_ROWS = 5;

export async function* readPortalExcel(stream: Readable, ctx: MapContext, log: AnomalyLog): AsyncGenerator<SourceRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let header: Map<Column, number> | null = null;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      if (sheets++ > 0) break; // the export has one sheet; others would be someone's notes
      for await (const row of sheet) {
        const values = (row.values as unknown[]) ?? [];
        if (!header) {
          header = headerOf(values);
          if (!header && row.number >= HEADER_SEARCH_ROWS)
            throw new ImportFailed(row.number, {
              vi: `Không thấy dòng tiêu đề (Mã số, Tên, …) trong ${HEADER_SEARCH_ROWS} dòng đầu`,
              en: `No header row (Mã số, Tên, …) in the first ${HEADER_SEARCH_ROWS} rows`,
            });
          continue;
        }
        const cell = (c: Column) => {
          const i = header!.get(c);
          return i === undefined ? null : values[i];
        };
        const rawCode = cellText(cell('code'));
        const rawName = cellText(cell('name'));
        if (!rawCode?.trim() && !rawName?.trim()) continue;
        if (!rawCode?.trim())
          throw new ImportFailed(row.number, { vi: `Dòng có tên thủ tục nhưng không có mã`, en: `Row has a procedure name but no code` });
        const anomalies = log.forRecord(row.number, rawCode.trim());
        const rawIssuer = cellText(cell('issuer'));
        const rawExecuting = cellText(cell('executing'));
        const rawField = cellText(cell('field'));
        const nonNfc = nonNfcKeys({ code: rawCode, name: rawName, issuer: rawIssuer, executing: rawExecuting, field: rawField });
        if (nonNfc.length > 0) anomalies.note('non_nfc', `${nonNfc.join(', ')} not in NFC; stored NFC`);
        if (typeof cell('code') === 'number')
          anomalies.note('malformed_code', `code stored as the number ${rawCode} in the sheet; trailing zeros may be lost`);
        const code = procedureCode(rawCode, anomalies);
        const name = cleanName(rawName);
        if (!name) throw new ImportFailed(row.number, { vi: `Thủ tục ${code} không có tên`, en: `Procedure ${code} has no name` });
        const issuingAgency = cleanName(rawIssuer);
        const { scope, provinceCode } = scopeOf(undefined, issuingAgency, ctx, anomalies);
        const executing = (rawExecuting ?? '').split('\n').map(cleanName).filter((a): a is string => !!a);
        const agencies = [...new Set(executing)];
        const field = cleanName(rawField);
        anomalies.flush();
        yield {
          line: row.number,
          code,
          scope,
          format: 'portal_excel',
          data: {
            name,
            ...(provinceCode ? { kind: 'province_specific' as const } : {}),
            provinceCode,
            issuingAgency,
            executingAgencies: agencies.map((a) => ({ code: null, name: a })),
            fields: field ? [field] : [],
            levels: inferLevels(agencies),
          },
        };
      }
    }
  } catch (error) {
    if (error instanceof ImportFailed) throw error;
    throw new ImportFailed(null, {
      vi: `Không đọc được tệp Excel (.xlsx): ${(error as Error).message}`,
      en: `Not a readable Excel (.xlsx) file: ${(error as Error).message}`,
    });
  }
  if (!header) throw new ImportFailed(null, { vi: 'Tệp Excel không có dòng tiêu đề (Mã số, Tên, …)', en: 'The Excel file has no header row (Mã số, Tên, …)' });
}
