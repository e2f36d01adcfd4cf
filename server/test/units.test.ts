import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { importNsoMappingCsv } from '../src/modules/units/units.import.ts';
import { countReferenceData } from '../src/modules/units/units.repo.ts';

let sys: TestSystem;
before(async () => (sys = await startTestSystem()));
after(async () => sys?.close());

describe('administrative units', () => {
  test('the current 34 provinces and 3,321 communes are loaded', async () => {
    const api = new ApiClient(sys.url);
    const provinces = (await api.get('/api/admin-units/provinces')).body;
    assert.equal(provinces.length, 34);
    const hcm = provinces.find((p: { code: string }) => p.code === '79');
    assert.equal(hcm.name, 'Thành phố Hồ Chí Minh');
    const counts = await countReferenceData(sys.ctx.db);
    assert.equal(counts.communes, 3321);
    const communes = (await api.get('/api/admin-units/provinces/79/communes')).body;
    assert.ok(communes.some((c: { code: string; name: string }) => c.code === '25969' && c.name === 'Phường Thuận Giao'));
    for (const c of communes) assert.equal(c.name, c.name.normalize('NFC'));
  });

  test('an unknown province is a 404 problem, a malformed code a 400', async () => {
    const api = new ApiClient(sys.url);
    assert.equal((await api.get('/api/admin-units/provinces/99/communes')).status, 404);
    const bad = await api.get('/api/admin-units/provinces/7x/communes');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'params.code');
  });

  test('an old commune split in several returns every candidate', async () => {
    const res = await new ApiClient(sys.url).get(
      `/api/admin-units/legacy?commune=${encodeURIComponent('Phường Điện Biên')}&district=${encodeURIComponent('Quận Ba Đình')}&province=${encodeURIComponent('Hà Nội')}`,
    );
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.map((r: { newCode: string }) => r.newCode).sort(),
      ['00004', '00070', '00190', '00226'],
    );
    const byCode = await new ApiClient(sys.url).get('/api/admin-units/legacy?oldCommuneCode=00019');
    assert.equal(byCode.body.length, 4);
  });

  test('names compare after NFC normalisation, case and the type word aside', async () => {
    const nfd = 'lái thiêu'.normalize('NFD');
    const res = await new ApiClient(sys.url).get(`/api/admin-units/legacy?commune=${encodeURIComponent(nfd)}&district=${encodeURIComponent('THUẬN AN')}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.map((r: { newName: string; newProvinceCode: string; newProvinceName: string }) => [r.newName, r.newProvinceCode, r.newProvinceName]),
      [['Phường Lái Thiêu', '79', 'Thành phố Hồ Chí Minh']]);
    // An NFD name in the source ("Tiền Ninh Vệ") is found by its NFC spelling.
    const decomposedInSource = await new ApiClient(sys.url).get(`/api/admin-units/legacy?commune=${encodeURIComponent('Phường Tiền Ninh Vệ')}`);
    assert.deepEqual(decomposedInSource.body.map((r: { newName: string }) => r.newName), ['Phường Kinh Bắc']);
  });

  test('a conversion query without a commune is a 400 naming the field', async () => {
    const res = await new ApiClient(sys.url, 'en').get('/api/admin-units/legacy?district=Ba%20%C4%90%C3%ACnh');
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].path, 'querystring.commune');
    assert.match(res.body.detail, /old commune/);
  });
});

describe('agencies and units', () => {
  test('the demo province has its service centre, departments and communes with codes', async () => {
    const units = (await new ApiClient(sys.url).get('/api/public/units')).body as { name: string; code: string; kind: string; communeCode: string | null; parentId: string | null }[];
    const root = units.find((u) => u.parentId === null)!;
    assert.equal(root.code, '000.00.00.H29');
    assert.equal(units.filter((u) => u.kind === 'service_centre').length, 1);
    assert.equal(units.filter((u) => u.kind === 'department').length, 2);
    assert.deepEqual(units.filter((u) => u.kind === 'commune_committee').map((u) => u.communeCode).sort(), ['25882', '25966', '25969']);
  });

  test('an admin creates a child unit and renames it; the subtree and the audit log follow', async () => {
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const units = (await admin.get('/api/units')).body;
    const justice = units.find((u: { code: string }) => u.code === '000.00.15.H29');
    const created = await admin.post('/api/units', { parentId: justice.id, kind: 'other', code: '000.15.01.H29', name: 'Phòng  Hộ tịch'.normalize('NFD') });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, 'Phòng  Hộ tịch'.normalize('NFC'));
    assert.equal(created.body.provinceCode, '79');
    const renamed = await admin.patch(`/api/units/${created.body.id}`, { name: 'Phòng Hộ tịch - Quốc tịch', active: false });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.active, false);
    const audit = await sys.ctx.db.selectFrom('audit_log').selectAll().where('object_id', '=', created.body.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['unit.create', 'unit.update']);
    // The grant at the department covers the new unit.
    const staff = await admin.post('/api/staff', { username: 'cv.tuphap', fullName: 'Chuyên viên Sở Tư pháp', password: 'mat-khau-dai-1', roles: [{ role: 'specialist', unitId: justice.id }] });
    assert.equal(staff.status, 201);
    const cv = new ApiClient(sys.url);
    await cv.login('cv.tuphap', 'mat-khau-dai-1');
    assert.equal((await cv.get(`/api/units/${created.body.id}`)).status, 200);
  });
});

describe('importing the statistics office table', () => {
  test('re-importing is idempotent and every anomaly is reported', async () => {
    const file = path.join(sys.ctx.config.SHARED_DATA_DIR, 'units/nso_BangChuyendoi_DVHC_moi_cu_2025-07.csv');
    const before = await countReferenceData(sys.ctx.db);
    const report = await sys.ctx.db.transaction().execute((trx) => importNsoMappingCsv(trx, file));
    assert.equal((await countReferenceData(sys.ctx.db)).mappings, before.mappings);
    assert.ok(report.inserted > 10_000);
    const kinds = new Set(report.anomalies.map((a) => a.kind));
    assert.ok(kinds.has('non_nfc'), 'NFD names are reported');
    assert.ok(report.anomalies.every((a) => a.line && a.line > 2));
  });

  test('a malformed row is reported with its line and skipped, the rest imported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-'));
    const file = path.join(dir, 'mapping.csv');
    fs.writeFileSync(
      file,
      'Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,\n' +
        '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,\n' +
        'THÀNH PHỐ HỒ CHÍ MINH,,,,,,,,\n' +
        'Thành phố Hồ Chí Minh (79),Phường Thuận Giao,25969,Phường Thuận Giao,25972,Nhập toàn bộ,Thành phố Thuận An (725),Tỉnh Bình Dương (74),\n' +
        'Thành phố Hồ Chí Minh (79),Phường Lỗi,ABC,Phường Lỗi Cũ,1,,Quận X (1),Tỉnh Y (2),\n',
    );
    const report = await sys.ctx.db.transaction().execute((trx) => importNsoMappingCsv(trx, file));
    assert.equal(report.inserted, 1);
    assert.deepEqual(report.anomalies.map((a) => [a.line, a.kind]), [[5, 'bad_code']]);
  });
});
