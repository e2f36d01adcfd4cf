import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { AnomalyKind, ImportReport } from '@motcua/core/catalog/schemas.ts';
import { startTestSystem, type TestSystem } from '../src/testing/harness.ts';
import { importCatalogFile } from '../src/modules/catalog/catalog.import.ts';
import { importCatalogFiles } from '../src/modules/catalog/catalog.cli.ts';
import { countProcedures } from '../src/modules/catalog/catalog.repo.ts';
import { systemClock } from '../src/platform/clock.ts';

let sys: TestSystem;
let catalogDir: string;
let tmp: string;
before(async () => {
  sys = await startTestSystem();
  catalogDir = path.join(sys.ctx.config.SHARED_DATA_DIR, 'catalog');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-catalog-'));
});
after(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await sys?.close();
});

const DETAILS = 'dvcqg_details_502.jsonl';
const LIST = 'dvcqg_catalog_5670.jsonl';
const options = () => ({ clock: systemClock, actorId: null, sharedDataDir: sys.ctx.config.SHARED_DATA_DIR });
const importFile = (file: string) => importCatalogFile(sys.ctx.db, file, options());
const kinds = (r: ImportReport) => new Set(r.anomalies.map((a) => a.kind));

async function catalogState() {
  const counts = await countProcedures(sys.ctx.db);
  const hashes = await sys.ctx.db.selectFrom('procedure').select(['code', 'scope', 'content_hash', 'version_count']).orderBy('code').orderBy('scope').execute();
  return { ...counts, fingerprint: hashes.map((h) => `${h.scope}|${h.code}|${h.content_hash}|${h.version_count}`).join('\n') };
}

/** A copy of `file` cut in the middle of line `cutLine` (1-based), as a failed download leaves it. */
function truncatedCopy(file: string, cutLine: number): string {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const broken = lines[cutLine - 1]!;
  const out = path.join(tmp, `truncated-${cutLine}-${path.basename(file)}`);
  fs.writeFileSync(out, [...lines.slice(0, cutLine - 1), broken.slice(0, Math.floor(broken.length / 2))].join('\n'));
  return out;
}

