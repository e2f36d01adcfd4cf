import type { CitizenDossierDetail, CitizenDossierSummary, DraftView, EformView, OnlineQueue } from '@motcua/core/eforms/schemas.ts';
import type { CitizenSession } from '@motcua/core/citizens/schemas.ts';
import { api, send as sendRequest, type CsrfSource, type RequestBody } from '../../../api/client.ts';

/**
 * The citizen side of the API. Citizen writes carry the citizen session's CSRF token in
 * `x-citizen-csrf` (the staff client's token is for staff sessions only).
 */
let citizenCsrf: string | null = null;
export const setCitizenCsrf = (token: string | null) => {
  citizenCsrf = token;
};

const citizenSession: CsrfSource = { header: 'x-citizen-csrf', token: () => citizenCsrf };
const send = <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: RequestBody) => sendRequest<T>(method, path, body, undefined, citizenSession);

export interface AttachedDocument {
  requirementIndex: number | null;
  name: string;
  fileSha256: string;
  fileName: string | null;
}

export const citizenApi = {
  me: () => send<CitizenSession>('GET', '/api/citizen/me'),
  logout: () => send<void>('POST', '/api/citizen/auth/logout'),
  requestCode: (phone: string) => send<{ expiresInMinutes: number }>('POST', '/api/citizen/auth/otp', { json: { phone } }),
  verifyCode: (phone: string, code: string) => send<CitizenSession>('POST', '/api/citizen/auth/otp/verify', { json: { phone, code } }),
  eform: (code: string) => api.get<EformView>(`/api/procedures/${encodeURIComponent(code)}/eform`),
  draft: (code: string) => send<DraftView | null>('GET', `/api/citizen/drafts/${encodeURIComponent(code)}`),
  saveDraft: (code: string, data: unknown, documents: AttachedDocument[]) => send<DraftView>('PUT', `/api/citizen/drafts/${encodeURIComponent(code)}`, { json: { data, documents } }),
  upload: (file: File) => send<{ sha256: string; mediaType: string; size: number }>('POST', `/api/citizen/files?name=${encodeURIComponent(file.name.slice(0, 200))}`, { blob: file, contentType: file.type || 'application/octet-stream' }),
  submit: (body: unknown) => send<CitizenDossierDetail>('POST', '/api/citizen/submissions', { json: body }),
  dossiers: () => send<CitizenDossierSummary[]>('GET', '/api/citizen/dossiers'),
  dossier: (id: string) => send<CitizenDossierDetail>('GET', `/api/citizen/dossiers/${id}`),
  supplement: (id: string, expectedVersion: number, documents: AttachedDocument[]) => send<CitizenDossierDetail>('POST', `/api/citizen/dossiers/${id}/supplement`, { json: { expectedVersion, documents } }),
};

export const onlineQueueApi = {
  list: () => api.get<OnlineQueue>('/api/online-submissions'),
  review: (id: string, body: unknown) => api.post<{ id: string; late: boolean; code: string | null }>(`/api/online-submissions/${id}/review`, body),
};

export type { CitizenDossierDetail, CitizenDossierSummary, EformView, OnlineQueue };
