/**
 * Statutory public holidays (Labour Code 2019, art. 112) as computed defaults
 * for a year, before the Prime Minister's yearly decision is known, and the
 * compensatory-day rule for holidays falling on a weekly rest day.
 */
import { lunarNewYear, lunarToSolar } from './lunar.ts';
import { epochDayOf, weekdayOfEpochDay } from './local-date.ts';

export const HOLIDAY_IDS = ['newYear', 'tet', 'hungKings', 'reunificationDay', 'labourDay', 'nationalDay'] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/** Vietnamese names, used as labels of computed days (the UI translates by `HolidayId`). */
export const HOLIDAY_LABELS: Readonly<Record<HolidayId, string>> = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunificationDay: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
};
export const COMPENSATORY_LABEL = 'Nghỉ bù';

export interface HolidayRules {
  /**
   * Art. 112(1)(đ) gives 2/9 "and one adjacent day before or after"; the Prime
   * Minister picks it each year. Default 'before': recent decisions (2026 among
   * them) mostly chose 1/9. Only a default: the official schedule replaces it.
   */
  readonly nationalDayAdjacent: 'before' | 'after';
}

export const DEFAULT_HOLIDAY_RULES: HolidayRules = { nationalDayAdjacent: 'before' };

/** One occurrence of a statutory holiday, as the law alone defines it. */
export interface StatutoryHoliday {
  readonly id: HolidayId;
  readonly year: number;
  /** The day that names the holiday (1/1, lunar 1/1, lunar 10/3, 30/4, 1/5, 2/9), as an epoch day. */
  readonly anchorDay: number;
  /** Days off by law, as epoch days, in order. */
  readonly days: readonly number[];
}

/** The law's anchor day of a holiday in a Gregorian year (epoch day). */
export function holidayAnchorDay(id: HolidayId, year: number): number {
  switch (id) {
    case 'newYear':
      return epochDayOf(year, 1, 1);
    case 'tet': {
      const tet = lunarNewYear(year);
      return epochDayOf(tet.year, tet.month, tet.day);
    }
    case 'hungKings': {
      // 10th day of the 3rd month, never of a leap 3rd month.
      const day = lunarToSolar({ year, month: 3, leap: false, day: 10 });
      return epochDayOf(day.year, day.month, day.day);
    }
    case 'reunificationDay':
      return epochDayOf(year, 4, 30);
    case 'labourDay':
      return epochDayOf(year, 5, 1);
    case 'nationalDay':
      return epochDayOf(year, 9, 2);
  }
}

export function statutoryHoliday(id: HolidayId, year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): StatutoryHoliday {
  const anchorDay = holidayAnchorDay(id, year);
  let days: number[];
  switch (id) {
    case 'tet':
      // Art. 112 gives 5 days; the usual arrangement, and our default, is New Year's Eve + days 1–4.
      days = [anchorDay - 1, anchorDay, anchorDay + 1, anchorDay + 2, anchorDay + 3];
      break;
    case 'nationalDay':
      days = rules.nationalDayAdjacent === 'before' ? [anchorDay - 1, anchorDay] : [anchorDay, anchorDay + 1];
      break;
    default:
      days = [anchorDay];
  }
  return { id, year, anchorDay, days };
}

/** All statutory holidays of a Gregorian year, in date order. */
export function statutoryHolidays(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): StatutoryHoliday[] {
  return HOLIDAY_IDS.map((id) => statutoryHoliday(id, year, rules)).sort((a, b) => a.anchorDay - b.anchorDay);
}

/** Saturday and Sunday (QĐ 188/1999/QĐ-TTg), the national weekly rest days. */
export function isWeeklyRestDay(epochDay: number): boolean {
  return weekdayOfEpochDay(epochDay) >= 6;
}

/**
 * Art. 112(3): a holiday on a weekly rest day is compensated on the next
 * working day. Holidays are processed in date order and each compensatory day
 * takes the first day that is neither a rest day, nor a day off, nor already
 * taken — so a Tết block spanning a weekend yields consecutive days after it.
 *
 * @param holidayDays the statutory days to check, with what they belong to
 * @param isDayOff whether a day is already off (holidays, official days off)
 * @returns compensatory epoch days, each with the holiday that earned it
 */
export function compensatoryDays<T>(
  holidayDays: readonly { readonly day: number; readonly holiday: T }[],
  isDayOff: (epochDay: number) => boolean,
): { day: number; holiday: T }[] {
  const taken = new Set<number>();
  const result: { day: number; holiday: T }[] = [];
  for (const { day, holiday } of [...holidayDays].sort((a, b) => a.day - b.day)) {
    if (!isWeeklyRestDay(day)) continue;
    let candidate = day + 1;
    while (isWeeklyRestDay(candidate) || isDayOff(candidate) || taken.has(candidate)) candidate++;
    taken.add(candidate);
    result.push({ day: candidate, holiday });
  }
  return result;
}
