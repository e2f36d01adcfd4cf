/**
 * Issue #7's first acceptance line as one journey through the real UI. The citizen is on a phone
 * (390×844): signs in through the sandbox e-ID, finds a procedure, fills its e-form with an attachment,
 * submits, sees it in "my dossiers". The officers are at desks: the counter receives it from the online
 * review queue, the ward's specialist asks for a supplement, which arrives as an SMS in the sandbox inbox;
 * the citizen uploads the missing paper from the phone; the specialist appraises and forwards, the leader
 * issues the result, the counter returns it; the citizen sees the code, the receipt and the result, and
 * rates the service from "my dossiers". Every citizen page is checked to fit 390 px. Frozen clock:
 * Monday 04/05/2026 08:00 in Vietnam.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixedClock } from '../server/src/platform/clock.ts';
import { browserTestSystem, expectText, field, screenshot, signIn, act, uploadTo } from './support.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
const system = browserTestSystem({ clock, env: { SESSION_HOURS: '720', CITIZEN_SESSION_HOURS: '168', NOTIFY_POLL_MS: '200' } });
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj<< /Title (${title}) >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);

/**
 * A long walk on a machine the suite may share: each wait may take up to 20 s (support.ts's default is
 * 10 s), which only matters when the machine is slow; every wait is still for an exact state.
 */
async function open(path: string, options: Parameters<typeof system.openPage>[1] = {}) {
  const opened = await system.openPage(path, options);
  opened.page.context().setDefaultTimeout(20_000);
  return opened;
}

