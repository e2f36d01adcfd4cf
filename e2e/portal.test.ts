/**
 * The citizen portal on a phone (375×812): sign in through the sandbox e-ID, find a procedure, fill its
 * e-form with an attachment, submit, see the dossier in "my dossiers"; the counter receives it; a
 * supplement the agency asks for is handed in from the phone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { fixedClock } from '../server/src/platform/clock.ts';
import { ApiClient } from '../server/src/testing/harness.ts';
import { browserTestSystem, field, screenshot, signIn, expectText } from './support.ts';

// Monday 04/05/2026 08:00 in Vietnam.
const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
const system = browserTestSystem({ clock, env: { SESSION_HOURS: '720', CITIZEN_SESSION_HOURS: '168' } });
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj<< /Title (${title}) >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);

async function uploadTo(page: Page, button: Locator, name: string, bytes: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
}

describe('citizen portal on a phone', () => {
  test('e-ID sign-in, e-form with an attachment, submission, my dossiers; the counter receives it; the citizen hands in a supplement', async () => {
    const citizen = await system.openPage('/', PHONE);
    const page = citizen.page;

    // Sign in through the sandbox national e-ID.
    await page.getByRole('link', { name: 'Đăng nhập', exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Đăng nhập công dân' }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử (VNeID)' }).click();
    await page.getByRole('heading', { name: 'Định danh điện tử — môi trường thử nghiệm' }).waitFor();
    await page.locator('form', { hasText: 'Nguyễn Văn An' }).getByRole('button', { name: 'Đăng nhập với tài khoản này' }).click();
    await page.waitForURL('**/ho-so-cua-toi');
    await page.getByTestId('citizen-name').getByText('Xin chào, Nguyễn Văn An').waitFor();
    await page.getByText('Bạn chưa nộp hồ sơ trực tuyến nào.').waitFor();

    // Find the procedure and open its e-form.
    await page.getByRole('link', { name: 'Tìm thủ tục để nộp' }).click();
    await field(page, 'Tìm thủ tục').fill('khai sinh');
    await page.locator('article[data-procedure-code="1.001193"]').getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
    await page.waitForURL('**/nop-truc-tuyen/1.001193');

    // The applicant's part comes from the e-ID profile.
    const form = page.locator('form#eform');
    await form.locator('#root_applicant_fullName').waitFor();
    assert.equal(await form.locator('#root_applicant_fullName').inputValue(), 'Nguyễn Văn An');
    assert.equal(await form.locator('#root_applicant_idNumber').inputValue(), '079090001234');
    assert.equal(await field(page, 'Số nhà, đường, thôn, ấp').inputValue(), 'Số 12 đường Thuận Giao 21, khu phố Bình Thuận');

    // Conditional field: "Người khác" asks who; choosing "Cha" takes it away again.
    await form.getByLabel('Người khác').check();
    await form.locator('#root_relationOther').waitFor();
    await form.getByLabel('Cha', { exact: true }).check();
    await form.locator('#root_relationOther').waitFor({ state: 'detached' });

    // Submitting with the child's part empty: the browser names the fields (nothing is sent).
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await form.locator('.has-error').first().waitFor();
    assert.ok((await form.getByText('Bắt buộc phải có').count()) >= 3);

    await form.locator('#root_child_fullName').fill('Nguyễn Minh Khang');
    await form.getByLabel('Nam', { exact: true }).check();
    await form.locator('#root_child_birthDate').fill('2026-04-20');
    await form.locator('#root_child_birthPlace').fill('Bệnh viện đa khoa Thuận An');
    const slot = page.getByTestId('document-slot').filter({ hasText: 'Giấy chứng sinh' }).first();
    await uploadTo(page, slot.getByRole('button', { name: 'Chọn tệp' }), 'giay-chung-sinh.pdf', pdf('Giay chung sinh'));
    await slot.getByText('Đã đính kèm: giay-chung-sinh.pdf').waitFor();
    await page.getByTestId('draft-status').getByText(/Đã lưu nháp lúc/).waitFor();
    await page.getByLabel('Qua dịch vụ bưu chính công ích').check();
    await screenshot(page, 'portal-eform-phone');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    await page.waitForURL(/\/ho-so-cua-toi\/[0-9a-f-]{36}\?moi=1$/);
    await page.getByTestId('submitted-notice').waitFor();
    await expectText(page.getByTestId('dossier-status'), 'Chờ tiếp nhận');
    const dossierId = /ho-so-cua-toi\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('link', { name: '← Hồ sơ của tôi' }).click();
    const mine = page.getByTestId('my-dossier');
    await mine.getByText('Thủ tục đăng ký khai sinh').waitFor();
    assert.equal(await mine.count(), 1);
    await screenshot(page, 'portal-my-dossiers-phone');

    // The counter sees it among the online submissions and receives it.
    const office = await system.openPage('/office/receive');
    await signIn(office.page, 'tiepnhan');
    const item = office.page.getByTestId('online-submission').filter({ hasText: 'Nguyễn Văn An — Thủ tục đăng ký khai sinh' });
    await item.waitFor();
    await field(item, 'Thời hạn giải quyết (ngày làm việc, nếu danh mục không ghi)').fill('3');
    await item.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await office.page.getByRole('status').getByText(/^Đã tiếp nhận hồ sơ 000\.00\.01\.H29-260504-\d{4}$/).waitFor();
    await item.waitFor({ state: 'detached' });
    await office.close();

    // The citizen's phone shows the code and the processing.
    await page.getByRole('link', { name: 'Xem chi tiết' }).click();
    await page.getByTestId('dossier-code').getByText(/000\.00\.01\.H29-260504-\d{4}/).waitFor();
    await expectText(page.getByTestId('dossier-status'), 'Đang giải quyết');
    await page.getByText('Bộ phận một cửa đã tiếp nhận hồ sơ').waitFor();

    // The agency asks for a supplement; the citizen uploads it right there.
    const leader = new ApiClient(system.sys.url);
    await leader.login('lanhdao');
    const detail = await leader.get(`/api/dossiers/${dossierId}`);
    const asked = await leader.post(`/api/dossiers/${dossierId}/actions`, { type: 'supplement_requested', expectedVersion: detail.body.version, reason: 'Thiếu giấy tờ chứng minh quan hệ', missing: ['Giấy chứng nhận kết hôn của cha mẹ'] });
    assert.equal(asked.status, 200);
    await page.reload();
    const card = page.getByTestId('supplement-card');
    await card.getByText('Lý do: Thiếu giấy tờ chứng minh quan hệ').waitFor();
    await uploadTo(page, card.getByRole('button', { name: 'Chọn tệp' }), 'ket-hon.pdf', pdf('Ket hon'));
    await card.getByText('Đã đính kèm: ket-hon.pdf').waitFor();
    await card.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByText('Đã nhận giấy tờ bổ sung').waitFor();
    await expectText(page.getByTestId('dossier-status'), 'Đang giải quyết');
    await screenshot(page, 'portal-dossier-phone');
    // The page fits the phone's width.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375);
    await citizen.close();
  });
});
