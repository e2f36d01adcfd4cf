import { CalendarError, DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR } from '@motcua/core/calendar/index.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';


const MESSAGES: Record<string, { vi: string; en: string }> = {
  INVALID_DATE: t('Ngày không hợp lệ', 'Invalid date'),
  INVALID_TIME: t('Giờ không hợp lệ', 'Invalid time of day'),
  INVALID_INSTANT: t('Thời điểm không hợp lệ', 'Invalid date and time'),
  INVALID_DURATION: t('Thời hạn không hợp lệ', 'Invalid duration'),
  NEGATIVE_DURATION: t('Thời hạn không được âm', 'The duration must not be negative'),
  INVALID_HOURS: t('Giờ làm việc không hợp lệ', 'Invalid working hours'),
  INVALID_SCHEDULE: t('Lịch nghỉ, làm bù không hợp lệ', 'Invalid schedule'),
  YEAR_OUT_OF_RANGE: t(
    `Năm nằm ngoài phạm vi lịch (${DEFAULT_FROM_YEAR}–${DEFAULT_TO_YEAR})`,
    `Year outside the calendar's range (${DEFAULT_FROM_YEAR}–${DEFAULT_TO_YEAR})`,
  ),
};

/**
 * A calendar error from the pure core, as a 400 problem naming the field it came from.
 * Anything else is passed through unchanged.
 */
export function calendarProblem(error: unknown, field: string): unknown {
  if (!(error instanceof CalendarError)) return error;
  const text = MESSAGES[error.code] ?? t('Dữ liệu lịch không hợp lệ', 'Invalid calendar input');
  const message = t(`${text.vi} (${error.message})`, `${text.en} (${error.message})`);
  return errors.validation([{ path: field, code: error.code, message }]) as AppError;
}

/** Runs `work`, turning calendar errors into 400 problems at `field`. */
export function withCalendarErrors<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw calendarProblem(error, field);
  }
}
