import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { sniffMediaType } from '../../platform/files.ts';
import { t } from '../../platform/i18n.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * An uploaded body checked (not empty; PDF, JPEG or PNG by its content, whatever it claims) and put in
 * the file store under its SHA-256. The caller records the `stored_file` row with its own owner.
 */
export async function acceptUpload(ctx: AppContext, body: Buffer | undefined) {
  if (!body || body.length === 0)
    throw new AppError(400, 'empty_file', t('Tệp rỗng', 'The file is empty'), [{ path: 'body', code: 'empty_file', message: t('Tệp rỗng', 'The file is empty') }]);
  const mediaType = sniffMediaType(body);
  if (!mediaType)
    throw new AppError(400, 'unsupported_file_type', t('Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)', 'Only PDF, JPEG or PNG files (checked by content)'), [
      { path: 'body', code: 'unsupported_file_type', message: t('Nội dung không phải PDF, JPEG hay PNG', 'Content is not PDF, JPEG or PNG') },
    ]);
  const stored = await ctx.files.put(body);
  return { sha256: stored.sha256, mediaType, size: stored.size };
}
