import type { Problem } from '@motcua/core/http/problem.ts';
import { ApiError } from '../api/client.ts';
import type { Lang } from '../i18n/index.ts';

export function problemOf(error: unknown): Problem | null {
  return error instanceof ApiError ? error.problem : null;
}

/** `body.roles[0].unitId` → `roles[0].unitId`: the path inside the form that was sent. */
export function formPath(problemPath: string): string {
  return problemPath.replace(/^(body|querystring|params)\.?/, '');
}

/** `roles[0].unitId` → `roles` */
export function topField(path: string): string {
  return path.split(/[.[]/, 1)[0] ?? path;
}

/** The problem's field errors in the current language, keyed by form path (several joined by "; "). */
export function fieldErrorsOf(error: unknown, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const fieldError of problemOf(error)?.errors ?? []) {
    const path = formPath(fieldError.path);
    const text = fieldError.message[lang];
    out[path] = out[path] ? `${out[path]}; ${text}` : text;
  }
  return out;
}
