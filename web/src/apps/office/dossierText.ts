import type { TFunction } from 'i18next';
import { STATUS_NAMES, type DossierStatus } from '@motcua/core/dossiers/statuses.ts';
import type { Lang } from '../../i18n/index.ts';

/** The portal's status names (core/dossiers/statuses.ts) in the current language. */
export function statusName(status: number | null, lang: Lang): string {
  const names = STATUS_NAMES[status as DossierStatus];
  return names ? names[lang] : String(status ?? '—');
}

/** Status colours: finished green, paused orange, refused or stopped grey, the rest blue. */
export function statusColor(status: number): string {
  if (status === 9 || status === 10) return 'green';
  if (status === 5 || status === 6 || status === 7) return 'orange';
  if (status === 3 || status === 8) return 'gray';
  return 'blue';
}

const CHANNEL_KEYS = { 1: 'in_person', 2: 'online', 3: 'postal' } as const;

/** The wire's channel number (1 in person, 2 online, 3 post) in words. */
export function channelText(channel: number, t: TFunction): string {
  const key = CHANNEL_KEYS[channel as keyof typeof CHANNEL_KEYS];
  return key ? t(`office.reception.channels.${key}`) : String(channel);
}

/** Badge styles for long status names: wrap instead of an ellipsis. */
export const WRAPPING_BADGE = {
  root: { height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const;
