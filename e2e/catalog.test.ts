/**
 * Browser tests of the procedure catalog: the portal's search, procedure page and browse pages, and
 * the administrators' editing (a new version in the history), synonyms and imports. Real server with
 * the demo catalog (502 details + the 5,670-entry national list), system Chromium.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestSystem, choose, field, screenshot, signIn } from './support.ts';

const system = browserTestSystem();
const openPage = system.openPage;

const card = (page: Page, code: string) => page.locator(`article[data-procedure-code="${code}"]`);
const resultCodes = (page: Page) =>
  page.getByRole('list', { name: 'Kết quả tìm thủ tục' }).locator('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-procedure-code')));

describe('portal: procedure catalog', () => {
  test('search "khai sinh" from the header link, open 1.001193 and see its documents, times and fees; printable', async () => {
    const { page, close } = await openPage('/');
    await page.getByRole('navigation', { name: 'Ứng dụng' }).getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.getByRole('heading', { level: 2, name: 'Thủ tục hành chính' }).waitFor();

    await field(page, 'Tìm thủ tục').fill('khai sinh');
    await page.waitForURL(/\/thu-tuc\?q=khai\+sinh$/);
    await page.getByText('Tìm thấy 21 thủ tục').waitFor();
    assert.equal((await resultCodes(page))[0], '1.001193', 'the procedure named exactly so comes first');
    const first = card(page, '1.001193');
    assert.match(await first.innerText(), /Thủ tục đăng ký khai sinh\s*1\.001193\s*Trực tuyến một phần\s*Cấp xã[\s\S]*Lĩnh vực: Hộ tịch/);
    await screenshot(page, 'catalog-search');

    await first.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await page.waitForURL('**/thu-tuc/1.001193');
    await page.getByRole('heading', { level: 2, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    assert.equal(await page.title(), 'Thủ tục đăng ký khai sinh — MộtCửa');

    // The documents checklist: each a box to tick, with originals/copies and whether it is required.
    const documents = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    const birthCertificate = documents.getByRole('checkbox', { name: /^Giấy chứng sinh; trường hợp không có Giấy chứng sinh/ });
    await birthCertificate.check();
    assert.ok((await documents.getByRole('checkbox').count()) >= 10);
    assert.match(await documents.innerText(), /Giấy tờ phải nộp[\s\S]*Bản chính: 1 · Bản sao: 0[\s\S]*Giấy tờ phải xuất trình/);

    // Times and fees per channel, then per case.
    const timesFees = page.getByRole('region', { name: 'Thời hạn giải quyết và phí, lệ phí' });
    assert.match(await timesFees.innerText(), /Nộp trực tiếp\s*Thời hạn: 1 \(chưa rõ đơn vị\)\s*Phí, lệ phí:\s*Lệ phí: 0 đ/);
    assert.match(await timesFees.getByRole('table', { name: 'Thời hạn theo từng trường hợp' }).innerText(), /1\.001193\.01\)\s*1 ngày làm việc/);
    assert.match(await page.getByRole('region', { name: 'Nơi nộp hồ sơ và cơ quan giải quyết' }).innerText(), /Cơ quan thực hiện\s*Ủy ban nhân dân cấp xã/);
    assert.match(await page.getByRole('region', { name: 'Quyết định công bố và phiên bản' }).innerText(), /Quyết định công bố\s*163\/QĐ-BTP\s*Ngày quyết định\s*16\/01\/2026/);

    // Partly online: the online submission's e-form is a link away.
    assert.equal(await page.getByRole('link', { name: 'Nộp trực tuyến' }).getAttribute('href'), '/nop-truc-tuyen/1.001193');
    await screenshot(page, 'catalog-procedure');

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'catalog-procedure-390');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Ứng dụng' }).isVisible(), false, 'no header on paper');
    assert.equal(await page.getByRole('button', { name: 'In trang này' }).isVisible(), false, 'no buttons on paper');
    assert.equal(await documents.isVisible(), true);
    await screenshot(page, 'catalog-procedure-print');
    await page.emulateMedia({ media: 'screen' });

    // Back to the search as it was.
    await page.getByRole('link', { name: '← Quay lại tìm kiếm' }).click();
    await page.waitForURL(/\/thu-tuc\?q=khai\+sinh$/);
    assert.equal(await field(page, 'Tìm thủ tục').inputValue(), 'khai sinh');
    await close();
  });

  test('a query without diacritics, "dang ky thuong tru", finds 1.004222 first; fees are integer đồng', async () => {
    const { page, close } = await openPage('/', { viewport: { width: 390, height: 844 } });
    // From the home page's search box, on a phone.
    await page.getByRole('region', { name: 'Tìm thủ tục hành chính' }).getByLabel('Tìm thủ tục').fill('dang ky thuong tru');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/\/thu-tuc\?q=dang\+ky\+thuong\+tru$/);
    await card(page, '1.004222').waitFor();
    assert.equal((await resultCodes(page))[0], '1.004222');
    assert.match(await card(page, '1.004222').innerText(), /^Đăng ký thường trú/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing wider than the phone');
    await screenshot(page, 'catalog-search-390');

    // A fee with an amount reads like "8.000 đ".
    await page.goto('/thu-tuc/1.000578');
    const timesFees = page.getByRole('region', { name: 'Thời hạn giải quyết và phí, lệ phí' });
    await timesFees.getByText('Lệ phí: 8.000 đ — Cấp bản sao trích lục hộ tịch').first().waitFor();
    const documents = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    await documents.getByText('Mẫu đơn, tờ khai: 16. TK yeu cau ban sao trich luc ho tich.doc (tải về: sắp có)').waitFor();
    // Information only: no online submission button.
    assert.equal(await page.getByRole('link', { name: 'Nộp trực tuyến' }).count(), 0);
    await close();
  });

  test('filters change the results and stay in the URL; nothing found says what to try', async () => {
    const { page, close } = await openPage('/thu-tuc?q=khai+sinh');
    await page.getByText('Tìm thấy 21 thủ tục').waitFor();

    await choose(page, page, 'Cấp thực hiện', 'Cấp tỉnh');
    await page.getByText('Tìm thấy 4 thủ tục').waitFor();
    assert.match(page.url(), /[?&]level=province(&|$)/);
    assert.deepEqual((await resultCodes(page)).length, 4);
    assert.equal((await resultCodes(page)).includes('1.001193'), false, 'a commune-level procedure is filtered out');

    await choose(page, page, 'Cấp thực hiện', 'Cấp xã');
    await page.getByText('Tìm thấy 14 thủ tục').waitFor();
    await choose(page, page, 'Mức độ trực tuyến', 'Trực tuyến toàn trình');
    const empty = page.getByRole('status').filter({ hasText: 'Không tìm thấy thủ tục phù hợp' });
    await empty.waitFor();
    await empty.getByText('Bỏ bớt bộ lọc đang chọn.').waitFor();
    await screenshot(page, 'catalog-search-empty');
    await empty.getByRole('button', { name: 'Bỏ tất cả bộ lọc' }).click();
    await page.getByText('Tìm thấy 21 thủ tục').waitFor();
    assert.match(page.url(), /\/thu-tuc\?q=khai\+sinh$/);

    // Back undoes a filter (each filter change is a history entry).
    await choose(page, page, 'Mức độ trực tuyến', 'Cung cấp thông tin');
    await page.getByText('Tìm thấy 5 thủ tục').waitFor();
    await page.goBack();
    await page.getByText('Tìm thấy 21 thủ tục').waitFor();

    // Browse by field: the list with counts leads to the filtered search.
    await page.goto('/thu-tuc/linh-vuc');
    await page.getByRole('heading', { level: 2, name: 'Thủ tục theo lĩnh vực' }).waitFor();
    await field(page, 'Lọc danh sách').fill('ho tich');
    const fields = page.getByRole('list', { name: 'Danh sách lĩnh vực' });
    const hoTich = fields.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Hộ tịch', exact: true }) });
    const count = Number((await hoTich.locator('.mantine-Badge-root').innerText()).match(/\d+/)![0]);
    assert.ok(count > 20, `Hộ tịch has ${count} procedures`);
    await screenshot(page, 'catalog-fields');
    await hoTich.getByRole('link', { name: 'Hộ tịch', exact: true }).click();
    await page.waitForURL(/\/thu-tuc\?field=H%E1%BB%99\+t%E1%BB%8Bch$/);
    await page.getByText(`Tìm thấy ${count} thủ tục`).waitFor();
    assert.equal(await field(page, 'Lĩnh vực').inputValue(), `Hộ tịch (${count})`);

    await page.goto('/thu-tuc/co-quan');
    await page.getByRole('list', { name: 'Danh sách cơ quan thực hiện' }).getByRole('link', { name: 'Ủy ban nhân dân cấp xã', exact: true }).click();
    await page.waitForURL(/agency=/);
    await card(page, '1.001193').or(page.locator('article').first()).first().waitFor();
    await close();
  });
});

