import type {
  ActionInput as ActionInputSchema,
  DossierDetail as DossierDetailSchema,
  DossierSummary as DossierSummarySchema,
  HandedDocument as HandedDocumentSchema,
  QueueResult as QueueResultSchema,
  ReceptionInput as ReceptionInputSchema,
} from '@motcua/core/dossiers/schemas.ts';
import { api } from './client.ts';
import type { Wire, WireInput } from './wire.ts';

export type DossierSummary = Wire<typeof DossierSummarySchema>;
export type DossierDetail = Wire<typeof DossierDetailSchema>;
export type DossierEvent = DossierDetail['events'][number];
export type DossierDocument = DossierDetail['documents'][number];
export type DossierStep = DossierDetail['steps'][number];
export type QueueResult = Wire<typeof QueueResultSchema>;
export type ReceptionInput = WireInput<typeof ReceptionInputSchema>;
export type ActionInput = WireInput<typeof ActionInputSchema>;
export type ActionType = ActionInput['type'];
export type HandedDocument = WireInput<typeof HandedDocumentSchema>;

export interface QueueFilter {
  scope: 'unit' | 'mine';
  status: number | null;
  overdue: boolean;
  q: string;
  page: number;
  pageSize?: number;
}

export const dossierPaths = {
  queue(filter: QueueFilter) {
    const params = new URLSearchParams({ scope: filter.scope, page: String(filter.page), pageSize: String(filter.pageSize ?? 25) });
    if (filter.status) params.set('status', String(filter.status));
    if (filter.overdue) params.set('overdue', 'true');
    if (filter.q.trim()) params.set('q', filter.q.trim());
    return `/api/dossiers?${params}`;
  },
  detail: (id: string) => `/api/dossiers/${encodeURIComponent(id)}`,
  file: (id: string, sha256: string) => `/api/dossiers/${encodeURIComponent(id)}/files/${sha256}`,
};

/** 201 with the new dossier, or 200 with the one already made under the same idempotency key. */
export const receiveDossier = (input: ReceptionInput) => api.post<DossierDetail>('/api/dossiers', input);

export const actOnDossier = (id: string, input: ActionInput) => api.post<DossierDetail>(`/api/dossiers/${encodeURIComponent(id)}/actions`, input);
