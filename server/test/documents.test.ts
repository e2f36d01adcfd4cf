/**
 * Documents through HTTP on a real database: every slip as PDF for a real procedure with a long
 * Vietnamese name (read back with pdftotext), the receipt's QR read back with pdftoppm + zbarimg and
 * followed to the public status API, a signed result checked by poppler's pdfsig and by our
 * verification API (and both catching a one-byte change), revocation, the register, templates and
 * digitization figures.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseStatusLink } from '@motcua/core/documents/qr.ts';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { testProvider, type SignerOptions } from '../src/testing/certificates.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z')); // Monday 04/05/2026 08:00 in Vietnam
let sys: TestSystem;
const as: Record<string, ApiClient> = {};
let units: { id: string; code: string; name: string }[];
const unit = (fragment: string) => units.find((u) => u.name.includes(fragment))!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let fileSha: string;
let counter = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-documents-'));
/** A real procedure whose name runs to 1,094 characters. */
const LONG = '1.013980';
const LONG_FRAGMENT = 'theo thỏa thuận của các thành viên hộ gia đình hoặc của vợ và chồng';

before(async () => {
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720', PUBLIC_BASE_URL: 'https://dichvucong.example.vn' } });
  for (const name of ['admin', 'tiepnhan', 'chuyenvien', 'lanhdao']) {
    as[name] = new ApiClient(sys.url);
    await as[name].login(name);
  }
  units = (await as.admin!.get('/api/units')).body;
  const upload = await fetch(`${sys.url}/api/files`, { method: 'POST', body: PDF, headers: { 'content-type': 'application/pdf', cookie: as.tiepnhan!.cookie, 'x-csrf-token': as.tiepnhan!.csrfToken } });
  fileSha = ((await upload.json()) as { sha256: string }).sha256;
});
after(async () => {
  await sys?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function reception(extra: Record<string, unknown> = {}) {
  return {
    idempotencyKey: `documents-${++counter}-${Date.now()}`,
    procedureCode: LONG,
    channel: 'in_person',
    receivingUnitId: unit('Trung tâm').id,
    competentUnitId: unit('Thuận Giao').id,
    applicant: { fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '079185001234', phone: '0912345678', address: { communeCode: '25969', detail: '12 đường ĐT743' } },
    documents: [
      { name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)', originals: 1, copies: 0, fileSha256: fileSha, fileName: 'don.pdf' },
      { name: 'Giấy chứng nhận quyền sử dụng đất đã cấp', originals: 1, copies: 1 },
    ],
    returnMethod: 'counter',
    outcome: 'receive',
    duration: { unit: 'workingDays', value: 10 },
    ...extra,
  };
}

async function receive(extra: Record<string, unknown> = {}) {
  const res = await as.tiepnhan!.post('/api/dossiers', reception(extra));
  assert.ok(res.status === 201, JSON.stringify(res.body));
  return res.body;
}

async function act(who: string, dossier: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await as[who]!.post(`/api/dossiers/${dossier.id}/actions`, { expectedVersion: dossier.version, ...body });
  assert.equal(res.status, 200, `${who} ${body.type}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function bytes(who: string, url: string) {
  const res = await fetch(sys.url + url, { headers: { cookie: as[who]!.cookie } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

/** The PDF's text with line breaks and runs of spaces folded, as a reader would read it. */
function textOf(pdf: Buffer) {
  const file = path.join(tmp, `t-${++counter}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

/** MOTCUA_DOCUMENTS_SAMPLES=dir keeps one run's papers there (the README's screenshots are made from them). */
const SAMPLES = process.env.MOTCUA_DOCUMENTS_SAMPLES;
const keep = (name: string, pdf: Buffer) => SAMPLES && (fs.mkdirSync(SAMPLES, { recursive: true }), fs.writeFileSync(path.join(SAMPLES, name), pdf));

async function slip(who: string, id: string, kind: string) {
  const res = await bytes(who, `/api/dossiers/${id}/documents/${kind}.pdf`);
  assert.equal(res.status, 200, `${kind}: ${res.body.toString()}`);
  assert.equal(res.type, 'application/pdf');
  keep(`${kind}.pdf`, res.body);
  return textOf(res.body);
}

describe('documents', () => {
  test('every slip renders for a long-named procedure with its code, dates and diacritics', async () => {
    clock.set(new Date('2026-05-04T01:00:00Z'));
    let d = await receive();
    const receipt = await slip('tiepnhan', d.id, 'receipt');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Thành phố Hồ Chí Minh, ngày 04 tháng 5 năm 2026',
      'Mẫu số 01 — Thông tư số 03/2025/TT-VPCP', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${d.code}`, 'Nguyễn Thị Hồng Nhung', '079185001234',
      LONG_FRAGMENT, '10 ngày làm việc', '08 giờ 00 phút, ngày 04/05/2026', '08 giờ 00 phút, ngày 18/05/2026', 'Phường Thuận Giao', 'Nguyễn Thị Tiếp Nhận', d.lookupSecret,
      'Giấy chứng nhận quyền sử dụng đất đã cấp',
    ])
      assert.ok(receipt.includes(expected), `receipt lacks "${expected}"`);
    assert.equal((await bytes('tiepnhan', `/api/dossiers/${d.id}/documents/supplement.pdf`)).status, 409, 'no supplement asked yet');

    clock.advance(3600_000);
    d = await act('chuyenvien', d, { type: 'supplement_requested', reason: 'Bản sao chưa được chứng thực', missing: ['Bản sao có chứng thực hợp đồng chuyển nhượng', 'Sơ đồ thửa đất'] });
    const supplement = await slip('chuyenvien', d.id, 'supplement');
    for (const expected of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu số 02', '1. Bản sao có chứng thực hợp đồng chuyển nhượng', '2. Sơ đồ thửa đất', 'Lý do: Bản sao chưa được chứng thực', 'Trần Văn Chuyên', LONG_FRAGMENT])
      assert.ok(supplement.includes(expected), `supplement lacks "${expected}" in ${supplement.slice(0, 400)}`);
    clock.advance(3600_000);
    d = await act('tiepnhan', d, { type: 'supplement_received', documents: [{ name: 'Sơ đồ thửa đất', fileSha256: fileSha }] });
    d = await act('lanhdao', d, { type: 'apology_issued', reason: 'Phải xác minh thực địa', newDueAt: '2026-05-27T10:00:00Z' });
    const apology = await slip('lanhdao', d.id, 'apology');
    for (const expected of ['PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', 'Mẫu số 04', 'Kính gửi: Ông/Bà', 'Lý do: Phải xác minh thực địa', '17 giờ 00 phút, ngày 27/05/2026', 'Lê Minh Lãnh Đạo', 'ỦY BAN NHÂN DÂN PHƯỜNG THUẬN GIAO'])
      assert.ok(apology.includes(expected), `apology lacks "${expected}"`);
    const control = await slip('tiepnhan', d.id, 'control-sheet');
    for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Mẫu số 06', d.code, 'Ủy ban nhân dân phường Thuận Giao', '08:00 04/05/2026'])
      assert.ok(control.includes(expected), `control sheet lacks "${expected}"`);

    d = await act('lanhdao', d, { type: 'stopped', reason: 'Người nộp đề nghị dừng giải quyết' });
    const stop = await slip('lanhdao', d.id, 'stop');
    for (const expected of ['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'Mẫu số 05', d.code, 'Người nộp đề nghị dừng giải quyết', 'Dừng xử lý'])
      assert.ok(stop.includes(expected), `stop notice lacks "${expected}"`);

    const refused = await receive({ outcome: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền giải quyết của phường' });
    const refusal = await slip('tiepnhan', refused.id, 'refusal');
    for (const expected of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Mẫu số 03', 'Thủ tục không thuộc thẩm quyền giải quyết của phường', 'Nguyễn Thị Hồng Nhung'])
      assert.ok(refusal.includes(expected), `refusal lacks "${expected}"`);

    // Someone whose units the dossier never reached gets the same 403 as for the dossier itself.
    const outsider = new ApiClient(sys.url);
    assert.equal((await bytes('admin', `/api/dossiers/${d.id}/documents/receipt.pdf`)).status, 200);
    assert.equal((await fetch(`${sys.url}/api/dossiers/${d.id}/documents/receipt.pdf`)).status, 401);
    assert.equal((await outsider.get(`/api/dossiers/${d.id}/documents/nothing.pdf`)).status, 400, 'only the slips exist');
  });

  test('a dossier received under Circular 01/2018 has its forms and no stop notice', async () => {
    clock.set(new Date('2025-06-02T01:00:00Z'));
    for (const name of Object.keys(as)) await as[name]!.login(name);
    try {
    const d = await receive();
    assert.equal(d.ruleVersion, 'nd61_2018');
    const receipt = await slip('tiepnhan', d.id, 'receipt');
    assert.ok(receipt.includes('Mẫu số 01 — Thông tư số 01/2018/TT-VPCP'), receipt.slice(0, 300));
    const control = await slip('tiepnhan', d.id, 'control-sheet');
    assert.ok(control.includes('Mẫu số 05'), "control.includes('Mẫu số 05')");
    const stop = await as.tiepnhan!.get(`/api/dossiers/${d.id}/documents/stop.pdf`);
    assert.equal(stop.status, 409);
    assert.equal(stop.body.code, 'not_in_circular');
    assert.match(stop.body.detail, /Thông tư 01\/2018/);
    } finally {
      clock.set(new Date('2026-05-04T01:00:00Z'));
      for (const name of Object.keys(as)) await as[name]!.login(name);
    }
  });

  test("the receipt's QR opens the status page of that dossier and of no other", async () => {
    const d = await receive();
    const other = await receive();
    const pdf = (await bytes('tiepnhan', `/api/dossiers/${d.id}/documents/receipt.pdf`)).body;
    const file = path.join(tmp, 'receipt.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, path.join(tmp, 'receipt')]);
    const scan = spawnSync('zbarimg', ['-q', '--raw', path.join(tmp, 'receipt-1.png')], { encoding: 'utf8' });
    const decoded = scan.stdout;
    assert.ok(decoded.includes(`MHS: ${d.code}`), decoded);
    assert.ok(decoded.includes(`TTHC: ${LONG}`), 'decoded.includes(`TTHC: ${LONG}`)');
    assert.ok(decoded.includes('DD: 079185001234'), "decoded.includes('DD: 079185001234')");
    assert.ok(decoded.includes('GT: Giấy tiếp nhận hồ sơ và hẹn trả kết quả'), "decoded.includes('GT: Giấy tiếp nhận hồ sơ và hẹn trả kết qu");
    // The Code 128 barcode holds the dossier code alone.
    assert.ok(decoded.split('\n').includes(d.code), 'the barcode reads as the dossier code');
    const link = decoded.split('\n').find((l) => l.startsWith('https://'))!;
    assert.equal(link, `https://dichvucong.example.vn/tra-cuu/${d.code}?k=${d.lookupSecret}`);
    const parsed = parseStatusLink(link)!;
    const status = await new ApiClient(sys.url).get(`/api/public/dossiers/${encodeURIComponent(parsed.code)}?secret=${parsed.secret}`);
    assert.equal(status.status, 200);
    assert.equal(status.body.code, d.code);
    assert.notEqual(status.body.code, other.code);
    const crossed = await new ApiClient(sys.url).get(`/api/public/dossiers/${encodeURIComponent(other.code)}?secret=${parsed.secret}`);
    assert.equal(crossed.status, 404, "the secret opens no other dossier");
  });

  test('a signed result: pdfsig and our verification say valid, then tampered after one changed byte; revocation shows', async () => {
    let d = await receive();
    d = await act('chuyenvien', d, { type: 'assigned' });
    d = await act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Giấy chứng nhận quyền sử dụng đất (đăng ký biến động)', fileSha256: fileSha, fileName: 'ket-qua.pdf' }] });
    const resultCode = `${d.code}-KQ1`;
    assert.equal((await as.chuyenvien!.post(`/api/dossiers/${d.id}/signed-results`, { resultCode })).status, 403, 'only a leader signs');
    const unknown = await as.lanhdao!.post(`/api/dossiers/${d.id}/signed-results`, { resultCode: `${d.code}-KQ9` });
    assert.equal(unknown.status, 400);
    const signed = await as.lanhdao!.post(`/api/dossiers/${d.id}/signed-results`, { resultCode, summary: 'Chấp thuận đăng ký biến động đất đai cho Ông/Bà Nguyễn Thị Hồng Nhung.' });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    assert.equal(signed.body.signerName, 'Lê Minh Lãnh Đạo');
    assert.match(signed.body.verificationUrl, /^https:\/\/dichvucong\.example\.vn\/xac-minh\/[A-Z2-9]{16}$/);

    const pdf = (await bytes('tiepnhan', `/api/signed-results/${signed.body.id}/file`)).body;
    const file = path.join(tmp, 'signed.pdf');
    fs.writeFileSync(file, pdf);
    keep('signed-result.pdf', pdf);
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
    assert.match(sig, /Signature Validation: Signature is Valid/, sig);
    assert.match(sig, /Lê Minh Lãnh Đạo|Le Minh/);
    const text = textOf(pdf);
    for (const expected of ['KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', resultCode, 'ĐÃ KÝ SỐ', 'Ký bởi: Lê Minh Lãnh Đạo', LONG_FRAGMENT]) assert.ok(text.includes(expected), `result lacks "${expected}"`);

    const verify = (body: Buffer) => fetch(`${sys.url}/api/public/verify`, { method: 'POST', body, headers: { 'content-type': 'application/pdf' } }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const good = await verify(pdf);
    assert.equal(good.status, 200);
    assert.equal(good.body.verdict, 'valid', JSON.stringify(good.body));
    assert.equal(good.body.signatureValid, true);
    assert.equal(good.body.identicalToIssued, true);
    assert.equal(good.body.certificateTrusted, true);
    assert.equal(good.body.document.dossierCode, d.code);
    assert.equal(good.body.document.signerName, 'Lê Minh Lãnh Đạo');

    // One byte changed inside the signed content.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('KQ1') > 0 ? tampered.indexOf('/Title') + 8 : 400;
    tampered[at] = tampered[at]! ^ 0x01;
    const tamperedFile = path.join(tmp, 'tampered.pdf');
    fs.writeFileSync(tamperedFile, tampered);
    const badSig = spawnSync('pdfsig', [tamperedFile], { encoding: 'utf8' }).stdout;
    assert.doesNotMatch(badSig, /Signature is Valid/, badSig);
    assert.match(badSig, /Digest Mismatch|Invalid/i);
    const bad = await verify(tampered);
    assert.equal(bad.body.verdict, 'tampered', JSON.stringify(bad.body));
    assert.equal(bad.body.signatureValid, false);
    assert.equal(bad.body.document.dossierCode, d.code, 'still says which document it claims to be');

    // A byte changed in the signature's padding leaves the signature intact but not the issued bytes.
    const padded = Buffer.from(pdf);
    const contents = padded.lastIndexOf('0000000000>');
    padded[contents] = 0x31;
    const pad = await verify(padded);
    assert.equal(pad.body.verdict, 'tampered');

    assert.equal((await verify(Buffer.from('not a pdf'))).status, 400);
    assert.equal((await verify(PDF)).body.verdict, 'unsigned');

    const token = signed.body.token;
    const record = await new ApiClient(sys.url).get(`/api/public/verify/${token}`);
    assert.equal(record.status, 200);
    assert.equal(record.body.resultCode, resultCode);
    assert.equal(record.body.sha256, undefined, 'the record carries no file hash to forge against');
    assert.equal((await new ApiClient(sys.url).get('/api/public/verify/AAAAAAAAAAAAAAAA')).status, 404);

    assert.equal((await as.tiepnhan!.post(`/api/signed-results/${signed.body.id}/revoke`, { reason: 'x' })).status, 403);
    const revoked = await as.lanhdao!.post(`/api/signed-results/${signed.body.id}/revoke`, { reason: 'Cấp nhầm thửa đất' });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.revoked, true);
    const after = await verify(pdf);
    assert.equal(after.body.verdict, 'revoked');
    assert.match(after.body.message.vi, /Cấp nhầm thửa đất/);
    assert.equal((await new ApiClient(sys.url).get(`/api/public/verify/${token}`)).body.revoked, true);

    const listed = await as.tiepnhan!.get(`/api/dossiers/${d.id}/signed-results`);
    assert.equal(listed.body.length, 1);
    const figures = await as.tiepnhan!.get(`/api/dossiers/${d.id}/digitization`);
    assert.deepEqual(figures.body, { dossiers: 1, dossiersDigitized: 0, results: 1, resultsDigitized: 1 });
  });

  test('digitizing received papers, the figures, and the register as PDF and Excel', async () => {
    clock.set(new Date('2026-05-05T02:00:00Z'));
    const d = await receive();
    const paper = d.documents.find((x: { fileSha256: string | null }) => !x.fileSha256);
    let figures = (await as.tiepnhan!.get(`/api/dossiers/${d.id}/digitization`)).body;
    assert.equal(figures.dossiersDigitized, 0);
    const marked = await as.tiepnhan!.post(`/api/dossiers/${d.id}/documents/${paper.id}/digitized`, { fileSha256: fileSha, fileName: 'gcn.pdf' });
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    assert.ok(marked.body.documents.every((x: { digitized: boolean }) => x.digitized), JSON.stringify(marked.body.documents));
    figures = (await as.tiepnhan!.get(`/api/dossiers/${d.id}/digitization`)).body;
    assert.deepEqual(figures, { dossiers: 1, dossiersDigitized: 1, results: 0, resultsDigitized: 0 });
    const unknownFile = await as.tiepnhan!.post(`/api/dossiers/${d.id}/documents/${paper.id}/digitized`, { fileSha256: 'a'.repeat(64) });
    assert.equal(unknownFile.status, 400);
    const centre = unit('Trung tâm');
    const all = (await as.tiepnhan!.get(`/api/documents/digitization?unitId=${centre.id}&from=2026-05-01&to=2026-05-31`)).body;
    assert.ok(all.dossiers >= 1 && all.dossiersDigitized >= 1 && all.dossiersDigitized <= all.dossiers, JSON.stringify(all));

    const pdf = await bytes('tiepnhan', `/api/documents/register?unitId=${centre.id}&from=2026-05-04&to=2026-05-05`);
    assert.equal(pdf.status, 200, pdf.body.toString());
    keep('register.pdf', pdf.body);
    const text = textOf(pdf.body);
    assert.ok(text.includes('SỔ THEO DÕI HỒ SƠ'), "text.includes('SỔ THEO DÕI HỒ SƠ')");
    assert.ok(text.replace(/\s/g, '').includes(d.code), 'the register lists the dossier');
    assert.ok(text.replace(/\s/g, '').includes('NguyễnThịHồngNhung'), 'the register names the applicant');
    const xlsx = await bytes('tiepnhan', `/api/documents/register?unitId=${centre.id}&from=2026-05-04&to=2026-05-05&format=xlsx`);
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const codes: string[] = [];
    sheet.eachRow((row) => codes.push(String(row.getCell(2).value ?? '')));
    assert.ok(codes.includes(d.code), 'codes.includes(d.code)');
    assert.equal((await bytes('chuyenvien', `/api/documents/register?unitId=${centre.id}&from=2026-05-04&to=2026-05-05`)).status, 403);
    clock.set(new Date('2026-05-04T01:00:00Z'));
  });

  test("an administrator installs a provider's .p12 for a leader; the leader's signatures then carry it and verify", async () => {
    const leaderId = (await as.lanhdao!.get('/api/auth/me')).body.user.id as string;
    const provider = testProvider();
    const p12 = (signer: SignerOptions, password: string) => provider.p12(signer, password).toString('base64');
    const good = { serial: '0a1b2c' };
    const url = `/api/signer-keys/${leaderId}`;

    const before = await as.admin!.get(url);
    assert.equal(before.body.source ?? null, before.status === 200 ? 'local_ca' : null, JSON.stringify(before.body));
    assert.equal((await as.lanhdao!.request('PUT', url, { p12: p12(good, 'mat-khau'), password: 'mat-khau' })).status, 403, 'administrators only');
    for (const [body, code] of [
      [{ p12: p12(good, 'mat-khau'), password: 'sai' }, 'unreadable'],
      [{ p12: p12({ serial: '0a1b2d', notAfter: '2026-03-01T00:00:00Z' }, 'x'), password: 'x' }, 'not_valid_now'],
      [{ p12: p12({ serial: '0a1b2e', usage: { keyCertSign: true } }, 'x'), password: 'x' }, 'not_for_signing'],
      [{ p12: 'không phải base64', password: 'x' }, 'not_base64'],
    ] as const) {
      const refused = await as.admin!.request('PUT', url, body);
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.errors?.[0]?.code, code, JSON.stringify(refused.body));
      assert.ok(refused.body.detail || refused.body.title, 'says why in words');
    }
    const unchanged = await as.admin!.get(url);
    assert.deepEqual(unchanged.body, before.body, 'a refused upload changes nothing');
    assert.equal((await as.admin!.request('PUT', '/api/signer-keys/00000000-0000-4000-8000-000000000000', { p12: p12(good, 'x'), password: 'x' })).status, 404);

    const installed = await as.admin!.request('PUT', url, { p12: p12(good, 'mat-khau'), password: 'mat-khau' });
    assert.equal(installed.status, 200, JSON.stringify(installed.body));
    assert.equal(installed.body.source, 'uploaded');
    assert.equal(installed.body.serial, '0a1b2c');
    assert.match(installed.body.subject, /CN=Le Minh Lanh Dao/);
    assert.match(installed.body.issuer, /CN=Provider Test Root/);
    assert.deepEqual((await as.admin!.get(url)).body, installed.body);

    let d = await receive();
    d = await act('chuyenvien', d, { type: 'assigned' });
    d = await act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Giấy chứng nhận quyền sử dụng đất (đăng ký biến động)', fileSha256: fileSha, fileName: 'ket-qua.pdf' }] });
    const signed = await as.lanhdao!.post(`/api/dossiers/${d.id}/signed-results`, { resultCode: `${d.code}-KQ1` });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    assert.equal(signed.body.certificateSerial, '0a1b2c', 'signed with the installed certificate');
    const pdf = (await bytes('tiepnhan', `/api/signed-results/${signed.body.id}/file`)).body;
    const file = path.join(tmp, 'signed-provider.pdf');
    fs.writeFileSync(file, pdf);
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
    assert.match(sig, /Signature Validation: Signature is Valid/, sig);
    assert.match(sig, /Le Minh Lanh Dao/);
    const verdict = await fetch(`${sys.url}/api/public/verify`, { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' } }).then((r) => r.json() as Promise<any>);
    assert.equal(verdict.verdict, 'valid', JSON.stringify(verdict));
    assert.equal(verdict.certificateTrusted, true);
    assert.match(verdict.signerCertificate, /CN=Le Minh Lanh Dao/);
  });

  test('paper templates are data the admin adjusts', async () => {
    const d = await receive();
    assert.equal((await as.tiepnhan!.request('PUT', '/api/paper-templates/default', { footer: 'x' })).status, 403);
    const saved = await as.admin!.request('PUT', '/api/paper-templates/default', { footer: 'Đường dây nóng 1022 — dichvucong.hochiminhcity.gov.vn', officerTitle: 'Công chức tiếp nhận' });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const centre = unit('Trung tâm');
    const own = await as.admin!.request('PUT', `/api/paper-templates/${centre.id}`, { unitDisplayName: 'Trung tâm Phục vụ hành chính công TP.HCM', superiorName: 'UBND Thành phố Hồ Chí Minh' });
    assert.equal(own.status, 200);
    const text = await slip('tiepnhan', d.id, 'receipt');
    assert.ok(text.includes('Đường dây nóng 1022 — dichvucong.hochiminhcity.gov.vn'), "text.includes('Đường dây nóng 1022 — dichvucong.hochiminhcit");
    assert.ok(text.includes('CÔNG CHỨC TIẾP NHẬN'), "text.includes('CÔNG CHỨC TIẾP NHẬN')");
    assert.ok(text.includes('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TP.HCM'), "text.includes('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TP.HCM')");
    const listed = await as.admin!.get('/api/paper-templates');
    assert.deepEqual(listed.body.map((x: { scope: string }) => x.scope).sort(), ['default', centre.id].sort());
    assert.equal((await as.admin!.request('PUT', '/api/paper-templates/00000000-0000-4000-8000-000000000000', {})).status, 400);
    await as.admin!.request('PUT', '/api/paper-templates/default', {});
    await as.admin!.request('PUT', `/api/paper-templates/${centre.id}`, {});
  });
});
