import type { SandboxMessage, NotificationTemplate } from '@motcua/core/notifications/schemas.ts';
import type { RatingForm } from '@motcua/core/ratings/schemas.ts';
import { api } from './client.ts';

export type { SandboxMessage, NotificationTemplate, RatingForm };

export const sandboxInboxPath = (recipient: string, channel: string) => {
  const params = new URLSearchParams({ limit: '100' });
  if (recipient.trim()) params.set('recipient', recipient.trim());
  if (channel) params.set('channel', channel);
  return `/api/sandbox/inbox?${params}`;
};

export const ratingFormPath = (code: string, secret: string) => `/api/public/ratings/${encodeURIComponent(code)}?k=${encodeURIComponent(secret)}`;

export const sendRating = (code: string, body: { secret: string; overall: string; extraContacts: number; otherAgencies: number; comment: string | null; source: 'portal' | 'sms' | 'kiosk' }) =>
  api.post(`/api/public/ratings/${encodeURIComponent(code)}`, body);

export const saveTemplate = (kind: string, channel: string, body: { subject?: string | null; body: string; unaccentedBody: string | null; enabled: boolean }) =>
  api.put<NotificationTemplate>(`/api/notifications/templates/${kind}/${channel}`, body);