describe('admin: procedure catalog', () => {
  test('admin edits a procedure\'s online level and sees the new version in its history and on the portal', async () => {
    const { page, close } = await openPage('/admin/catalog');
    await signIn(page, 'admin');
    await page.getByRole('tab', { name: 'Thủ tục hành chính', selected: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bộ thủ tục hành chính' }).waitFor();
    await field(page, 'Tìm thủ tục').fill('1.004222');
    await card(page, '1.004222').getByRole('link', { name: 'Đăng ký thường trú' }).click();
    await page.waitForURL('**/admin/catalog/procedures/1.004222');
    await page.getByRole('heading', { level: 2, name: 'Đăng ký thường trú' }).waitFor();
    await page.getByText('Phiên bản hiện hành: 1').waitFor();
    await page.getByText('Chưa có thay đổi nào.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Lưu phiên bản mới' }).isDisabled(), true);

    await choose(page, page, 'Mức độ trực tuyến', 'Dịch vụ công trực tuyến toàn trình');
    await field(page, 'Số quyết định').fill('1234/QĐ-UBND');
    await page.getByText('Sẽ thay đổi: Mức độ trực tuyến').waitFor();
    await screenshot(page, 'admin-catalog-edit');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText('Đã lưu phiên bản 2 của thủ tục 1.004222.').waitFor();
    await page.getByText('Phiên bản hiện hành: 2').waitFor();

    await page.getByRole('tab', { name: 'Lịch sử phiên bản (2)' }).click();
    const history = page.getByRole('table', { name: 'Các phiên bản của thủ tục' });
    const v2 = history.locator('tr[data-version="2"]');
    assert.match(await v2.innerText(), /2\s*Hiện hành[\s\S]*1234\/QĐ-UBND\s*Quản trị viên cập nhật[\s\S]*Mức độ trực tuyến/);
    assert.match(await history.locator('tr[data-version="1"]').innerText(), /1523\/QĐ-BCA-C06\s*Nhập từ Cổng Dịch vụ công quốc gia[\s\S]*Phiên bản đầu tiên/);
    const changes = page.getByRole('region', { name: 'Phiên bản 2 so với phiên bản 1' });
    const onlineLevel = changes.locator('[data-changed-field="onlineLevel"]');
    assert.match(await onlineLevel.innerText(), /Mức độ trực tuyến\s*−\s*Trước:\s*Dịch vụ công trực tuyến một phần\s*\+\s*Sau:\s*Dịch vụ công trực tuyến toàn trình/);
    await screenshot(page, 'admin-catalog-history');

    // What the server keeps: only the edited field went in; the portal shows the new level.
    const versions = await page.evaluate(async () => (await fetch('/api/procedures/1.004222/versions')).json());
    assert.deepEqual(versions.map((v: { number: number }) => v.number), [1, 2]);
    assert.deepEqual(versions[1].changedFields, ['decision', 'onlineLevel']);
    await page.getByRole('link', { name: 'Xem trên cổng' }).click();
    await page.waitForURL('**/thu-tuc/1.004222');
    await page.getByRole('heading', { level: 2, name: 'Đăng ký thường trú' }).locator('xpath=..').getByText('Trực tuyến toàn trình').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Nộp trực tuyến' }).getAttribute('href'), '/nop-truc-tuyen/1.004222');
    await close();
  });

  test('admin adds a synonym the search then understands, and imports a file, reading its report', async () => {
    const { page, close } = await openPage('/admin/catalog/synonyms');
    await signIn(page, 'admin');
    await page.getByRole('heading', { level: 2, name: 'Từ đồng nghĩa cho tìm kiếm' }).waitFor();
    await page.getByRole('table', { name: 'Danh sách từ đồng nghĩa' }).getByRole('row').nth(5).waitFor();
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await field(page, 'Cách nói của người dân, dòng 1').fill('giấy báo sinh');
    await field(page, 'Cụm từ trong bộ thủ tục, dòng 1').fill('đăng ký khai sinh');
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await page.getByRole('status').getByText(/^Đã lưu \d+ từ đồng nghĩa\.$/).waitFor();
    await screenshot(page, 'admin-catalog-synonyms');
    const synonyms = await page.evaluate(async () => (await fetch('/api/catalog/synonyms')).json());
    assert.ok(synonyms.some((s: { phrase: string; expansion: string }) => s.phrase === 'giấy báo sinh' && s.expansion === 'đăng ký khai sinh'));
    const tryIt = await openPage('/thu-tuc?q=giay+bao+sinh');
    await card(tryIt.page, '1.001193').waitFor();
    assert.equal((await resultCodes(tryIt.page))[0], '1.001193', 'the everyday phrase now finds the birth registration');
    await tryIt.close();

    // Imports: a broken file changes nothing and says where; a good one opens its report.
    await page.getByRole('navigation', { name: 'Quản lý bộ thủ tục' }).getByRole('link', { name: 'Nhập dữ liệu' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nhập bộ thủ tục' }).waitFor();
    const runs = page.getByRole('table', { name: 'Các lần nhập bộ thủ tục' });
    await runs.getByText('dvcqg_details_502.jsonl').waitFor();
    const upload = page.locator('input[type="file"]');
    await upload.setInputFiles({ name: 'hong.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"code":"OK","data":\n') });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await page.getByRole('alert').getByText('Không nhập được tệp; không có gì thay đổi').waitFor();
    await runs.getByText('hong.jsonl').waitFor();

    const details = path.join(system.sys.ctx.config.SHARED_DATA_DIR, 'catalog/dvcqg_details_502.jsonl');
    const sample = fs.readFileSync(details, 'utf8').split('\n').slice(0, 3).join('\n');
    await upload.setInputFiles({ name: 'ba-thu-tuc.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(sample) });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await page.getByRole('heading', { level: 2, name: 'Báo cáo nhập: ba-thu-tuc.jsonl' }).waitFor();
    await page.getByText('Thành công', { exact: true }).waitFor();
    assert.match(await page.locator('dl').innerText(), /Số bản ghi\s*3[\s\S]*Không đổi\s*3/);
    const anomalies = page.getByRole('region', { name: /^Bất thường/ });
    const kinds = anomalies.getByRole('group', { name: 'Lọc theo loại bất thường' });
    if ((await kinds.count()) > 0) {
      const table = anomalies.getByRole('table', { name: 'Danh sách bất thường' });
      assert.ok((await table.getByRole('row').count()) > 1, 'every anomaly is listed');
    }
    await screenshot(page, 'admin-catalog-import-report');
    await close();
  });
});