/** No horizontal scrolling on the phone: the page's content is no wider than the screen. */
async function fitsPhone(page: Page, what: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= innerWidth, `${what} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}


/** From the office work queue to the dossier's page. */
async function openFromQueue(page: Page, code: string) {
  await page.getByRole('table', { name: 'Danh sách hồ sơ' }).locator(`tr[data-dossier-code="${code}"]`).getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 2, name: code }).waitFor();
}

describe('issue #7: the citizen journey on a phone', () => {
  test('e-ID → e-form with attachment → counter → supplement by SMS → upload → result returned → rated', async () => {
    const started = Date.now();
    const citizen = await open('/', PHONE);
    const phone = citizen.page;
    await phone.getByRole('link', { name: 'Đăng nhập', exact: true }).first().waitFor();
    await fitsPhone(phone, 'the portal home');

    // --- Sign in through the sandbox national e-ID.
    await phone.getByRole('link', { name: 'Đăng nhập', exact: true }).first().click();
    await phone.getByRole('heading', { level: 2, name: 'Đăng nhập công dân' }).waitFor();
    await fitsPhone(phone, 'the sign-in page');
    await phone.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử (VNeID)' }).click();
    await phone.getByRole('heading', { name: 'Định danh điện tử — môi trường thử nghiệm' }).waitFor();
    await fitsPhone(phone, 'the sandbox e-ID page');
    await phone.locator('form', { hasText: 'Nguyễn Văn An' }).getByRole('button', { name: 'Đăng nhập với tài khoản này' }).click();
    await phone.waitForURL('**/ho-so-cua-toi');
    await expectText(phone.getByTestId('citizen-name'), 'Xin chào, Nguyễn Văn An');
    await phone.getByText('Bạn chưa nộp hồ sơ trực tuyến nào.').waitFor();
    await fitsPhone(phone, '"my dossiers" (empty)');

    // --- Find the procedure in the catalog and open its e-form.
    await phone.getByRole('link', { name: 'Tìm thủ tục để nộp' }).click();
    await field(phone, 'Tìm thủ tục').fill('khai sinh');
    const result = phone.locator('article[data-procedure-code="1.001193"]');
    await result.waitFor();
    await fitsPhone(phone, 'the catalog search');
    await result.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await fitsPhone(phone, 'the procedure page');
    await phone.getByRole('link', { name: 'Nộp trực tuyến' }).click();
    await phone.waitForURL('**/nop-truc-tuyen/1.001193');

    // --- The e-form: the applicant comes from the e-ID; the child's part and the birth certificate by hand.
    const form = phone.locator('form#eform');
    await form.locator('#root_applicant_fullName').waitFor();
    assert.equal(await form.locator('#root_applicant_fullName').inputValue(), 'Nguyễn Văn An');
    await form.getByLabel('Cha', { exact: true }).check();
    await form.locator('#root_child_fullName').fill('Nguyễn Minh Khang');
    await form.getByLabel('Nam', { exact: true }).check();
    await form.locator('#root_child_birthDate').fill('2026-04-20');
    await form.locator('#root_child_birthPlace').fill('Bệnh viện đa khoa Thuận An');
    const slot = phone.getByTestId('document-slot').filter({ hasText: 'Giấy chứng sinh' }).first();
    await uploadTo(phone, slot.getByRole('button', { name: 'Chọn tệp' }), 'giay-chung-sinh.pdf', pdf('Giay chung sinh'));
    await slot.getByText('Đã đính kèm: giay-chung-sinh.pdf').waitFor();
    await fitsPhone(phone, 'the e-form');
    await screenshot(phone, 'journey-1-eform');
    await phone.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    await phone.waitForURL(/\/ho-so-cua-toi\/[0-9a-f-]{36}\?moi=1$/);
    await phone.getByTestId('submitted-notice').waitFor();
    await expectText(phone.getByTestId('dossier-status'), 'Chờ tiếp nhận');
    await expectText(phone.getByTestId('dossier-code'), 'Mã hồ sơ: Chưa có mã (cấp khi tiếp nhận)');
    await fitsPhone(phone, 'the submitted dossier');
    await phone.getByRole('link', { name: '← Hồ sơ của tôi' }).click();
    const mine = phone.getByTestId('my-dossier');
    await mine.getByText('Thủ tục đăng ký khai sinh').waitFor();
    assert.equal(await mine.count(), 1);
    await expectText(mine.getByTestId('dossier-status'), 'Chờ tiếp nhận');
    await fitsPhone(phone, '"my dossiers"');

    // --- The counter finds it in the online review queue and receives it.
    const counter = await open('/office/receive');
    await signIn(counter.page, 'tiepnhan');
    const item = counter.page.getByTestId('online-submission').filter({ hasText: 'Nguyễn Văn An — Thủ tục đăng ký khai sinh' });
    await item.waitFor();
    await field(item, 'Thời hạn giải quyết (ngày làm việc, nếu danh mục không ghi)').fill('3');
    await item.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const received = counter.page.getByRole('status').getByText(/^Đã tiếp nhận hồ sơ 000\.00\.01\.H29-260504-\d{4}$/);
    await received.waitFor();
    const code = (await received.innerText()).replace('Đã tiếp nhận hồ sơ ', '');
    await item.waitFor({ state: 'detached' });

    // --- The citizen's phone now shows the code and the receipt.
    await phone.getByRole('link', { name: 'Xem chi tiết' }).click();
    await expectText(phone.getByTestId('dossier-code'), `Mã hồ sơ: ${code}`);
    await expectText(phone.getByTestId('dossier-status'), 'Đang giải quyết');
    const receipt = phone.getByRole('link', { name: 'Giấy tiếp nhận và hẹn trả kết quả (PDF)' });
    const receiptPdf = await phone.request.get((await receipt.getAttribute('href'))!);
    assert.equal(receiptPdf.status(), 200);
    assert.equal(receiptPdf.headers()['content-type'], 'application/pdf');
    await fitsPhone(phone, 'the received dossier');

    // --- The ward's specialist finds it in the work queue and asks for a supplement.
    const specialist = await open('/office/queue');
    await signIn(specialist.page, 'chuyenvien');
    await openFromQueue(specialist.page, code);
    await act(specialist.page, 'Yêu cầu bổ sung', async (dialog) => {
      await field(dialog, 'Nội dung').fill('Thiếu giấy tờ chứng minh quan hệ cha con');
      await field(dialog, 'Thành phần cần bổ sung').fill('Giấy chứng nhận kết hôn của cha mẹ');
    });

    // --- The SMS arrives in the sandbox inbox, with the dossier's code.
    await phone.goto('/sandbox/inbox');
    await field(phone, 'Số điện thoại hoặc email người nhận').fill('0901234567');
    const sms = phone.getByRole('listitem').filter({ hasText: `Ho so ${code} can bo sung` });
    await sms.waitFor();
    assert.equal(await sms.getAttribute('data-channel'), 'sms');
    assert.match(await sms.innerText(), /Giay chung nhan ket hon cua cha me/);
    await phone.getByRole('listitem').filter({ hasText: `Ho so ${code} (Thu tuc dang ky khai sinh) da duoc tiep nhan` }).waitFor();
    await fitsPhone(phone, 'the sandbox inbox');
    await screenshot(phone, 'journey-2-sms');

    // --- The citizen opens "my dossiers" and uploads the missing paper.
    await phone.goto('/ho-so-cua-toi');
    await mine.getByText('Bạn cần bổ sung').waitFor();
    await expectText(mine.getByTestId('dossier-status'), 'Cần bổ sung giấy tờ');
    await fitsPhone(phone, '"my dossiers" with a supplement to hand in');
    await mine.getByRole('link', { name: 'Xem chi tiết' }).click();
    const card = phone.getByTestId('supplement-card');
    await card.getByText('Lý do: Thiếu giấy tờ chứng minh quan hệ cha con').waitFor();
    await fitsPhone(phone, 'the supplement card');
    await uploadTo(phone, card.getByRole('button', { name: 'Chọn tệp' }), 'ket-hon.pdf', pdf('Ket hon'));
    await card.getByText('Đã đính kèm: ket-hon.pdf').waitFor();
    await card.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await card.waitFor({ state: 'detached' });
    await expectText(phone.getByTestId('dossier-status'), 'Đang giải quyết');
    await screenshot(phone, 'journey-3-supplement');

    // --- The office goes on: the specialist appraises and forwards, the leader issues the result.
    let page = specialist.page;
    await page.reload();
    await page.getByRole('list', { name: 'Quá trình xử lý' }).getByText('Giấy chứng nhận kết hôn của cha mẹ').first().waitFor();
    await page.getByRole('link', { name: 'Mở tệp ket-hon.pdf' }).waitFor();
    await act(page, 'Ý kiến thẩm định', (dialog) => field(dialog, 'Nội dung ý kiến').fill('Hồ sơ đủ điều kiện đăng ký khai sinh.'));
    await act(page, 'Chuyển xử lý');
    await specialist.close();

    const leader = await open('/office/queue');
    page = leader.page;
    await signIn(page, 'lanhdao');
    await openFromQueue(page, code);
    await act(page, 'Phê duyệt, ban hành kết quả', async (dialog) => {
      await uploadTo(page, dialog.getByRole('button', { name: 'Tải tệp — giấy tờ 1' }), 'trich-luc-khai-sinh.pdf', pdf('Trich luc'));
      await dialog.getByText(/^✓ Đã lưu trich-luc-khai-sinh\.pdf/).waitFor();
    });
    await expectText(page.getByTestId('dossier-status'), 'Đã xử lý xong');
    await leader.close();

    // --- The counter returns the result.
    page = counter.page;
    await page.goto('/office/queue');
    await openFromQueue(page, code);
    await act(page, 'Trả kết quả');
    await expectText(page.getByTestId('dossier-status'), 'Đã trả kết quả');
    await counter.close();

    // --- The citizen sees the result returned and rates the service from "my dossiers".
    await phone.goto('/ho-so-cua-toi');
    await expectText(mine.getByTestId('dossier-status'), 'Đã trả kết quả');
    await fitsPhone(phone, '"my dossiers" with the result returned');
    await mine.getByRole('link', { name: 'Xem chi tiết' }).click();
    await expectText(phone.getByTestId('dossier-status'), 'Đã trả kết quả');
    // The result, returned electronically, opens from the phone.
    const resultLink = phone.getByTestId('dossier-results').getByRole('link', { name: 'Mở tệp trich-luc-khai-sinh.pdf' });
    const resultFile = await phone.request.get((await resultLink.getAttribute('href'))!);
    assert.equal(resultFile.status(), 200);
    assert.equal(resultFile.headers()['content-type'], 'application/pdf');
    assert.deepEqual(await resultFile.body(), pdf('Trich luc'));
    await fitsPhone(phone, 'the returned dossier');
    await screenshot(phone, 'journey-4-returned');
    await phone.getByTestId('rate-card').getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).click();
    await phone.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    await fitsPhone(phone, 'the rating page');
    await phone.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await field(phone, 'Góp ý (không bắt buộc)').fill('Nộp trên điện thoại rất tiện');
    await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await phone.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await fitsPhone(phone, 'the rating page, rated');
    await screenshot(phone, 'journey-5-rated');
    await citizen.close();

    const dossier = await system.sys.ctx.db.selectFrom('dossier').select(['id', 'status']).where('code', '=', code).executeTakeFirstOrThrow();
    assert.equal(dossier.status, 10);
    const rating = await system.sys.ctx.db.selectFrom('dossier_rating').selectAll().where('dossier_id', '=', dossier.id).executeTakeFirstOrThrow();
    assert.deepEqual([rating.overall, rating.source, rating.comment], ['satisfied', 'portal', 'Nộp trên điện thoại rất tiện']);
    console.log(`journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
