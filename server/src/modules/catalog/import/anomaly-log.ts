import type { AnomalyKind, ImportAnomaly } from '@motcua/core/catalog/schemas.ts';
import type { LocalizedText } from '@motcua/core/http/problem.ts';

/** A file the import cannot read: the whole import is rolled back and the report says where. */
export class ImportFailed extends Error {
  constructor(
    readonly line: number | null,
    readonly text: LocalizedText,
  ) {
    super(`${line !== null ? `line ${line}: ` : ''}${text.en}`);
    this.name = 'ImportFailed';
  }
}

/** Every anomaly an import met, in file order, with a count per kind. */
export class AnomalyLog {
  readonly entries: ImportAnomaly[] = [];
  readonly counts: Record<string, number> = {};

  add(kind: AnomalyKind, line: number | null, code: string | null, detail: string) {
    this.entries.push({ line, kind, code, detail });
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** A collector for one record: the same kind met several times in it becomes one entry listing where. */
  forRecord(line: number, code: string | null) {
    const grouped = new Map<AnomalyKind, string[]>();
    return {
      note: (kind: AnomalyKind, detail: string) => {
        const list = grouped.get(kind) ?? [];
        list.push(detail);
        grouped.set(kind, list);
      },
      flush: () => {
        for (const [kind, details] of grouped) this.add(kind, line, code, details.join('; '));
      },
    };
  }
}

export type RecordAnomalies = ReturnType<AnomalyLog['forRecord']>;

/** A record whose shape is not the format's: names the first wrong field. */
export function invalidRecord(line: number, error: { issues: { path: PropertyKey[]; message: string }[] }, format: string): ImportFailed {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
  const why = issue?.message ?? 'invalid';
  return new ImportFailed(line, {
    vi: `Bản ghi không đúng định dạng ${format}: ${where}: ${why}`,
    en: `Record does not match the ${format} format: ${where}: ${why}`,
  });
}
