import type { Queryable } from '../../database.ts';

const unitColumns = [
  'id',
  'parent_id',
  'path',
  'province_code',
  'kind',
  'code',
  'name',
  'commune_code',
  'address',
  'active',
] as const;

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & {};

export function findUnit(db: Queryable, id: string) {
  return db.selectFrom('unit').select(unitColumns).where('id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Queryable, code: string) {
  return db.selectFrom('unit').select(unitColumns).where('code', '=', code).executeTakeFirst();
}

/** Every unit below (and including) the given subtree roots, ordered so parents come first. */
export function listUnitsUnder(db: Queryable, paths: string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit')
    .select(unitColumns)
    .where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p}%`))))
    .orderBy('path')
    .execute();
}

export function listActiveUnits(db: Queryable) {
  return db.selectFrom('unit').select(unitColumns).where('active', '=', true).orderBy('path').execute();
}

export async function insertUnit(
  db: Queryable,
  row: {
    id: string;
    parent_id: string | null;
    path: string;
    province_code: string;
    kind: string;
    code: string;
    name: string;
    commune_code: string | null;
    address: string | null;
  },
) {
  await db.insertInto('unit').values(row).execute();
}

export async function updateUnit(
  db: Queryable,
  id: string,
  patch: Partial<{ kind: string; code: string; name: string; commune_code: string | null; address: string | null; active: boolean }>,
  now: Date,
) {
  await db.updateTable('unit').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
}

export function unitCodeTaken(db: Queryable, code: string, exceptId?: string) {
  let q = db.selectFrom('unit').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst().then((r) => r !== undefined);
}

export function listProvinces(db: Queryable) {
  return db.selectFrom('province').selectAll().orderBy('code').execute();
}

export function findProvince(db: Queryable, code: string) {
  return db.selectFrom('province').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listCommunes(db: Queryable, provinceCode: string) {
  return db.selectFrom('commune').selectAll().where('province_code', '=', provinceCode).orderBy('code').execute();
}

export function findCommune(db: Queryable, code: string) {
  return db.selectFrom('commune').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findLegacyMappings(
  db: Queryable,
  by: { oldCode?: string | undefined; nameKey?: string | undefined; districtKey?: string | undefined; provinceKey?: string | undefined },
) {
  let q = db
    .selectFrom('legacy_commune_mapping')
    .leftJoin('province', 'province.code', 'legacy_commune_mapping.new_province_code')
    .selectAll('legacy_commune_mapping')
    .select('province.name as new_province_name');
  if (by.oldCode) q = q.where('old_code', '=', by.oldCode);
  if (by.nameKey) q = q.where('old_name_key', '=', by.nameKey);
  if (by.districtKey) q = q.where('old_district_key', '=', by.districtKey);
  if (by.provinceKey) q = q.where('old_province_key', '=', by.provinceKey);
  return q.orderBy('old_code').orderBy('new_code').limit(200).execute();
}

export async function countReferenceData(db: Queryable) {
  const [p, c, m] = await Promise.all([
    db.selectFrom('province').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('commune').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('legacy_commune_mapping').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { provinces: Number(p.n), communes: Number(c.n), mappings: Number(m.n) };
}
