import { randomUUID } from 'node:crypto';
import type { Unit, UnitCreate, UnitUpdate, LegacyAddressQuery } from '@motcua/core/units/schemas.ts';
import { unitNameKey } from '@motcua/core/units/name-key.ts';
import type { Db, Queryable } from '../../database.ts';
import { errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './units.repo.ts';

type UnitRecord = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

export function toUnit(row: UnitRecord): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    provinceCode: row.province_code,
    kind: row.kind as Unit['kind'],
    code: row.code,
    name: row.name,
    communeCode: row.commune_code,
    address: row.address,
    active: row.active,
  };
}

export const getUnitRecord = (db: Queryable, id: string) => repo.findUnit(db, id);
export const getUnitRecordByCode = (db: Queryable, code: string) => repo.findUnitByCode(db, code);
export const listUnitRecordsUnder = (db: Queryable, paths: string[]) => repo.listUnitsUnder(db, paths);

export async function listPublicUnits(db: Queryable): Promise<Unit[]> {
  return (await repo.listActiveUnits(db)).map(toUnit);
}

async function checkCommune(db: Queryable, communeCode: string | null | undefined, provinceCode: string) {
  if (!communeCode) return;
  const commune = await repo.findCommune(db, communeCode);
  if (!commune || commune.province_code !== provinceCode)
    throw errors.validation([
      {
        path: 'body.communeCode',
        code: 'unknown_commune',
        message: t(
          `Mã xã ${communeCode} không thuộc tỉnh ${provinceCode}`,
          `Commune code ${communeCode} is not in province ${provinceCode}`,
        ),
      },
    ]);
}

async function checkCodeFree(db: Queryable, code: string, exceptId?: string) {
  if (await repo.unitCodeTaken(db, code, exceptId))
    throw errors.conflict('unit_code_taken', t(`Mã định danh ${code} đã được dùng`, `Agency code ${code} is already used`));
}

/** Creates a unit under `parent` (already checked to be in the actor's jurisdiction). */
export async function createUnit(db: Db, clock: Clock, actorId: string | null, parent: UnitRecord, input: UnitCreate): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    await checkCodeFree(trx, input.code);
    await checkCommune(trx, input.communeCode, parent.province_code);
    const id = randomUUID();
    const row = {
      id,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      province_code: parent.province_code,
      kind: input.kind,
      code: input.code,
      name: input.name,
      commune_code: input.communeCode ?? null,
      address: input.address ?? null,
    };
    await repo.insertUnit(trx, row);
    await recordAudit(trx, { actorId, action: 'unit.create', objectType: 'unit', objectId: id, detail: { code: input.code, name: input.name, at: clock.now().toISOString() } });
    return toUnit({ ...row, active: true });
  });
}

export async function updateUnit(db: Db, clock: Clock, actorId: string | null, unit: UnitRecord, input: UnitUpdate): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    if (input.code && input.code !== unit.code) await checkCodeFree(trx, input.code, unit.id);
    await checkCommune(trx, input.communeCode, unit.province_code);
    const patch = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.communeCode !== undefined ? { commune_code: input.communeCode } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await repo.updateUnit(trx, unit.id, patch, clock.now());
    await recordAudit(trx, { actorId, action: 'unit.update', objectType: 'unit', objectId: unit.id, detail: { before: toUnit(unit), changes: input } });
    const updated = await repo.findUnit(trx, unit.id);
    return toUnit(updated!);
  });
}

/** Creates the root unit of the province (seed and first-run only). */
export async function createRootUnit(db: Queryable, input: { provinceCode: string; code: string; name: string; kind?: Unit['kind'] }) {
  const id = randomUUID();
  await repo.insertUnit(db, {
    id,
    parent_id: null,
    path: `/${id}/`,
    province_code: input.provinceCode,
    kind: input.kind ?? 'province_committee',
    code: input.code,
    name: input.name,
    commune_code: null,
    address: null,
  });
  return (await repo.findUnit(db, id))!;
}

export async function listProvinces(db: Queryable) {
  return (await repo.listProvinces(db)).map((p) => ({
    code: p.code,
    name: p.name,
    shortName: p.short_name,
    abbreviation: p.abbreviation,
    placeType: p.place_type,
  }));
}

export async function listCommunes(db: Queryable, provinceCode: string) {
  if (!(await repo.findProvince(db, provinceCode))) throw errors.notFound(t(`tỉnh ${provinceCode}`, `Province ${provinceCode}`));
  return (await repo.listCommunes(db, provinceCode)).map((c) => ({ code: c.code, name: c.name, provinceCode: c.province_code }));
}

/**
 * An address written under the old three-level model, converted to the current communes.
 * One old commune may have been split: every candidate is returned.
 */
export async function convertLegacyAddress(db: Queryable, query: LegacyAddressQuery) {
  if (!query.oldCommuneCode && !query.commune)
    throw errors.validation([
      {
        path: 'querystring.commune',
        code: 'required',
        message: t('Cần mã xã cũ hoặc tên xã cũ', 'Give the old commune code or the old commune name'),
      },
    ]);
  const rows = await repo.findLegacyMappings(db, {
    oldCode: query.oldCommuneCode,
    nameKey: query.commune ? unitNameKey(query.commune) : undefined,
    districtKey: query.district ? unitNameKey(query.district) : undefined,
    provinceKey: query.province ? unitNameKey(query.province) : undefined,
  });
  return rows.map((r) => ({
    oldCode: r.old_code,
    oldName: r.old_name,
    oldDistrictName: r.old_district_name,
    oldProvinceName: r.old_province_name,
    newCode: r.new_code,
    newName: r.new_name,
    newProvinceCode: r.new_province_code,
    newProvinceName: r.new_province_name,
    note: r.note,
  }));
}
