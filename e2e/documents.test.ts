/**
 * Browser test of the documents module: an officer prints the receipt from the office dossier page,
 * a leader signs the result there, the public status page answers the receipt's link, and anyone
 * verifies the signed result on the public verification page (and sees a one-byte change caught).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixedClock } from '../server/src/platform/clock.ts';
import { ApiClient } from '../server/src/testing/harness.ts';
import { testProvider } from '../server/src/testing/certificates.ts';
import { browserTestSystem, screenshot, signIn } from './support.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
const system = browserTestSystem({ clock, env: { SESSION_HOURS: '720' } });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-documents-'));

/** Fetches a link of the page with the page's own session, as the browser would when the button is pressed. */
async function fetchInPage(page: Page, href: string) {
  const out = await page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { status: res.status, type: res.headers.get('content-type'), base64: btoa(binary) };
  }, href);
  return { ...out, body: Buffer.from(out.base64, 'base64') };
}

const pdfText = (bytes: Buffer) => {
  const file = path.join(tmp, `p-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
};

describe('documents in the browser', () => {
  test('print a receipt from the dossier page, sign the result, follow the status link, verify the signed file', async () => {
    const url = system.sys.url;
    const admin = new ApiClient(url);
    await admin.login('admin');
    const units = (await admin.get('/api/units')).body as { id: string; name: string }[];
    const counter = new ApiClient(url);
    await counter.login('tiepnhan');
    const upload = await fetch(`${url}/api/files`, { method: 'POST', body: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), headers: { 'content-type': 'application/pdf', cookie: counter.cookie, 'x-csrf-token': counter.csrfToken } });
    const sha = ((await upload.json()) as { sha256: string }).sha256;
    let d = (
      await counter.post('/api/dossiers', {
        idempotencyKey: `e2e-documents-${Date.now()}`,
        procedureCode: '1.004222',
        channel: 'in_person',
        receivingUnitId: units.find((u) => u.name.includes('Trung tâm'))!.id,
        competentUnitId: units.find((u) => u.name.includes('Thuận Giao'))!.id,
        applicant: { fullName: 'Trần Thị Bích Ngọc', idNumber: '079185001234', phone: '0912345678', address: { communeCode: '25969', detail: '5 đường Nguyễn Du' } },
        documents: [{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0, fileSha256: sha, fileName: 'to-khai.pdf' }],
        returnMethod: 'counter',
        outcome: 'receive',
      })
    ).body;
    const specialist = new ApiClient(url);
    await specialist.login('chuyenvien');
    d = (await specialist.post(`/api/dossiers/${d.id}/actions`, { type: 'assigned', expectedVersion: d.version })).body;
    const leaderApi = new ApiClient(url);
    await leaderApi.login('lanhdao');
    d = (await leaderApi.post(`/api/dossiers/${d.id}/actions`, { type: 'result_issued', expectedVersion: d.version, documents: [{ name: 'Xác nhận đăng ký thường trú', fileSha256: sha, fileName: 'ket-qua.pdf' }] })).body;
    assert.equal(d.status, 9);

    // --- The counter officer prints the receipt from the dossier page.
    const officer = await system.openPage(`/office/dossiers/${d.id}`);
    let page = officer.page;
    await signIn(page, 'tiepnhan');
    await page.getByRole('heading', { level: 2, name: d.code }).waitFor();
    const printPanel = page.getByRole('region', { name: 'In giấy tờ' });
    const receiptButton = printPanel.getByRole('link', { name: 'Giấy tiếp nhận và hẹn trả kết quả' });
    await receiptButton.waitFor();
    assert.equal(await printPanel.getByRole('link', { name: 'Thông báo dừng giải quyết' }).count(), 0, 'the dossier was not stopped');
    const href = (await receiptButton.getAttribute('href'))!;
    assert.equal(await receiptButton.getAttribute('target'), '_blank');
    const receipt = await fetchInPage(page, href);
    assert.equal(receipt.status, 200);
    assert.equal(receipt.type, 'application/pdf');
    const text = pdfText(receipt.body);
    assert.ok(text.includes(`Mã hồ sơ: ${d.code}`) && text.includes('Trần Thị Bích Ngọc') && text.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'), text.slice(0, 400));
    await screenshot(page, 'documents-office-print');
    await officer.close();

    // --- The leader signs the result from the same page.
    const leader = await system.openPage(`/office/dossiers/${d.id}`);
    page = leader.page;
    await signIn(page, 'lanhdao');
    const signedPanel = page.getByRole('region', { name: 'Kết quả ký số' });
    await signedPanel.getByLabel('Nội dung kết quả (in trên văn bản)').fill('Xác nhận đăng ký thường trú cho bà Trần Thị Bích Ngọc.');
    await signedPanel.getByRole('button', { name: `Ký số ${d.code}-KQ1` }).click();
    await signedPanel.getByRole('status').getByText(`Đã ký số kết quả ${d.code}-KQ1.`).waitFor();
    const signedLink = signedPanel.getByRole('link', { name: 'Mở tệp đã ký' });
    const signed = await fetchInPage(page, (await signedLink.getAttribute('href'))!);
    assert.equal(signed.status, 200);
    const verifyHref = (await signedPanel.getByRole('link', { name: 'Trang xác minh' }).getAttribute('href'))!;
    assert.match(verifyHref, /^\/xac-minh\/[A-Z2-9]{16}$/);
    await screenshot(page, 'documents-office-signed');
    await leader.close();

    // --- The receipt's status link, opened by anyone.
    const status = await system.openPage(`/tra-cuu/${d.code}?k=${d.lookupSecret}`);
    await status.page.getByTestId('public-status').getByText('Đã xử lý xong').waitFor();
    await status.page.getByText('Hồ sơ đã được tiếp nhận').waitFor();
    await screenshot(status.page, 'documents-public-status');
    await status.close();

    // --- Anyone verifies the signed file on the public page the QR leads to.
    const verify = await system.openPage(verifyHref);
    page = verify.page;
    const record = page.getByRole('region', { name: 'Văn bản theo mã QR' });
    await record.getByText(`${d.code}-KQ1`).waitFor();
    await record.getByText('Lê Minh Lãnh Đạo', { exact: false }).waitFor();
    const choose = async (name: string, bytes: Buffer) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Chọn tệp PDF để xác minh' }).click();
      await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    };
    await choose('ket-qua.pdf', signed.body);
    await page.getByTestId('verdict').getByText('Văn bản hợp lệ').waitFor();
    await page.getByText('Chữ ký số hợp lệ; tệp đúng nguyên bản do hệ thống ban hành').waitFor();
    await screenshot(page, 'documents-verify-valid');
    const tampered = Buffer.from(signed.body);
    const at = tampered.indexOf('/Title') + 8;
    tampered[at] = tampered[at]! ^ 0x01;
    await choose('ket-qua-sua.pdf', tampered);
    await page.getByTestId('verdict').getByText('Văn bản đã bị sửa đổi').waitFor();
    await screenshot(page, 'documents-verify-tampered');
    await verify.close();

    // --- The admin adjusts the papers' wording.
    const admin2 = await system.openPage('/admin/papers');
    page = admin2.page;
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: 'Mẫu giấy tờ' }).waitFor();
    await page.getByLabel('Chân trang').fill('Đường dây nóng 1022');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').getByText('Đã lưu mẫu giấy tờ.').waitFor();
    await screenshot(page, 'documents-admin-papers');

    // --- The admin installs the leader's certificate from a provider (.p12 with its password).
    await page.getByRole('combobox', { name: 'Người ký (lãnh đạo)', exact: true }).click();
    await page.getByRole('option', { name: /^Lê Minh Lãnh Đạo/ }).first().click();
    await page.getByText('Chứng thư số do CA thử nghiệm của hệ thống cấp').waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'lanhdao.p12', mimeType: 'application/x-pkcs12', buffer: testProvider().p12({ serial: '0b0c' }, 'mat-khau-p12') });
    await page.getByLabel('Mật khẩu của tệp .p12').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Cài chứng thư số' }).click();
    await page.getByText('Không mở được tệp .p12: sai mật khẩu hoặc tệp không phải PKCS#12').waitFor();
    await page.getByLabel('Mật khẩu của tệp .p12').fill('mat-khau-p12');
    await page.getByRole('button', { name: 'Cài chứng thư số' }).click();
    await page.getByRole('status').getByText('Đã cài chứng thư số; các lần ký sau dùng chứng thư này.').waitFor();
    await page.getByText('Chứng thư số đã cài').waitFor();
    await page.getByText(/Tổ chức cấp: CN=Provider Test Root/).waitFor();
    await screenshot(page, 'documents-admin-signer-key');
    await admin2.close();
    const withFooter = await counter.get(`/api/paper-templates`);
    assert.equal(withFooter.status, 403, 'templates are the admin’s');
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
