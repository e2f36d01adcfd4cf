import { useTranslation } from 'react-i18next';
import type { ProcessingTime } from '../../../api/procedures.ts';
import { CATALOG_TIME_UNITS } from './receptionDraft.ts';

/** "7 ngày làm việc", or the catalog's own words when it has no usable number. */
export function ProcessingTimeText({ time }: { time: ProcessingTime | null }) {
  const { t, i18n } = useTranslation();
  const unit = time ? CATALOG_TIME_UNITS[time.unit] : undefined;
  if (time && unit && time.value !== null && time.value > 0) {
    const value = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN').format(time.value);
    return <>{`${value} ${t(`office.reception.durationUnits.${unit}`)}`}</>;
  }
  if (time?.text) return <>{time.text}</>;
  if (time && time.value !== null && time.value > 0) return <>{t('office.reception.timeWithoutUnit', { value: time.value })}</>;
  return <>{t('office.reception.noProcessingTime')}</>;
}
