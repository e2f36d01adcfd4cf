import type {
  FacetCount as FacetCountSchema,
  ImportReport as ImportReportSchema,
  ImportRunSummary as ImportRunSummarySchema,
  Level,
  OnlineLevel,
  ProcedureDetail as ProcedureDetailSchema,
  ProcedureSearchResult as SearchResultSchema,
  ProcedureUpdate as ProcedureUpdateSchema,
  Synonym,
  SynonymList,
  VersionSnapshot as VersionSnapshotSchema,
  VersionSummary as VersionSummarySchema,
} from '@motcua/core/catalog/schemas.ts';
import { api } from './client.ts';
import type { Wire, WireInput } from './wire.ts';

/**
 * The procedure catalog on the wire: the portal's search, detail and browse lists (public), and the
 * administrators' edits, version history, synonyms and imports. Shapes from core/src/catalog/schemas.ts.
 */
export type ProcedureDetail = Wire<typeof ProcedureDetailSchema>;
export type ProcedureContent = Omit<ProcedureDetail, 'completeness' | 'version'>;
export type ProcedureSearchResult = Wire<typeof SearchResultSchema>;
export type ProcedureSummary = ProcedureSearchResult['items'][number];
export type ChannelOption = ProcedureDetail['channels'][number];
export type ProcedureCase = ProcedureDetail['cases'][number];
export type RequiredDocument = ProcedureDetail['documents'][number];
export type ProcessingTime = ChannelOption['processingTime'];
export type Fee = ChannelOption['fees'][number];
export type AgencyRef = ProcedureDetail['executingAgencies'][number];
export type FacetCount = Wire<typeof FacetCountSchema>;
export type ProcedureUpdate = WireInput<typeof ProcedureUpdateSchema>;
export type VersionSummary = Wire<typeof VersionSummarySchema>;
export type VersionSnapshot = Wire<typeof VersionSnapshotSchema>;
export type ImportReport = Wire<typeof ImportReportSchema>;
export type ImportRunSummary = Wire<typeof ImportRunSummarySchema>;
export type ImportAnomaly = ImportReport['anomalies'][number];
export type { Synonym };

/** What the portal's search page keeps in its URL (and sends as the query). */
export interface SearchFilters {
  q: string;
  field: string | null;
  level: Level | null;
  agency: string | null;
  online: OnlineLevel | null;
  page: number;
}

export const SEARCH_PAGE_SIZE = 20;

const enc = encodeURIComponent;

export const procedurePaths = {
  search(filters: SearchFilters) {
    const query = new URLSearchParams();
    if (filters.q.trim()) query.set('q', filters.q.trim());
    if (filters.field) query.set('field', filters.field);
    if (filters.level) query.set('level', filters.level);
    if (filters.agency) query.set('agency', filters.agency);
    if (filters.online) query.set('online', filters.online);
    if (filters.page > 1) query.set('page', String(filters.page));
    query.set('pageSize', String(SEARCH_PAGE_SIZE));
    return `/api/public/procedures?${query}`;
  },
  detail: (code: string) => `/api/public/procedures/${enc(code)}`,
  fields: '/api/public/catalog/fields',
  agencies: '/api/public/catalog/agencies',
  versions: (code: string) => `/api/procedures/${enc(code)}/versions`,
  version: (code: string, n: number) => `/api/procedures/${enc(code)}/versions/${n}`,
  synonyms: '/api/catalog/synonyms',
  imports: '/api/catalog/imports',
  importReport: (id: string) => `/api/catalog/imports/${enc(id)}`,
};

/** An edit: the server writes a new version (and nothing when the content is the same). */
export const updateProcedure = (code: string, update: ProcedureUpdate) => api.patch<ProcedureDetail>(`/api/procedures/${enc(code)}`, update);

export const fetchVersion = (code: string, n: number, signal?: AbortSignal) => api.get<VersionSnapshot>(procedurePaths.version(code, n), signal);

export const replaceSynonyms = (synonyms: SynonymList['synonyms']) => api.put<Synonym[]>(procedurePaths.synonyms, { synonyms } satisfies SynonymList);

/** The import formats by file name: the portal's JSON lines, or its Excel list. */
export const IMPORT_CONTENT_TYPES = {
  jsonl: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function importContentType(fileName: string): string | null {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'jsonl' || extension === 'ndjson') return IMPORT_CONTENT_TYPES.jsonl;
  if (extension === 'xlsx') return IMPORT_CONTENT_TYPES.xlsx;
  return null;
}

/** Sends the file as it is (streamed by the server); the report comes back, failed or not. */
export const uploadCatalogFile = (file: File, contentType: string) =>
  api.postBlob<ImportReport>(`${procedurePaths.imports}?${new URLSearchParams({ filename: file.name })}`, file, contentType);
