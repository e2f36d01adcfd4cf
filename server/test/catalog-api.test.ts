import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureDetail, VersionSummary } from '@motcua/core/catalog/schemas.ts';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { countProcedures } from '../src/modules/catalog/catalog.repo.ts';
import { procedureForReception } from '../src/modules/catalog/catalog.service.ts';

let sys: TestSystem;
let admin: ApiClient;
before(async () => {
  sys = await startTestSystem();
  admin = new ApiClient(sys.url);
  await admin.login('admin');
});
after(async () => sys?.close());

const catalogFile = (name: string) => path.join(sys.ctx.config.SHARED_DATA_DIR, 'catalog', name);

describe('the public procedure pages’ API', () => {
  test('a procedure with the portal’s detail: cases, channels with times and fees, documents, legal bases, steps, results, version', async () => {
    const res = await new ApiClient(sys.url).get('/api/public/procedures/1.000080');
    assert.equal(res.status, 200);
    const p = res.body as ProcedureDetail;
    assert.equal(p.name, 'Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại khu vực biên giới');
    assert.deepEqual(p.cases.map((c) => [c.code, c.processingTime.value, c.processingTime.unit]), [['1.000080.01', 12, 'working_day']]);
    assert.deepEqual(p.channels.map((c) => c.channel).sort(), ['in_person', 'online', 'postal']);
    assert.ok(p.channels.every((c) => c.processingTime.unit === 'other' && c.processingTime.value === 7), 'unit OTHER kept as published');
    assert.ok(p.channels.every((c) => c.fees.length > 0 && c.fees.every((f) => f.kind === 'levy')));
    assert.ok(p.documents.length > 10);
    assert.ok(p.documents.some((d) => d.group === '* Giấy tờ phải nộp:'));
    assert.ok(p.legalBases.length > 0 && p.steps.length > 0 && p.results.length > 0);
    assert.equal(p.decision?.number, '163/QĐ-BTP');
    assert.equal(p.version.number, 1);
    assert.equal(p.version.source, 'import');
    assert.deepEqual(p.levels, ['commune']);
    assert.equal(p.onlineLevel, 'partly_online');
    assert.equal(p.hasDetail, true);
    for (const text of [p.name, ...p.documents.map((d) => d.name), ...p.steps.map((s) => s.text)]) assert.equal(text, text.normalize('NFC'));
  });

  test('a list-only procedure says so, and is flagged for the mandatory components it lacks', async () => {
    const p = (await new ApiClient(sys.url).get('/api/public/procedures/1.001612')).body as ProcedureDetail;
    assert.equal(p.name, 'Đăng ký thành lập hộ kinh doanh');
    assert.equal(p.hasDetail, false);
    assert.equal(p.onlineLevel, null);
    assert.deepEqual(p.levels, ['commune'], 'inferred from "Ủy ban nhân dân cấp xã"');
    assert.equal(p.completeness.complete, false);
    assert.deepEqual(p.completeness.missing, ['steps', 'method', 'documents', 'time']);
    // The portal lists "Cấp giấy phép lái xe" with an empty agency: that is flagged too.
    const licence = (await new ApiClient(sys.url).get('/api/public/procedures/3.000346')).body as ProcedureDetail;
    assert.ok(licence.completeness.missing.includes('agency'));
  });

  test('an unknown code is a 404 problem in both languages; a malformed one a 400', async () => {
    const res = await new ApiClient(sys.url, 'en').get('/api/public/procedures/9.999999');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.title, 'Procedure 9.999999 not found');
    assert.equal(res.body.message.vi, 'Không tìm thấy thủ tục 9.999999');
    const bad = await new ApiClient(sys.url).get('/api/public/procedures/1.00%3B1193');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'params.code');
  });

  test('fields and agencies list what the province shows, with counts', async () => {
    const fields = (await new ApiClient(sys.url).get('/api/public/catalog/fields')).body as { name: string; count: number }[];
    assert.ok(fields.length > 200);
    assert.ok(fields.find((f) => f.name === 'Hộ tịch')!.count >= 40);
    const agencies = (await new ApiClient(sys.url).get('/api/public/catalog/agencies')).body as { name: string; count: number }[];
    assert.ok(agencies.some((a) => a.name === 'Ủy ban nhân dân cấp xã'));
    for (let i = 1; i < fields.length; i++) assert.ok(fields[i - 1]!.count >= fields[i]!.count);
  });

  test('every catalog route is in the OpenAPI document', async () => {
    const doc = (await new ApiClient(sys.url).get('/api/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    for (const [method, url] of [
      ['get', '/api/public/procedures'],
      ['get', '/api/public/procedures/{code}'],
      ['get', '/api/public/catalog/fields'],
      ['get', '/api/public/catalog/agencies'],
      ['post', '/api/procedures'],
      ['patch', '/api/procedures/{code}'],
      ['get', '/api/procedures/{code}/versions'],
      ['get', '/api/procedures/{code}/versions/{number}'],
      ['get', '/api/catalog/synonyms'],
      ['put', '/api/catalog/synonyms'],
      ['post', '/api/catalog/imports'],
      ['get', '/api/catalog/imports'],
      ['get', '/api/catalog/imports/{id}'],
    ])
      assert.ok(doc.paths[url!]?.[method!], `${method} ${url}`);
  });
});

