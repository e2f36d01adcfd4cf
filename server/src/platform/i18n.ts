import type { LocalizedText } from '@motcua/core/http/problem.ts';

export type Lang = 'vi' | 'en';

/** The client's language: `?lang=`, then Accept-Language; Vietnamese unless English is preferred. */
export function pickLang(acceptLanguage: string | undefined, queryLang?: unknown): Lang {
  if (queryLang === 'en' || queryLang === 'vi') return queryLang;
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export const t = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Messages for validation issues, keyed by Zod issue code (and a few custom message keys). */
export function describeIssue(issue: {
  code: string;
  message?: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  keys?: string[];
  format?: unknown;
  values?: unknown[];
}): LocalizedText {
  const custom = CUSTOM_MESSAGES[issue.message ?? ''];
  if (custom) return custom;
  const isString = issue.origin === 'string';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message?.includes('received undefined')
        ? t('Bắt buộc phải có', 'Required')
        : t(`Sai kiểu dữ liệu: cần ${String(issue.expected)}`, `Wrong type: expected ${String(issue.expected)}`);
    case 'too_big':
      return isString
        ? t(`Dài quá ${String(issue.maximum)} ký tự`, `Longer than ${String(issue.maximum)} characters`)
        : t(`Lớn hơn mức tối đa ${String(issue.maximum)}`, `Greater than the maximum ${String(issue.maximum)}`);
    case 'too_small':
      return isString && issue.minimum === 1
        ? t('Không được để trống', 'Must not be empty')
        : isString
          ? t(`Ngắn hơn ${String(issue.minimum)} ký tự`, `Shorter than ${String(issue.minimum)} characters`)
          : t(`Nhỏ hơn mức tối thiểu ${String(issue.minimum)}`, `Less than the minimum ${String(issue.minimum)}`);
    case 'unrecognized_keys':
      return t(
        `Trường không được chấp nhận: ${(issue.keys ?? []).join(', ')}`,
        `Unknown field(s): ${(issue.keys ?? []).join(', ')}`,
      );
    case 'invalid_format':
      return t(`Sai định dạng (${String(issue.format)})`, `Invalid format (${String(issue.format)})`);
    case 'invalid_value':
      return t(
        `Giá trị không hợp lệ; chấp nhận: ${(issue.values ?? []).map(String).join(', ')}`,
        `Invalid value; allowed: ${(issue.values ?? []).map(String).join(', ')}`,
      );
    default:
      return t(`Giá trị không hợp lệ (${issue.message ?? issue.code})`, issue.message ?? 'Invalid value');
  }
}

const CUSTOM_MESSAGES: Record<string, LocalizedText> = {
  agency_code_format: t(
    'Mã định danh chỉ gồm chữ in hoa, chữ số và dấu . _ - (tối đa 35 ký tự), ví dụ 000.00.06.H56',
    'Agency code: upper-case letters, digits and . _ - only (at most 35), e.g. 000.00.06.H56',
  ),
  citizen_id_format: t('Số định danh cá nhân phải gồm đúng 12 chữ số', 'The personal ID number must be exactly 12 digits'),
  citizen_id_province: t('Ba chữ số đầu của số định danh không phải mã tỉnh hợp lệ', 'The first three digits of the ID number are not a province code'),
  citizen_id_birth_year: t('Năm sinh trong số định danh không hợp lệ', 'The birth year in the ID number is impossible'),
  phone_format: t('Số điện thoại phải có 10–11 chữ số, bắt đầu bằng 0 hoặc +84', 'Phone: 10–11 digits starting with 0 or +84'),
  duration_format: t('Thời hạn dạng 3, 0.5wd, 4wh, 3cd hoặc 2mo', 'Duration like 3, 0.5wd, 4wh, 3cd or 2mo'),
  instant_format: t('Thời điểm dạng YYYY-MM-DDTHH:MM (giờ Việt Nam) hoặc ISO 8601 có múi giờ', 'Time as YYYY-MM-DDTHH:MM (Vietnam time) or ISO 8601 with an offset'),
  'expected a period as HH:MM-HH:MM': t('Khung giờ phải có dạng HH:MM-HH:MM, ví dụ 07:00-11:30', 'A period must look like HH:MM-HH:MM, e.g. 07:00-11:30'),
  'expected an existing date as YYYY-MM-DD': t('Ngày phải có dạng YYYY-MM-DD và là ngày có thật', 'A date must be YYYY-MM-DD and exist'),
  'label is required': t('Cần ghi chú (tên ngày nghỉ, làm bù)', 'A label is required'),
  username_format: t(
    'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và . _ -',
    'Username: lower-case ASCII letters, digits and . _ - only',
  ),
};