describe('importing the National Public Service Portal catalog', () => {
  test('the demo seed holds all 502 details and all 5,670 list rows, one procedure each', async () => {
    const { procedures } = await countProcedures(sys.ctx.db);
    assert.equal(procedures, 5670);
    const db = sys.ctx.db;
    const distinct = await sql<{ keys: number; codes: number; details: number }>`
      select count(distinct (code, scope))::int as keys, count(distinct code)::int as codes,
        count(*) filter (where has_detail)::int as details from procedure`.execute(db);
    assert.equal(distinct.rows[0]!.keys, 5670);
    assert.equal(distinct.rows[0]!.details, 502);
    // " 1.014325" (Tuyên Quang's own, code published with a leading space) and "1.014325" (Lào Cai's own)
    // are different procedures of different provinces: both kept, one trimmed code.
    assert.equal(distinct.rows[0]!.codes, 5669);
    const twins = await db.selectFrom('procedure').select(['scope', 'name']).where('code', '=', '1.014325').orderBy('scope').execute();
    assert.deepEqual(twins.map((t) => t.scope), ['08', '15']);
    const notNfc = await sql<{ n: number }>`select count(*)::int as n from procedure where name <> normalize(name, NFC)`.execute(db);
    assert.equal(notNfc.rows[0]!.n, 0);
    const versions = await sql<{ n: number }>`select count(*)::int as n from procedure_version v
      where v.content->>'name' <> normalize(v.content->>'name', NFC)`.execute(db);
    assert.equal(versions.rows[0]!.n, 0);
  });

  test('the detail file: every quirk is reported, and importing it again changes nothing', async () => {
    const before = await catalogState();
    const report = await importFile(path.join(catalogDir, DETAILS));
    assert.equal(report.status, 'succeeded');
    assert.equal(report.format, 'dvcqg_detail');
    assert.deepEqual(
      { records: report.counts.records, distinct: report.counts.distinctProcedures, created: report.counts.created, versions: report.counts.versionsCreated },
      { records: 502, distinct: 502, created: 0, versions: 0 },
    );
    assert.equal(report.counts.unchanged, 502);
    for (const kind of ['non_nfc', 'fee_text_mismatch', 'time_unit_other', 'time_missing_number', 'documents_missing', 'name_under_several_codes'] as AnomalyKind[])
      assert.ok(kinds(report).has(kind), `${kind} is reported`);
    // The portal's own example: 100 đồng online, "100.000 đồng/lần" in the text.
    const fee = report.anomalies.find((a) => a.kind === 'fee_text_mismatch' && a.code === '2.001610');
    assert.match(fee!.detail, /online: amount 100 đồng but the text says 100000 đồng/);
    assert.ok(report.anomalies.every((a) => a.kind === 'name_under_several_codes' || (a.line !== null && a.line >= 1 && a.line <= 502)));
    assert.deepEqual(await catalogState(), before);
  });

  test('the list file: untrimmed codes, non-NFC names, one name under several codes; importing it again changes nothing', async () => {
    const before = await catalogState();
    const report = await importFile(path.join(catalogDir, LIST));
    assert.equal(report.status, 'succeeded');
    assert.equal(report.format, 'dvcqg_list');
    assert.equal(report.counts.records, 5670);
    assert.equal(report.counts.distinctProcedures, 5670);
    assert.equal(report.counts.versionsCreated, 0);
    assert.equal(report.counts.created + report.counts.updated, 0);
    const untrimmed = report.anomalies.filter((a) => a.kind === 'untrimmed_code');
    assert.deepEqual(untrimmed.map((a) => [a.line, a.code]), [[973, '1.014325']]);
    assert.ok(report.anomalies.filter((a) => a.kind === 'non_nfc').length >= 90, 'the 91 decomposed names');
    const several = report.anomalies.find((a) => a.kind === 'name_under_several_codes' && a.detail.includes('Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý'));
    assert.match(several!.detail, /under 10 codes/);
    assert.ok(kinds(report).has('malformed_code'), '1.0133611 is reported, and kept');
    assert.deepEqual(await catalogState(), before);
    const stored = await sys.ctx.db.selectFrom('catalog_import_run').select(['status', 'anomalies']).where('id', '=', report.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'succeeded');
    assert.equal(stored.anomalies.length, report.anomalies.length);
  });

  test('a truncated file changes nothing and the report names the line it broke on', async () => {
    const before = await catalogState();
    for (const [file, line] of [[LIST, 4000], [DETAILS, 300]] as const) {
      const report = await importFile(truncatedCopy(path.join(catalogDir, file), line));
      assert.equal(report.status, 'failed');
      assert.equal(report.error?.line, line);
      assert.match(report.error!.message.en, /not valid JSON/);
      assert.equal(report.counts.created + report.counts.updated + report.counts.versionsCreated, 0);
      assert.ok(report.anomalies.some((a) => a.kind === 'parse_error' && a.line === line));
      const stored = await sys.ctx.db.selectFrom('catalog_import_run').select(['status', 'error']).where('id', '=', report.id).executeTakeFirstOrThrow();
      assert.equal(stored.status, 'failed');
      assert.equal(stored.error?.line, line);
    }
    assert.deepEqual(await catalogState(), before);
  });

  test('a record without a code fails the whole file, naming line and field', async () => {
    const before = await catalogState();
    const lines = fs.readFileSync(path.join(catalogDir, LIST), 'utf8').split('\n').slice(0, 3);
    const broken = JSON.parse(lines[1]!) as Record<string, unknown>;
    delete broken.code;
    const file = path.join(tmp, 'missing-code.jsonl');
    fs.writeFileSync(file, [lines[0], JSON.stringify(broken), lines[2]].join('\n'));
    const report = await importFile(file);
    assert.equal(report.status, 'failed');
    assert.equal(report.error?.line, 2);
    assert.match(report.error!.message.en, /code/);
    assert.deepEqual(await catalogState(), before);
  });

  test('changed content makes a new version; the old version keeps what it said', async () => {
    // A list-only procedure: for one with a detail, the detail's agencies would win and nothing would change.
    const original = fs.readFileSync(path.join(catalogDir, LIST), 'utf8').split('\n').find((l) => l.includes('"code":"3.000346"'))!;
    const renamed = JSON.parse(original) as { name: string; departments: string[] };
    renamed.departments = [...renamed.departments, 'Công an cấp xã (thử nghiệm)'];
    const file = path.join(tmp, 'changed.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(renamed)}\n`);
    const before = await catalogState();
    const report = await importFile(file);
    assert.deepEqual([report.counts.updated, report.counts.versionsCreated], [1, 1]);
    const after = await catalogState();
    assert.equal(after.versions, before.versions + 1);
    const versions = await sys.ctx.db
      .selectFrom('procedure_version as v')
      .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
      .select(['v.number', 'v.content'])
      .where('p.code', '=', '3.000346')
      .orderBy('v.number')
      .execute();
    const last = versions[versions.length - 1]!;
    const previous = versions[versions.length - 2]!;
    assert.ok(last.content.executingAgencies.some((a) => a.name === 'Công an cấp xã (thử nghiệm)'));
    assert.ok(!previous.content.executingAgencies.some((a) => a.name === 'Công an cấp xã (thử nghiệm)'));
    // The same file again: nothing.
    const again = await importFile(file);
    assert.equal(again.counts.versionsCreated, 0);
    // Versions are immutable in the database itself.
    await assert.rejects(sql`update procedure_version set number = number where id = (select current_version_id from procedure where code = '3.000346')`.execute(sys.ctx.db), /immutable/);
  });

  test("the portal's Excel lists import, streamed row by row, and re-import changes nothing", async () => {
    const file = path.join(catalogDir, 'portal_excel_lists', 'danh-sach-tthc-BoTuPhap.xlsx');
    const first = await importFile(file);
    assert.equal(first.status, 'succeeded');
    assert.equal(first.format, 'portal_excel');
    assert.ok(first.counts.records > 250, `${first.counts.records} rows`);
    assert.ok(first.anomalies.every((a) => a.line === null || a.line >= 3), 'rows are numbered as in the sheet');
    const state = await catalogState();
    const second = await importFile(file);
    assert.equal(second.counts.versionsCreated, 0);
    assert.deepEqual(await catalogState(), state);
    // A list entry the Excel list also has keeps the list's fields (the list is the richer source).
    const marriage = await sys.ctx.db.selectFrom('procedure').select(['name', 'kind']).where('code', '=', '1.000894').executeTakeFirstOrThrow();
    assert.equal(marriage.name, 'Thủ tục đăng ký kết hôn');
  });

  test('the CLI prints a summary, the anomalies, and exits 1 on a broken file', async () => {
    let out = '';
    const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    const code = await importCatalogFiles(sys.ctx.db, [truncatedCopy(path.join(catalogDir, LIST), 10)], sys.ctx.config, sink);
    assert.equal(code, 1);
    assert.match(out, /FAILED at line 10/);
    assert.match(out, /Nothing was changed/);
  });
});
