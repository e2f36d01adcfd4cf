import {
  PROCEDURE_CODE_PATTERN,
  type Channel,
  type Fee,
  type FeeKind,
  type Level,
  type ProcedureKind,
  type ProcedureState,
  type ProcessingTime,
  type ResultDelivery,
  type TimeUnit,
} from '@motcua/core/catalog/schemas.ts';
import type { RecordAnomalies } from './anomaly-log.ts';
import { cleanText, comparable } from './text.ts';

/** The portal's codes and words, mapped to the catalog's; anything unexpected is reported. */

export function procedureCode(raw: string, anomalies: RecordAnomalies): string {
  const code = raw.trim();
  if (code !== raw) anomalies.note('untrimmed_code', `code "${raw}" has surrounding spaces; stored as "${code}"`);
  if (!PROCEDURE_CODE_PATTERN.test(code)) anomalies.note('malformed_code', `code "${code}" is not d.dddddd[.suffix]; kept as published`);
  return code;
}

const KINDS: Record<string, ProcedureKind> = { STANDARD: 'national', STANDARD_INTERNAL: 'internal', SPECIFIC: 'province_specific' };

export function procedureKind(raw: unknown, anomalies: RecordAnomalies): ProcedureKind | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const kind = KINDS[raw];
  if (!kind) anomalies.note('unknown_value', `type "${raw}" is not STANDARD, STANDARD_INTERNAL or SPECIFIC; taken as STANDARD`);
  return kind ?? 'national';
}

const STATES: Record<string, ProcedureState> = { ACTIVE: 'active', UPDATED: 'updated', ABOLISHED: 'abolished', INACTIVE: 'abolished' };

export function procedureState(raw: unknown, anomalies: RecordAnomalies): ProcedureState | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const state = STATES[raw];
  if (!state) anomalies.note('unknown_value', `state "${raw}" is not ACTIVE, UPDATED or ABOLISHED; taken as ACTIVE`);
  return state ?? 'active';
}

const CHANNELS: Record<string, Channel> = { DIRECT: 'in_person', ONLINE: 'online', POSTAL: 'postal' };

export function channelOf(raw: string, anomalies: RecordAnomalies): Channel | null {
  const channel = CHANNELS[raw];
  if (!channel) anomalies.note('unknown_value', `submission method "${raw}" is not DIRECT, ONLINE or POSTAL; that method is left out`);
  return channel ?? null;
}

const TIME_UNITS: Record<string, TimeUnit> = {
  WORKING_DAY: 'working_day',
  DAY: 'calendar_day',
  HOUR: 'working_hour',
  MONTH: 'month',
  OTHER: 'other',
};

const PLAIN_NUMBER = /^\s*\d+(?:[.,]\d+)?\s*$/;

/**
 * A processing time as the portal gives it: a number (sometimes a numeric string) with a unit, or
 * prose in place of the number. Prose is kept as text with no number: a human decides the deadline.
 */
export function processingTime(value: unknown, unit: unknown, where: string, anomalies: RecordAnomalies): ProcessingTime {
  let number: number | null = null;
  let text: string | null = null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) number = value;
  else if (typeof value === 'string' && PLAIN_NUMBER.test(value)) number = Number(value.trim().replace(',', '.'));
  else if (typeof value === 'string') text = cleanText(value);
  let mapped: TimeUnit = 'none';
  if (typeof unit === 'string' && unit !== '') {
    mapped = TIME_UNITS[unit] ?? 'other';
    if (!TIME_UNITS[unit]) anomalies.note('unknown_value', `${where}: time unit "${unit}" unknown; stored as other`);
  }
  if (mapped === 'other') anomalies.note('time_unit_other', `${where}: unit OTHER with ${number ?? 'no number'}`);
  if (number === null)
    anomalies.note('time_missing_number', `${where}: ${text ? `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"` : 'nothing'} instead of a number`);
  return { value: number, unit: mapped, text };
}

const FEE_KINDS: Record<string, FeeKind> = { FEE: 'fee', SERVICE_FEE: 'levy', PRICE_LEVEL: 'price' };

/** Amounts in đồng written in a text: "7.000 đồng", "5000 đồng", "1.000.000đ", "45.000 VNĐ". */
export function amountsInText(text: string): number[] {
  const amounts: number[] = [];
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|vnđ|vnd|đ(?!\p{L}))/giu))
    amounts.push(Number(m[1]!.replace(/[.,]/g, '')));
  return amounts;
}

export function fee(raw: { type?: unknown; value?: unknown; description?: unknown }, where: string, anomalies: RecordAnomalies): Fee {
  const type = typeof raw.type === 'string' ? raw.type : '';
  const kind = FEE_KINDS[type] ?? 'other';
  if (!FEE_KINDS[type]) anomalies.note('unknown_value', `${where}: fee type "${type}" unknown; stored as other`);
  let amount: number | null = null;
  if (typeof raw.value === 'number') {
    if (Number.isInteger(raw.value) && raw.value >= 0) amount = raw.value;
    else anomalies.note('unknown_value', `${where}: fee ${raw.value} is not a whole number of đồng; stored without an amount`);
  }
  const text = cleanText(raw.description);
  const written = text ? amountsInText(text) : [];
  if (written.length > 0 && (amount === null || !written.includes(amount)))
    anomalies.note(
      'fee_text_mismatch',
      `${where}: amount ${amount === null ? 'missing' : `${amount} đồng`} but the text says ${written.map((a) => `${a} đồng`).join(', ')}`,
    );
  return { kind, amount, text };
}

const DELIVERIES: Record<string, ResultDelivery> = { AT_SUBMISSION_PLACE: 'at_counter', AT_HOME: 'by_post', ONLINE: 'online' };

export function resultDeliveries(values: string[], anomalies: RecordAnomalies): ResultDelivery[] {
  const out: ResultDelivery[] = [];
  for (const v of values) {
    const d = DELIVERIES[v];
    if (!d) anomalies.note('unknown_value', `returning method "${v}" unknown; left out`);
    else if (!out.includes(d)) out.push(d);
  }
  return out;
}

const word = (w: string) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u');
const COMMUNE = [word('cấp xã'), word('xã'), word('phường'), word('đặc khu')];
const PROVINCE = [word('cấp tỉnh'), word('tỉnh'), /^sở(?!\p{L})/u, word('thành phố trực thuộc trung ương')];
const MINISTRY = [/^(bộ|cục|tổng cục|văn phòng chính phủ|ngân hàng nhà nước việt nam|ủy ban chứng khoán)(?!\p{L})/u, word('bộ trưởng')];

/**
 * Where a list entry (which has no level flags) is carried out, inferred from its executing agencies'
 * names: "Ủy ban nhân dân cấp xã" → commune, "Sở …"/"… cấp tỉnh" → province, "Bộ …"/"Cục …" → ministry.
 * The detail's own flags replace this when the detail is imported.
 */
export function inferLevels(agencyNames: string[]): Level[] {
  const levels = new Set<Level>();
  for (const name of agencyNames) {
    const key = comparable(name);
    if (COMMUNE.some((r) => r.test(key))) levels.add('commune');
    else if (PROVINCE.some((r) => r.test(key))) levels.add('province');
    else if (MINISTRY.some((r) => r.test(key))) levels.add('ministry');
    else levels.add('other');
  }
  return (['province', 'commune', 'ministry', 'other'] as const).filter((l) => levels.has(l));
}
