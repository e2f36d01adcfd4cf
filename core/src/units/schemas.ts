import { z } from 'zod';

/** Text from outside is compared and stored in Unicode NFC (the national data mixes NFC and NFD). */
export const nfcText = (max: number) =>
  z.string().trim().min(1).max(max).transform((s) => s.normalize('NFC'));

/** A province (tỉnh / thành phố) of the two-level model in force since 1 July 2025. */
export const Province = z.object({
  code: z.string().describe('Mã tỉnh, 2 digits, e.g. 79'),
  name: z.string(),
  shortName: z.string(),
  abbreviation: z.string().describe('e.g. HCM'),
  placeType: z.string(),
});
export type Province = z.infer<typeof Province>;

/** A commune, ward or special zone (xã / phường / đặc khu) since 1 July 2025. */
export const Commune = z.object({
  code: z.string().describe('Mã xã, 5 digits, e.g. 25969'),
  name: z.string(),
  provinceCode: z.string(),
});
export type Commune = z.infer<typeof Commune>;

/** One row of the old (three-level) to new (two-level) conversion table. */
export const LegacyCommuneMapping = z.object({
  oldCode: z.string(),
  oldName: z.string(),
  oldDistrictName: z.string(),
  oldProvinceName: z.string(),
  newCode: z.string(),
  newName: z.string(),
  newProvinceCode: z.string().nullable(),
  newProvinceName: z.string().nullable(),
  note: z.string().nullable(),
});
export type LegacyCommuneMapping = z.infer<typeof LegacyCommuneMapping>;

export const LegacyAddressQuery = z.strictObject({
  oldCommuneCode: z.string().trim().regex(/^\d{5}$/).optional().describe('Mã xã cũ (5 digits)'),
  commune: nfcText(120).optional().describe('Tên xã/phường cũ'),
  district: nfcText(120).optional().describe('Tên quận/huyện cũ'),
  province: nfcText(120).optional().describe('Tên tỉnh cũ'),
});
export type LegacyAddressQuery = z.infer<typeof LegacyAddressQuery>;

export const UNIT_KINDS = [
  'province_committee',
  'service_centre',
  'department',
  'commune_committee',
  'other',
] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

/**
 * An agency's electronic identifier (mã định danh, QĐ 20/2020/QĐ-TTg): at most 35 characters from
 * 0-9 A-Z and '.', e.g. 000.00.06.H56; the national portal's newer codes also use '_' and '-'
 * (BCA_CAX, CQCM-NNMT-CAPXA), so those are accepted too.
 */
export const AgencyCode = z
  .string()
  .trim()
  .min(1)
  .max(35)
  .regex(/^[0-9A-Z][0-9A-Z._-]*$/, { message: 'agency_code_format' });

/** An agency or organisational unit: the service centre, a department, a commune People's Committee … */
export const Unit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  provinceCode: z.string(),
  kind: UnitKind,
  code: z.string(),
  name: z.string(),
  communeCode: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitCreate = z.strictObject({
  parentId: z.uuid(),
  kind: UnitKind,
  code: AgencyCode,
  name: nfcText(250),
  communeCode: z.string().trim().regex(/^\d{5}$/).nullable().optional(),
  address: nfcText(500).nullable().optional(),
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitUpdate = z.strictObject({
  kind: UnitKind.optional(),
  code: AgencyCode.optional(),
  name: nfcText(250).optional(),
  communeCode: z.string().trim().regex(/^\d{5}$/).nullable().optional(),
  address: nfcText(500).nullable().optional(),
  active: z.boolean().optional(),
});
export type UnitUpdate = z.infer<typeof UnitUpdate>;
