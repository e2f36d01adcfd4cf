import type { TFunction } from 'i18next';
import type { Fee, ProcessingTime } from '../../api/procedures.ts';
import type { Lang } from '../../i18n/index.ts';
import type { MandatoryComponent } from './catalogValues.ts';

/** How the catalog's facts read in the current language: money, processing times, fees, missing parts. */

const localeOf = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'vi-VN');

export const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 }).format(value);

/** Integer đồng: "50.000 đ" (English: "50,000 VND"). */
export const formatMoney = (amount: number, t: TFunction, lang: Lang) => t('catalog.money', { amount: formatNumber(amount, lang) });

/**
 * "7 ngày làm việc", "0,5 ngày làm việc"; a number whose unit is only in the catalog's prose says so;
 * the catalog's own words follow the number when it gives both.
 */
export function processingTimeText(time: ProcessingTime | null, t: TFunction, lang: Lang): string {
  if (!time) return t('catalog.time.unknown');
  const words = time.text?.trim() || null;
  if (time.value === null || time.unit === 'none') return words ?? t('catalog.time.none');
  const value = formatNumber(time.value, lang);
  const count = time.value;
  const amount =
    time.unit === 'working_day'
      ? t('catalog.time.working_day', { value, count })
      : time.unit === 'working_hour'
        ? t('catalog.time.working_hour', { value, count })
        : time.unit === 'calendar_day'
          ? t('catalog.time.calendar_day', { value, count })
          : time.unit === 'month'
            ? t('catalog.time.month', { value, count })
            : t('catalog.time.other', { value });
  return words ? `${amount} — ${words}` : amount;
}

/** "Lệ phí: 8.000 đ", with the catalog's words after it; text only when there is no amount. */
export function feeText(fee: Fee, t: TFunction, lang: Lang): string {
  const kind = t(`catalog.feeKinds.${fee.kind}`);
  const words = fee.text?.trim() || null;
  if (fee.amount === null) return `${kind}: ${words ?? t('catalog.fees.noAmount')}`;
  const amount = formatMoney(fee.amount, t, lang);
  return words ? `${kind}: ${amount} — ${words}` : `${kind}: ${amount}`;
}

/** "trình tự thực hiện, thời hạn giải quyết" */
export const missingComponentsText = (missing: readonly MandatoryComponent[], t: TFunction) =>
  missing.map((component) => t(`catalog.components.${component}`)).join(', ');
