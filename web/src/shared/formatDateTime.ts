import { currentLocale } from '../i18n/index.ts';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A moment as Vietnam's wall clock shows it, whatever the browser's own time zone. */
export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone: VIETNAM_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(typeof value === 'string' ? new Date(value) : value);
}
