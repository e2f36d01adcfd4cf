/**
 * Reads a schedule CSV (an official decision or a province's extra days off)
 * into validated entries, or into a list of every problem with its line.
 *
 *   date,kind,label[,holiday]
 *   2026-02-16,off,Nghỉ Tết Nguyên đán,tet
 *   2026-08-22,workday,Làm bù cho 31/08,nationalDay
 *
 * The header row is required (it names the columns, in any order). Fields
 * follow RFC 4180 (quotes, doubled quotes, line breaks inside quotes); a
 * UTF-8 BOM and CRLF line ends are accepted; blank lines are skipped. Labels
 * are normalised to NFC. Nothing is returned unless the whole file is valid.
 */
import { HOLIDAY_IDS } from './holidays.ts';
import { isIsoDate } from './local-date.ts';
import { scheduleEntrySchema } from './schedule.ts';
import type { ScheduleEntry } from './schedule.ts';

export const SCHEDULE_CSV_COLUMNS = ['date', 'kind', 'label', 'holiday'] as const;
export type ScheduleCsvColumn = (typeof SCHEDULE_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ScheduleCsvColumn[] = ['date', 'kind', 'label'];

export type ScheduleCsvErrorCode =
  | 'EMPTY_FILE'
  | 'UNTERMINATED_QUOTE'
  | 'MISSING_HEADER'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'WRONG_FIELD_COUNT'
  | 'INVALID_DATE'
  | 'INVALID_KIND'
  | 'INVALID_LABEL'
  | 'INVALID_HOLIDAY'
  | 'DUPLICATE_DATE';

export interface ScheduleCsvError {
  /** 1-based line where the offending record starts. */
  readonly line: number;
  readonly column: ScheduleCsvColumn | null;
  readonly code: ScheduleCsvErrorCode;
  readonly message: string;
}

export type ScheduleCsvResult =
  | { readonly ok: true; readonly entries: ScheduleEntry[] }
  | { readonly ok: false; readonly errors: ScheduleCsvError[] };

interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** RFC 4180 tokenizer that remembers the line each record starts on. */
function tokenize(text: string): { records: CsvRecord[]; error?: ScheduleCsvError } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') {
      inQuotes = true;
      quoteLine = line;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (inQuotes) {
    return { records, error: { line: quoteLine, column: null, code: 'UNTERMINATED_QUOTE', message: 'A quoted field is never closed' } };
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records: records.filter((r) => r.fields.some((f) => f.trim() !== '')) };
}

const ISSUE_CODES: Readonly<Record<ScheduleCsvColumn, ScheduleCsvErrorCode>> = {
  date: 'INVALID_DATE',
  kind: 'INVALID_KIND',
  label: 'INVALID_LABEL',
  holiday: 'INVALID_HOLIDAY',
};

const COLUMN_MESSAGES: Readonly<Record<ScheduleCsvColumn, (value: string) => string>> = {
  date: (v) => `date "${v}" is not an existing date written YYYY-MM-DD`,
  kind: (v) => `kind "${v}" must be "off" or "workday"`,
  label: () => 'label must be 1–200 characters',
  holiday: (v) => `holiday "${v}" must be empty or one of ${HOLIDAY_IDS.join(', ')}`,
};

export function parseScheduleCsv(text: string): ScheduleCsvResult {
  const { records, error } = tokenize(text.replace(/^\uFEFF/, ''));
  if (error) return { ok: false, errors: [error] };
  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ line: 1, column: null, code: 'EMPTY_FILE', message: 'The file has no rows' }] };

  const names = header.fields.map((f) => f.trim().toLowerCase());
  if (isIsoDate(names[0] ?? '')) {
    return {
      ok: false,
      errors: [{ line: header.line, column: null, code: 'MISSING_HEADER', message: 'The first row must be the header: date,kind,label[,holiday]' }],
    };
  }
  const errors: ScheduleCsvError[] = [];
  const positions = new Map<ScheduleCsvColumn, number>();
  names.forEach((name, index) => {
    const column = SCHEDULE_CSV_COLUMNS.find((c) => c.toLowerCase() === name);
    if (!column) errors.push({ line: header.line, column: null, code: 'UNKNOWN_COLUMN', message: `Unknown column "${header.fields[index]}"` });
    else if (positions.has(column)) errors.push({ line: header.line, column, code: 'DUPLICATE_COLUMN', message: `Column "${column}" appears twice` });
    else positions.set(column, index);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!positions.has(column)) errors.push({ line: header.line, column, code: 'MISSING_COLUMN', message: `Missing column "${column}"` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const entries: ScheduleEntry[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    // A trailing optional column (holiday) may be left out entirely.
    const omitted = names.slice(row.fields.length);
    const fieldCountOk = row.fields.length === names.length || (row.fields.length < names.length && omitted.every((n) => n === 'holiday'));
    if (!fieldCountOk) {
      errors.push({
        line: row.line,
        column: null,
        code: 'WRONG_FIELD_COUNT',
        message: `Expected ${names.length} fields, found ${row.fields.length}`,
      });
      continue;
    }
    const cell = (column: ScheduleCsvColumn) => {
      const index = positions.get(column);
      return index === undefined ? '' : (row.fields[index] ?? '').trim();
    };
    const holiday = cell('holiday');
    const candidate = {
      date: cell('date'),
      kind: cell('kind').toLowerCase(),
      label: cell('label').normalize('NFC'),
      ...(holiday === '' ? {} : { holiday }),
    };
    const parsed = scheduleEntrySchema.safeParse(candidate);
    if (!parsed.success) {
      const columns = new Set(parsed.error.issues.map((issue) => issue.path[0] as ScheduleCsvColumn));
      for (const column of SCHEDULE_CSV_COLUMNS.filter((c) => columns.has(c))) {
        errors.push({ line: row.line, column, code: ISSUE_CODES[column], message: COLUMN_MESSAGES[column](cell(column)) });
      }
      continue;
    }
    const key = `${parsed.data.date}|${parsed.data.holiday === undefined ? 'local' : 'official'}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      errors.push({ line: row.line, column: 'date', code: 'DUPLICATE_DATE', message: `${parsed.data.date} is already listed on line ${earlier}` });
      continue;
    }
    firstLineOf.set(key, row.line);
    entries.push(parsed.data);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

/** Writes entries back as CSV with the full header (round-trips through `parseScheduleCsv`). */
export function formatScheduleCsv(entries: readonly ScheduleEntry[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = entries.map((e) => [e.date, e.kind, quote(e.label), e.holiday ?? ''].join(','));
  return ['date,kind,label,holiday', ...lines].join('\n') + '\n';
}
