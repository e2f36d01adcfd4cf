import type { CitizenDossierDetail, CitizenDossierSummary, DraftView, EformView, OnlineQueue } from '@motcua/core/eforms/schemas.ts';
import type { CitizenSession } from '@motcua/core/citizens/schemas.ts';
import type { Problem } from '@motcua/core/http/problem.ts';
import { api, ApiError } from '../../../api/client.ts';
import { i18n } from '../../../i18n/index.ts';

/**
 * The citizen side of the API. Citizen writes carry the citizen session's CSRF token in
 * `x-citizen-csrf` (the staff client's token is for staff sessions only).
 */
let citizenCsrf: string | null = null;
export const setCitizenCsrf = (token: string | null) => {
  citizenCsrf = token;
};

async function send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: { json: unknown } | { blob: Blob; contentType: string }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body) headers['content-type'] = 'json' in body ? 'application/json' : body.contentType;
  if (method !== 'GET' && citizenCsrf) headers['x-citizen-csrf'] = citizenCsrf;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body ? { body: 'json' in body ? JSON.stringify(body.json) : body.blob } : {}) });
  } catch {
    throw new ApiError(localProblem(0, 'network_error'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const p = data as Partial<Problem> | undefined;
    throw new ApiError(p && typeof p.code === 'string' && p.message ? (p as Problem) : localProblem(response.status, response.status === 413 ? 'file_too_large' : 'http_error'));
  }
  return data as T;
}

function localProblem(status: number, code: string): Problem {
  const message = status === 0 ? { vi: i18n.t('errors.network', { lng: 'vi', status }), en: i18n.t('errors.network', { lng: 'en', status }) } : { vi: i18n.t('errors.unexpected', { lng: 'vi', status }), en: i18n.t('errors.unexpected', { lng: 'en', status }) };
  return { type: 'about:blank', title: message.en, status, code, detail: message.en, message };
}

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
