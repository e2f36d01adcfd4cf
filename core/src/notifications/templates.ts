/**
 * Notification templates are data (one row per event kind and channel, edited by administrators); this
 * file knows which kinds exist, which placeholders each may use, and how a template is filled in.
 * Placeholders are `{{name}}`; an unknown one is refused when the template is saved, never sent raw.
 */
import { unaccent } from './unaccent.ts';

export const NOTIFICATION_KINDS = [
  'dossier_received',
  'intake_supplement_requested',
  'supplement_requested',
  'result_ready',
  'apology_issued',
  'rating_invite',
  'petition_answered',
  'sms_reply',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const CHANNELS = ['sms', 'email'] as const;
export type NotificationChannel = (typeof CHANNELS)[number];

const DOSSIER_FIELDS = ['code', 'secret', 'procedure', 'applicant', 'receivedAt', 'dueAt', 'lookupUrl'] as const;

/** The placeholders each kind may use. */
export const PLACEHOLDERS: Record<NotificationKind, readonly string[]> = {
  dossier_received: DOSSIER_FIELDS,
  intake_supplement_requested: ['procedure', 'applicant', 'reason', 'missing'],
  supplement_requested: [...DOSSIER_FIELDS, 'reason', 'missing'],
  result_ready: [...DOSSIER_FIELDS, 'returnPlace'],
  apology_issued: [...DOSSIER_FIELDS, 'reason', 'newDueAt'],
  rating_invite: [...DOSSIER_FIELDS, 'ratingUrl'],
  petition_answered: ['code', 'title', 'petitioner', 'followUrl'],
  sms_reply: ['text'],
};

export const KIND_NAMES: Record<NotificationKind, { vi: string; en: string }> = {
  dossier_received: { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  intake_supplement_requested: { vi: 'Yêu cầu bổ sung khi tiếp nhận (nộp trực tuyến)', en: 'Supplement requested at intake (online)' },
  supplement_requested: { vi: 'Yêu cầu bổ sung trong quá trình giải quyết', en: 'Supplement requested during processing' },
  result_ready: { vi: 'Đã có kết quả', en: 'Result ready' },
  apology_issued: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apology and new date' },
  rating_invite: { vi: 'Mời đánh giá mức độ hài lòng', en: 'Invitation to rate the service' },
  petition_answered: { vi: 'Đã trả lời phản ánh, kiến nghị', en: 'Petition answered' },
  sms_reply: { vi: 'Trả lời tin nhắn tra cứu', en: 'Reply to an SMS command' },
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Placeholders used in `text` that `kind` does not offer. */
export function unknownPlaceholders(kind: NotificationKind, text: string): string[] {
  const allowed = new Set(PLACEHOLDERS[kind]);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !allowed.has(name));
}

/** Fills the placeholders; a missing value becomes an empty string, never the raw `{{name}}`. */
export function render(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '').normalize('NFC');
}

/** The SMS text: the template's own unaccented variant when it has one, otherwise the body without diacritics. */
export function smsText(body: string, unaccentedBody: string | null, values: Record<string, string | null | undefined>): string {
  const plainValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v == null ? v : unaccent(v)]));
  return unaccentedBody ? unaccent(render(unaccentedBody, plainValues)) : unaccent(render(body, plainValues));
}

/** GSM 7-bit segments an SMS of `text` takes (160 characters alone, 153 a part when concatenated). */
export const smsSegments = (text: string) => (text.length <= 160 ? 1 : Math.ceil(text.length / 153));

/** "14:30 25/02/2026": how dates read in messages (Vietnam time). */
export function messageDateTime(ms: number): string {
  const local = new Date(ms + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCHours())}:${p(local.getUTCMinutes())} ${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}
