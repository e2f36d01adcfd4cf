import type {
  AnomalyKind,
  Channel,
  FeeKind,
  ImportFormat,
  Level,
  MandatoryComponent,
  OnlineLevel,
  ProcedureKind,
  ProcedureState,
  ResultDelivery,
  TimeUnit,
} from '@motcua/core/catalog/schemas.ts';

/**
 * The catalog's enumerations, repeated here so that no page imports core's schemas at run time (that
 * would bring zod into the chunk). `every<T>()` fails to compile when core adds a value missing here.
 */
const every =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })) =>
    values;

export const LEVELS = every<Level>()(['province', 'commune', 'ministry', 'other']);
export const ONLINE_LEVELS = every<OnlineLevel>()(['information', 'partly_online', 'fully_online']);
export const CHANNELS = every<Channel>()(['in_person', 'online', 'postal']);
export const FEE_KINDS = every<FeeKind>()(['fee', 'levy', 'price', 'other']);
export const TIME_UNITS = every<TimeUnit>()(['working_day', 'working_hour', 'calendar_day', 'month', 'other', 'none']);
export const PROCEDURE_STATES = every<ProcedureState>()(['active', 'updated', 'abolished']);
export const PROCEDURE_KINDS = every<ProcedureKind>()(['national', 'internal', 'province_specific']);
export const MANDATORY_COMPONENTS = every<MandatoryComponent>()(['name', 'steps', 'method', 'documents', 'time', 'applicants', 'agency']);
export const RESULT_DELIVERIES = every<ResultDelivery>()(['at_counter', 'by_post', 'online']);
export const IMPORT_FORMATS = every<ImportFormat>()(['dvcqg_detail', 'dvcqg_list', 'portal_excel']);
export const ANOMALY_KINDS = every<AnomalyKind>()([
  'non_nfc',
  'untrimmed_code',
  'malformed_code',
  'duplicate_code',
  'fee_text_mismatch',
  'time_unit_other',
  'time_missing_number',
  'documents_missing',
  'name_under_several_codes',
  'unknown_province',
  'unknown_value',
  'portal_error',
  'parse_error',
]);

export const isOneOf = <T extends string>(values: readonly T[], value: string | null | undefined): value is T =>
  (values as readonly (string | null | undefined)[]).includes(value);

/** Online levels at which a dossier may be submitted through the portal. */
export const submitsOnline = (level: OnlineLevel | null) => level === 'partly_online' || level === 'fully_online';

export type { AnomalyKind, Channel, FeeKind, ImportFormat, Level, MandatoryComponent, OnlineLevel, ProcedureKind, ProcedureState, ResultDelivery, TimeUnit };
