/**
 * The citizen's e-form on a small phone (375×812): the e-ID profile fills the applicant's part, a
 * conditional field comes and goes, an incomplete form names its missing fields and sends nothing, a draft
 * is saved as one types, and the result can be asked for by post. The whole journey (counter, supplement by
 * SMS, result, rating) is e2e/journey.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedClock } from '../server/src/platform/clock.ts';
import { browserTestSystem, field, screenshot, signIn, expectText, uploadTo } from './support.ts';

// Monday 04/05/2026 08:00 in Vietnam.
const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
const system = browserTestSystem({ clock, env: { SESSION_HOURS: '720', CITIZEN_SESSION_HOURS: '168' } });
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj<< /Title (${title}) >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);

describe('citizen portal on a phone', () => {
  test('e-ID sign-in, e-form with prefill, conditional field, missing fields, draft and postal return; submitted to my dossiers', async () => {
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
    await page.getByText('Nhận kết quả: Qua dịch vụ bưu chính công ích').waitFor();
    await page.getByRole('link', { name: '← Hồ sơ của tôi' }).click();
    const mine = page.getByTestId('my-dossier');
    await mine.getByText('Thủ tục đăng ký khai sinh').waitFor();
    assert.equal(await mine.count(), 1);
    await screenshot(page, 'portal-my-dossiers-phone');

    // The page fits the phone's width.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375);
    await citizen.close();
  });
});
