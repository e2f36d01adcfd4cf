import type { Problem } from '@motcua/core/http/problem.ts';
import { i18n } from '../i18n/index.ts';

/**
 * The one way the web apps talk to the API: JSON in and out, the session cookie sent by the browser,
 * the CSRF token added to every write, and every failure turned into a problem (problem+json).
 */

/** A failed request, carrying the server's problem (or one made up here for network failures). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
    this.name = 'ApiError';
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;

/** The token the session was given at sign-in (or by /api/auth/me); null after sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A problem made in the browser, worded in both languages like the server's. */
function localProblem(status: number, code: string, key: 'errors.network' | 'errors.unexpected'): Problem {
  const message = {
    vi: i18n.t(key, { lng: 'vi', status }),
    en: i18n.t(key, { lng: 'en', status }),
  };
  return { type: 'about:blank', title: message.en, status, code, detail: message.en, message };
}

/**
 * Structural check instead of the zod schema: it keeps zod out of the first bundle, and a problem
 * with an extra or missing optional member still shows its message.
 */
function isProblem(data: unknown): data is Problem {
  const p = data as Partial<Problem> | null;
  return (
    typeof p === 'object' && p !== null &&
    typeof p.status === 'number' && typeof p.code === 'string' &&
    typeof p.message?.vi === 'string' && typeof p.message?.en === 'string'
  );
}

/** What a request carries: JSON (the default), text of a given type (a CSV file being imported), or a file's bytes. */
export type RequestBody = { json: unknown } | { text: string; contentType: string } | { blob: Blob; contentType: string };

function encodeBody(body: RequestBody): BodyInit {
  if ('json' in body) return JSON.stringify(body.json);
  return 'text' in body ? body.text : body.blob;
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { json: body }, signal);
}

/** Which session's CSRF token a write carries: the staff session's by default. */
export interface CsrfSource {
  header: string;
  token: () => string | null;
}
const staffCsrf: CsrfSource = { header: 'x-csrf-token', token: () => csrfToken };

export async function send<T>(method: Method, path: string, body: RequestBody | undefined, signal?: AbortSignal, csrf: CsrfSource = staffCsrf): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body) headers['content-type'] = 'json' in body ? 'application/json' : body.contentType;
  const token = csrf.token();
  if (method !== 'GET' && token) headers[csrf.header] = token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body ? { body: encodeBody(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(localProblem(0, 'network_error', 'errors.network'));
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
    throw new ApiError(isProblem(data) ? data : localProblem(response.status, response.status === 413 ? 'file_too_large' : 'http_error', 'errors.unexpected'));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  /** PUT of a text document (e.g. text/csv); the answer is still JSON. */
  putText: <T>(path: string, text: string, contentType: string) => send<T>('PUT', path, { text, contentType }),
  /** POST of a file's raw bytes (an upload); the answer is JSON. */
  postBlob: <T>(path: string, blob: Blob, contentType: string) => send<T>('POST', path, { blob, contentType }),
};
