import type { LocalizedText, ProblemFieldError } from '@motcua/core/http/problem.ts';
import { t } from './i18n.ts';

/**
 * A refusal the caller can act on: a stable code, an HTTP status, and the message in both languages.
 * Services throw these; the HTTP layer turns them into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly fieldErrors?: ProblemFieldError[],
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (fieldErrors: ProblemFieldError[]) =>
    new AppError(
      400,
      'validation_failed',
      t('Dữ liệu gửi lên không hợp lệ', 'The submitted data is invalid'),
      fieldErrors,
    ),
  badRequest: (code: string, text: LocalizedText, fieldErrors?: ProblemFieldError[]) =>
    new AppError(400, code, text, fieldErrors),
  unauthenticated: () =>
    new AppError(401, 'unauthenticated', t('Bạn cần đăng nhập', 'You need to sign in')),
  /** Deliberately the same whether the object is missing or out of reach: existence is not leaked. */
  forbidden: () =>
    new AppError(
      403,
      'forbidden',
      t('Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this'),
    ),
  notFound: (what: LocalizedText) =>
    new AppError(404, 'not_found', t(`Không tìm thấy ${what.vi}`, `${what.en} not found`)),
  conflict: (code: string, text: LocalizedText) => new AppError(409, code, text),
};
