import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database.ts';
import type { Config } from './platform/config.ts';
import { countReferenceData } from './modules/units/units.repo.ts';
import { importCurrentUnits, importNsoMappingCsv, importPackageMappings, type ImportReport } from './modules/units/units.import.ts';
import { createRootUnit, createUnit, getUnitRecord } from './modules/units/units.service.ts';
import { seedAccount } from './modules/users/users.service.ts';
import { seedOfficialSchedules } from './modules/calendar/calendar.service.ts';
import { seedDemoQueue } from './modules/queue/queue.seed.ts';
import { seedDemoCatalog } from './modules/catalog/catalog.seed.ts';
import { systemClock } from './platform/clock.ts';
import { seedDemoEforms } from './modules/eforms/eforms.seed.ts';

export const DEMO_PASSWORD = 'motcua-demo';

export const NSO_MAPPING_FILE = 'units/nso_BangChuyendoi_DVHC_moi_cu_2025-07.csv';

/**
 * Reference data every deployment needs (provinces, communes, the old-to-new table). Runs once, on an
 * empty database; the old-to-new table comes from the statistics office's CSV when ../shared/data is at
 * hand, else from the npm package. Outside production, an empty catalog gets the demo catalog too.
 */
export async function seedReferenceData(db: Db, config: Config): Promise<ImportReport[]> {
  await seedOfficialSchedules(db);
  const counts = await countReferenceData(db);
  const reports: ImportReport[] =
    counts.provinces > 0
      ? []
      : await db.transaction().execute(async (trx) => {
          const units = [await importCurrentUnits(trx)];
          const nso = path.join(config.SHARED_DATA_DIR, NSO_MAPPING_FILE);
          units.push(fs.existsSync(nso) ? await importNsoMappingCsv(trx, nso) : await importPackageMappings(trx));
          return units;
        });
  // The demo catalog (the portal's 5,670 procedures) goes into an empty catalog, outside production.
  if (config.SEED_DEMO === 'auto' && config.NODE_ENV !== 'production') reports.push(...(await seedDemoCatalog(db, config)));
  if (config.SEED_DEMO === 'auto' && config.NODE_ENV !== 'production') await seedDemoEforms(db);
  return reports;
}

/**
 * The demo province: Thành phố Hồ Chí Minh with its service centre, two departments and three wards and
 * communes, and one account per role. The administrative unit codes (79, 25969, 25966, 25882) are the
 * real ones; the agency identifiers follow the QĐ 20/2020 format with illustrative numbers.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('unit').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const root = await db.transaction().execute((trx) =>
    createRootUnit(trx, { provinceCode: '79', code: '000.00.00.H29', name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh' }),
  );
  const add = async (parentId: string, kind: 'service_centre' | 'department' | 'commune_committee', code: string, name: string, communeCode?: string) => {
    const parent = (await getUnitRecord(db, parentId))!;
    return createUnit(db, systemClock, null, parent, { parentId, kind, code, name, communeCode: communeCode ?? null });
  };
  const centre = await add(root.id, 'service_centre', '000.00.01.H29', 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh');
  await add(root.id, 'department', '000.00.15.H29', 'Sở Tư pháp Thành phố Hồ Chí Minh');
  await add(root.id, 'department', '000.00.18.H29', 'Sở Xây dựng Thành phố Hồ Chí Minh');
  const thuanGiao = await add(root.id, 'commune_committee', '000.20.01.H29', 'Ủy ban nhân dân phường Thuận Giao', '25969');
  await add(root.id, 'commune_committee', '000.20.02.H29', 'Ủy ban nhân dân phường Lái Thiêu', '25966');
  await add(root.id, 'commune_committee', '000.20.03.H29', 'Ủy ban nhân dân xã Phước Hòa', '25882');
  const accounts = [
    { username: 'admin', fullName: 'Quản trị hệ thống', grants: [{ role: 'admin' as const, unitId: root.id }] },
    { username: 'tiepnhan', fullName: 'Nguyễn Thị Tiếp Nhận', grants: [{ role: 'counter_officer' as const, unitId: centre.id }] },
    { username: 'chuyenvien', fullName: 'Trần Văn Chuyên', grants: [{ role: 'specialist' as const, unitId: thuanGiao.id }] },
    { username: 'lanhdao', fullName: 'Lê Minh Lãnh Đạo', grants: [{ role: 'leader' as const, unitId: root.id }] },
    { username: 'giamsat', fullName: 'Phạm Thu Giám Sát', grants: [{ role: 'supervisor' as const, unitId: root.id }] },
  ];
  for (const a of accounts) await seedAccount(db, { ...a, password: DEMO_PASSWORD });
  await seedDemoQueue(db, centre.id);
  return true;
}
