import type { ColumnType, JSONColumnType } from 'kysely';
import type { ImportAnomaly, ImportCounts, ProcedureContent, ProcessingTime } from '@motcua/core/catalog/schemas.ts';

/** Columns the database computes (search folding, the completeness flag): read, never written. */
type Computed<T> = ColumnType<T, never, never>;

export interface CatalogTables {
  procedure: {
    id: string;
    code: string;
    /** 'national', a province code, or 'unknown'. */
    scope: string;
    kind: string;
    state: string;
    name: string;
    fields: string[];
    levels: string[];
    agencies: string[];
    issuing_agency: string | null;
    online_level: string | null;
    processing_time: JSONColumnType<ProcessingTime | null, string | null, string | null>;
    has_fees: boolean | null;
    has_detail: boolean;
    missing_components: string[];
    complete: Computed<boolean>;
    keywords: string;
    fields_text: string;
    content_hash: string;
    current_version_id: string;
    version_count: number;
    created_at: Date;
    updated_at: Date;
    name_core: Computed<string>;
    name_words: Computed<number>;
    search_vector: Computed<string>;
  };
  procedure_version: {
    id: string;
    procedure_id: string;
    number: number;
    content: JSONColumnType<ProcedureContent>;
    content_hash: string;
    decision_number: string | null;
    /** A `date`: select it as text (`effective_from::text`), or pg turns it into a local-midnight Date. */
    effective_from: ColumnType<string | null, string | null, never>;
    source: string;
    import_run_id: string | null;
    actor_id: string | null;
    created_at: Date;
  };
  procedure_source: {
    procedure_id: string;
    format: string;
    content_hash: string;
    data: JSONColumnType<Partial<ProcedureContent>>;
    import_run_id: string | null;
    updated_at: Date;
  };
  catalog_term: { term: string; ndoc: number };
  catalog_synonym: {
    phrase: string;
    expansion: string;
    phrase_key: Computed<string>;
    expansion_key: Computed<string>;
  };
  catalog_import_run: {
    id: string;
    source: string;
    format: string | null;
    status: string;
    actor_id: string | null;
    started_at: Date;
    finished_at: Date | null;
    counts: JSONColumnType<Partial<ImportCounts>>;
    anomalies: JSONColumnType<ImportAnomaly[]>;
    error: JSONColumnType<{ line: number | null; message: { vi: string; en: string } } | null, string | null, string | null>;
  };
}