describe('administering the catalog', () => {
  test('an edit is a new version; the history says what changed; dossiers received before keep the old one', async () => {
    const edit = await admin.patch('/api/procedures/1.001193', {
      channels: [
        { channel: 'in_person', processingTime: { value: 3, unit: 'working_day' }, fees: [{ kind: 'levy', amount: 8000, text: 'Lệ phí đăng ký khai sinh quá hạn' }] },
        { channel: 'online', processingTime: { value: 3, unit: 'working_day' } },
      ],
      keywords: 'làm giấy khai sinh cho con',
      decisionNumber: '123/QĐ-UBND',
    });
    assert.equal(edit.status, 200, JSON.stringify(edit.body));
    const p = edit.body as ProcedureDetail;
    assert.equal(p.version.number, 2);
    assert.equal(p.version.source, 'admin');
    assert.equal(p.version.decisionNumber, '123/QĐ-UBND');
    assert.equal(p.channels[0]!.fees[0]!.amount, 8000);
    assert.equal(p.name, 'Thủ tục đăng ký khai sinh', 'fields not edited keep the imported values');
    const versions = (await admin.get('/api/procedures/1.001193/versions')).body as VersionSummary[];
    assert.deepEqual(versions.map((v) => [v.number, v.source]), [[1, 'import'], [2, 'admin']]);
    assert.deepEqual(versions[1]!.changedFields, ['channels', 'decision', 'keywords']);
    const first = (await admin.get('/api/procedures/1.001193/versions/1')).body as { content: ProcedureDetail };
    assert.notEqual(first.content.channels[0]!.processingTime.value, 3);
    // Reception is held to the version in force that day: version 1 (decision of 16/01/2026) in June,
    // version 2 (effective today) now.
    assert.equal(versions[0]!.effectiveFrom, '2026-01-16');
    assert.equal((await procedureForReception(sys.ctx.db, '1.001193', new Date('2026-06-01T03:00:00Z')))?.versionId, versions[0]!.id);
    assert.equal((await procedureForReception(sys.ctx.db, '1.001193', new Date()))?.versionId, versions[1]!.id);
    const audit = await sys.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'procedure.update').execute();
    assert.equal(audit.length, 1);
    // The same edit again changes nothing.
    const same = await admin.patch('/api/procedures/1.001193', { keywords: 'làm giấy khai sinh cho con' });
    assert.equal((same.body as ProcedureDetail).version.number, 2);
    // An edit effective later: reception now still gets version 2.
    const later = await admin.patch('/api/procedures/1.001193', { requirements: 'Từ năm 2099.', effectiveFrom: '2099-01-01' });
    assert.equal((later.body as ProcedureDetail).version.number, 3);
    assert.equal((await procedureForReception(sys.ctx.db, '1.001193', new Date()))?.versionId, versions[1]!.id);
  });

  test('an import never overwrites what the province edited', async () => {
    const report = await fetch(`${sys.url}/api/catalog/imports?filename=details.jsonl`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: fs.readFileSync(catalogFile('dvcqg_details_502.jsonl')),
    });
    assert.equal(report.status, 201);
    const body = (await report.json()) as { id: string; counts: { versionsCreated: number } };
    assert.equal(body.counts.versionsCreated, 0);
    assert.equal(report.headers.get('location'), `/api/catalog/imports/${body.id}`);
    const p = (await new ApiClient(sys.url).get('/api/public/procedures/1.001193')).body as ProcedureDetail;
    assert.equal(p.channels[0]!.fees[0]!.amount, 8000);
  });

  test('a new province procedure: version 1, shown and found; its code is unique', async () => {
    // Searched once before it exists: the remembered answer must not hide it afterwards.
    const earlier = (await new ApiClient(sys.url).get(`/api/public/procedures?q=${encodeURIComponent('ho tro dua don hoc sinh')}`)).body;
    assert.notEqual(earlier.items[0]?.code, '1.999001');
    // Its detail page was asked for too: the remembered "not found" must be forgotten as well.
    assert.equal((await new ApiClient(sys.url).get('/api/public/procedures/1.999001')).status, 404);
    const created = await admin.post('/api/procedures', {
      code: '1.999001',
      name: 'Thủ tục hỗ trợ chi phí đưa đón học sinh vùng ven'.normalize('NFD'),
      fields: ['Giáo dục và Đào tạo'],
      levels: ['commune'],
      onlineLevel: 'fully_online',
      executingAgencies: [{ name: 'Ủy ban nhân dân cấp xã' }],
      applicantTypes: ['Công dân Việt Nam'],
      steps: [{ text: 'Nộp hồ sơ tại Trung tâm phục vụ hành chính công.' }],
      channels: [{ channel: 'online', processingTime: { value: 5, unit: 'working_day' }, fees: [] }],
      documents: [{ name: 'Đơn đề nghị hỗ trợ', eForm: true }],
      effectiveFrom: '2026-07-01',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const p = created.body as ProcedureDetail;
    assert.equal(p.name, 'Thủ tục hỗ trợ chi phí đưa đón học sinh vùng ven');
    assert.equal(p.kind, 'province_specific');
    assert.equal(p.provinceCode, '79');
    assert.equal(p.version.effectiveFrom, '2026-07-01');
    assert.deepEqual(p.completeness, { complete: true, missing: [] });
    const found = (await new ApiClient(sys.url).get(`/api/public/procedures?q=${encodeURIComponent('ho tro dua don hoc sinh')}`)).body;
    assert.equal(found.items[0].code, '1.999001');
    assert.equal((await new ApiClient(sys.url).get('/api/public/procedures/1.999001')).status, 200);
    const again = await admin.post('/api/procedures', { code: '1.001193', name: 'Trùng mã' });
    assert.equal(again.status, 409);
    const malformed = await admin.post('/api/procedures', { code: '1.99', name: 'Sai mã' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errors[0].path, 'body.code');
  });

  test('bad input is a 400 naming each field, in both languages, and writes nothing', async () => {
    const before = await countProcedures(sys.ctx.db);
    const res = await new ApiClient(sys.url, 'en').request('PATCH', '/api/procedures/1.004222', undefined, {});
    assert.ok(res.status === 400 || res.status === 401);
    const api = new ApiClient(sys.url, 'en');
    await api.login('admin');
    const bad = await api.patch('/api/procedures/1.004222', {
      name: 'x'.repeat(2001),
      channels: [{ channel: 'fax', processingTime: { value: -1, unit: 'working_day' } }],
      colour: 'red',
    });
    assert.equal(bad.status, 400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['body.channels[0].channel', 'body.channels[0].processingTime.value', 'body.colour', 'body.name']);
    assert.ok(bad.body.errors.every((e: { message: { vi: string; en: string } }) => e.message.vi && e.message.en));
    const empty = await api.patch('/api/procedures/1.004222', { decisionNumber: '1/QĐ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.errors[0].code, 'nothing_to_change');
    assert.deepEqual(await countProcedures(sys.ctx.db), before);
    const versions = (await api.get('/api/procedures/1.004222/versions')).body as VersionSummary[];
    assert.equal(versions.length, 1);
  });

  test('only a province administrator edits; other officers read the history', async () => {
    const officer = new ApiClient(sys.url);
    await officer.login('tiepnhan');
    assert.equal((await officer.patch('/api/procedures/1.004222', { keywords: 'nhập hộ khẩu' })).status, 403);
    assert.equal((await officer.post('/api/procedures', { code: '1.999002', name: 'Không được' })).status, 403);
    assert.equal((await officer.request('PUT', '/api/catalog/synonyms', { synonyms: [] })).status, 403);
    assert.equal((await officer.get('/api/catalog/imports')).status, 403);
    assert.equal((await officer.get('/api/procedures/1.004222/versions')).status, 200);
    assert.equal((await new ApiClient(sys.url).patch('/api/procedures/1.004222', { keywords: 'x' })).status, 401);
    const leader = new ApiClient(sys.url);
    await leader.login('lanhdao');
    assert.equal((await leader.patch('/api/procedures/1.004222', { keywords: 'x' })).status, 403);
  });

  test('synonyms are editable and used at once', async () => {
    const original = (await admin.get('/api/catalog/synonyms')).body as { phrase: string; expansion: string }[];
    assert.ok(original.some((s) => s.phrase === 'nhập hộ khẩu' && s.expansion === 'đăng ký thường trú'));
    const before = (await new ApiClient(sys.url).get(`/api/public/procedures?q=${encodeURIComponent('giấy chứng nhận độc thân')}`)).body;
    assert.notEqual(before.items[0]?.code, '1.004873');
    const put = await admin.request('PUT', '/api/catalog/synonyms', {
      synonyms: [...original, { phrase: 'giấy chứng nhận độc thân', expansion: 'giấy xác nhận tình trạng hôn nhân' }],
    });
    assert.equal(put.status, 200);
    const after = (await new ApiClient(sys.url).get(`/api/public/procedures?q=${encodeURIComponent('giấy chứng nhận độc thân')}`)).body;
    assert.equal(after.items[0]?.code, '1.004873');
    const invalid = await admin.request('PUT', '/api/catalog/synonyms', { synonyms: [{ phrase: '', expansion: 'x' }] });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.errors[0].path, 'body.synonyms[0].phrase');
    assert.equal((await admin.get('/api/catalog/synonyms')).body.length, original.length + 1);
  });

  test('uploads: a truncated file is refused naming the line and changes nothing; the Excel list imports', async () => {
    const before = await countProcedures(sys.ctx.db);
    const lines = fs.readFileSync(catalogFile('dvcqg_catalog_5670.jsonl'), 'utf8').split('\n');
    const truncated = [...lines.slice(0, 1999), lines[1999]!.slice(0, 40)].join('\n');
    const res = await new ApiClient(sys.url, 'en').request('POST', '/api/catalog/imports?filename=cut.jsonl', truncated, {
      'content-type': 'application/x-ndjson',
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'import_failed');
    assert.match(res.body.errors[0].message.en, /^Line 2000: /);
    assert.match(res.body.errors[0].message.vi, /^Dòng 2000: /);
    assert.deepEqual(await countProcedures(sys.ctx.db), before);
    const report = await admin.get(res.headers.get('location')!);
    assert.equal(report.body.status, 'failed');
    assert.equal(report.body.error.line, 2000);

    const xlsx = await fetch(`${sys.url}/api/catalog/imports?filename=BoTuPhap.xlsx`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
      },
      body: fs.readFileSync(path.join(sys.ctx.config.SHARED_DATA_DIR, 'catalog/portal_excel_lists/danh-sach-tthc-BoTuPhap.xlsx')),
    });
    assert.equal(xlsx.status, 201);
    const xlsxReport = (await xlsx.json()) as { id: string; format: string };
    assert.equal(xlsxReport.format, 'portal_excel');
    const runs = (await admin.get('/api/catalog/imports')).body as { id: string; status: string }[];
    assert.ok(runs.some((r) => r.id === xlsxReport.id && r.status === 'succeeded'));
    const json = await admin.post('/api/catalog/imports', { code: '1.001193' });
    assert.equal(json.status, 415);
  });
});
