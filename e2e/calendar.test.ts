/**
 * Browser tests of the admin app's working calendar (/admin/calendar): the year view, editing the
 * year's days off with a preview, CSV import, unit opening hours, the due-date calculator, and what a
 * non-admin sees. The database starts with the official 2026 schedule (Tết 16–20/02, make-up Saturday
 * 22/08, 31/08–02/09 off).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { browserTestSystem, errorBeside, field, screenshot, signIn } from './support.ts';

const system = browserTestSystem();
const openPage = system.openPage;

const ROOT_NAME = 'Ủy ban nhân dân Thành phố Hồ Chí Minh';
const CENTRE_NAME = 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh';

/** A day cell of the year view; its accessible name says the date, weekday, kind and label. */
const dayCell = (page: Page, iso: string) => page.locator(`td[data-date="${iso}"]`);
const dayLabel = (page: Page, iso: string) => dayCell(page, iso).getAttribute('aria-label');
/** A Mantine Select by its label (its option list carries the same label, hence the role). */
const combobox = (scope: Page | Locator, label: string) => scope.getByRole('combobox', { name: label, exact: true });
async function pick(scope: Page | Locator, label: string, option: string, typed?: string) {
  const input = combobox(scope, label);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await input.page().getByRole('option', { name: option, exact: true }).click();
}
const workingDayCount = async (page: Page) => Number((await page.getByTestId('working-day-count').innerText()).replace(/\D+/g, ''));

async function openCalendar(username: string, query = '?year=2026') {
  const opened = await openPage(`/admin/calendar${query}`);
  await signIn(opened.page, username);
  await opened.page.getByRole('heading', { level: 2, name: 'Lịch làm việc' }).waitFor();
  await dayCell(opened.page, '2026-01-01').waitFor();
  return opened;
}

describe('admin calendar', () => {
  test('shows 2026 with the Tết holiday and the make-up Saturday, named for screen readers, printable, in English too', async () => {
    const { page, close } = await openCalendar('admin');
    await page.getByRole('region', { name: `Lịch năm 2026 — ${ROOT_NAME}` }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Lịch làm việc', selected: true }).count(), 1);

    assert.equal(await dayLabel(page, '2026-02-17'), 'thứ Ba, 17/02/2026: Nghỉ lễ, Tết — Nghỉ Tết Nguyên đán Bính Ngọ');
    assert.equal(await dayLabel(page, '2026-08-22'), 'thứ Bảy, 22/08/2026: Làm bù — Làm bù cho ngày nghỉ thứ Hai 31/08');
    assert.equal(await dayLabel(page, '2026-01-01'), 'thứ Năm, 01/01/2026: Nghỉ lễ, Tết — Tết Dương lịch');
    assert.equal(await dayLabel(page, '2026-03-02'), 'thứ Hai, 02/03/2026: Ngày làm việc');
    assert.equal(await dayLabel(page, '2026-03-07'), 'thứ Bảy, 07/03/2026: Nghỉ cuối tuần');
    // The cell is found by its name, as assistive technology would announce it.
    await page.getByRole('cell', { name: 'thứ Ba, 17/02/2026: Nghỉ lễ, Tết — Nghỉ Tết Nguyên đán Bính Ngọ' }).waitFor();
    assert.equal(await dayCell(page, '2026-02-17').getAttribute('title'), 'Nghỉ lễ, Tết — Nghỉ Tết Nguyên đán Bính Ngọ');
    assert.equal(await workingDayCount(page), 250);
    const legend = page.getByRole('list', { name: 'Chú giải' });
    assert.match(await legend.innerText(), /Ngày làm việc\s*Nghỉ cuối tuần\s*Nghỉ lễ, Tết\s*Nghỉ bù\s*Làm bù\s*Nghỉ theo quyết định của tỉnh/);
    await page.getByText('sửa lịch không tự ý dời ngày hẹn đã ghi cho người dân', { exact: false }).waitFor();
    await screenshot(page, 'calendar-year');

    // On paper: the year only, without navigation, toolbar or editors.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Ứng dụng' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Xem trước thay đổi' }).first().isVisible(), false);
    assert.equal(await combobox(page, 'Năm').isVisible(), false);
    assert.equal(await dayCell(page, '2026-02-17').isVisible(), true);
    await screenshot(page, 'calendar-print');
    await page.emulateMedia({ media: 'screen' });

    // Another year from the picker; then English.
    await pick(page, 'Năm', '2027');
    await page.getByRole('region', { name: `Lịch năm 2027 — ${ROOT_NAME}` }).waitFor();
    assert.match(new URL(page.url()).search, /year=2027/);
    assert.match((await dayLabel(page, '2027-02-06'))!, /^thứ Bảy, 06\/02\/2027: Nghỉ lễ, Tết — Tết Nguyên đán$/);
    await page.getByRole('button', { name: 'Năm trước' }).click();
    await page.getByRole('region', { name: `Lịch năm 2026 — ${ROOT_NAME}` }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Working calendar' }).waitFor();
    assert.equal(await dayLabel(page, '2026-02-17'), 'Tuesday, 17/02/2026: Public holiday — Lunar New Year (Tết): Nghỉ Tết Nguyên đán Bính Ngọ');
    assert.equal(await dayLabel(page, '2026-08-22'), 'Saturday, 22/08/2026: Make-up working day — National Day (2/9): Làm bù cho ngày nghỉ thứ Hai 31/08');
    assert.equal(await dayLabel(page, '2026-01-01'), "Thursday, 01/01/2026: Public holiday — New Year's Day");
    await screenshot(page, 'calendar-english');
    await close();
  });

  test('admin adds a day off of the province: errors beside the row, preview of the changed day, apply, CSV import', async () => {
    const { page, close } = await openCalendar('admin');
    const local = page.getByRole('region', { name: 'Ngày nghỉ riêng của tỉnh' });
    await local.getByText('Chưa có dòng nào.').waitFor();
    await local.getByRole('button', { name: 'Thêm dòng' }).click();
    await field(local, 'Ngày, dòng 1').fill('2026-10-15');
    assert.equal(await local.getByRole('button', { name: 'Áp dụng' }).isDisabled(), true, 'apply waits for a preview');

    // The label is missing: the server's message sits under that row's input.
    await local.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    await local.getByRole('alert').getByText('Dữ liệu gửi lên không hợp lệ').waitFor();
    assert.match(await errorBeside(field(local, 'Nội dung, dòng 1')), /trống/);

    await field(local, 'Nội dung, dòng 1').fill('Ngày truyền thống của Thành phố');
    await local.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    const changes = local.getByRole('table', { name: 'Các ngày sẽ thay đổi' });
    await changes.waitFor();
    assert.match(await changes.locator('tbody tr').innerText(), /thứ Năm, 15\/10\/2026\s+Ngày làm việc\s+→\s+Nghỉ theo quyết định của tỉnh/);
    await local.getByText('Các ngày sẽ thay đổi: 1').waitFor();
    assert.equal(await dayLabel(page, '2026-10-15'), 'thứ Năm, 15/10/2026: Ngày làm việc', 'a preview changes nothing');
    await screenshot(page, 'calendar-preview');

    await local.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText('Đã áp dụng: Ngày nghỉ riêng của tỉnh. Số ngày thay đổi: 1.').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('td[data-date="2026-10-15"]')?.getAttribute('aria-label')?.includes('Nghỉ theo quyết định của tỉnh'),
    );
    assert.equal(await dayLabel(page, '2026-10-15'), 'thứ Năm, 15/10/2026: Nghỉ theo quyết định của tỉnh — Ngày truyền thống của Thành phố');
    assert.equal(await workingDayCount(page), 249);
    assert.equal(await field(local, 'Nội dung, dòng 1').inputValue(), 'Ngày truyền thống của Thành phố');

    // Export: the list as CSV, from the link on the page.
    const href = await local.getByRole('link', { name: 'Tải tệp CSV của danh sách này' }).getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    assert.match(csv, /^date,kind,label/);
    assert.match(csv, /2026-10-15,off,Ngày truyền thống của Thành phố/);

    // Import: a bad file is refused line by line; a good one is previewed, then applied.
    const fileInput = local.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('date,kind,label\n2026-10-15,off,Ngày truyền thống\n2026-13-01,nghi,\n') });
    await local.getByRole('alert').getByText(/^Dòng 3\b/).first().waitFor();
    const good = 'date,kind,label\n2026-10-15,off,Ngày truyền thống của Thành phố\n2026-12-31,off,Nghỉ cuối năm\n';
    await fileInput.setInputFiles({ name: 'lich-rieng.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await local.getByText('Xem trước tệp lich-rieng.csv').waitFor();
    assert.match(await local.getByRole('table', { name: 'Các ngày sẽ thay đổi' }).innerText(), /thứ Năm, 31\/12\/2026\s+Ngày làm việc\s+→\s+Nghỉ theo quyết định của tỉnh/);
    await local.getByRole('button', { name: 'Áp dụng tệp lich-rieng.csv' }).click();
    await page.waitForFunction(() => document.querySelector('td[data-date="2026-12-31"]')?.getAttribute('aria-label')?.includes('Nghỉ cuối năm'));
    assert.equal(await workingDayCount(page), 248);
    assert.equal(await field(local, 'Nội dung, dòng 2').inputValue(), 'Nghỉ cuối năm');
    await close();
  });

  test('due-date calculator: 3 working days from Friday 13/02/2026 10:00, across Tết, end at 10:00 on Wednesday 25/02/2026', async () => {
    const { page, close } = await openCalendar('admin');
    const calculator = page.getByRole('region', { name: 'Tính hạn' });
    await field(calculator, 'Thời điểm tiếp nhận').fill('2026-02-13T10:00');
    await field(calculator, 'Thời hạn').fill('3');
    assert.equal(await combobox(calculator, 'Tính theo').inputValue(), 'ngày làm việc');
    assert.equal(await combobox(calculator, 'Đơn vị giải quyết').inputValue(), ROOT_NAME);
    await calculator.getByRole('button', { name: 'Tính hạn' }).click();
    await calculator.getByText('Hạn giải quyết: 10:00 thứ Tư, 25/02/2026').waitFor();

    // Received after 15:00 with the cut-off rule: counting starts the next working day (23/02, after Tết).
    await field(calculator, 'Thời điểm tiếp nhận').fill('2026-02-13T15:30');
    await calculator.getByRole('checkbox', { name: 'Tiếp nhận sau 15:00 thì tính từ ngày làm việc tiếp theo' }).check();
    await calculator.getByRole('button', { name: 'Tính hạn' }).click();
    await calculator.getByText('Hạn giải quyết: 17:00 thứ Tư, 25/02/2026').waitFor();
    await calculator.getByText('Bắt đầu tính từ: 07:00 thứ Hai, 23/02/2026').waitFor();
    await screenshot(page, 'calendar-due-date');
    await close();
  });

  test('admin gives the service centre Saturday-morning hours, sees them in the year and in deadlines, then inherits again', async () => {
    const { page, close } = await openCalendar('admin');
    await pick(page, 'Đơn vị', CENTRE_NAME, 'trung tam phuc vu');
    await page.getByRole('region', { name: `Lịch năm 2026 — ${CENTRE_NAME}` }).waitFor();
    assert.match(new URL(page.url()).search, /unit=000\.00\.01\.H29/);
    const hours = page.getByRole('region', { name: 'Giờ làm việc' });
    await hours.getByText(`Giờ làm việc của ${CENTRE_NAME}`).waitFor();
    await hours.getByText('Theo giờ hành chính mặc định: thứ Hai đến thứ Sáu, 07:00–11:30 và 13:30–17:00.').waitFor();

    await hours.getByRole('button', { name: 'Sửa giờ làm việc' }).click();
    assert.equal(await field(hours, 'Thứ Hai').inputValue(), '07:00-11:30, 13:30-17:00');
    await field(hours, 'Thứ Bảy').fill('7:30-11:30');
    await hours.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await hours.getByRole('alert').getByText('Dữ liệu gửi lên không hợp lệ').waitFor();
    assert.match(await errorBeside(field(hours, 'Thứ Bảy')), /\S/);

    await field(hours, 'Thứ Bảy').fill('07:30-11:30');
    await hours.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await page.getByText(`Đã lưu giờ làm việc của ${CENTRE_NAME}.`).waitFor();
    await hours.getByText('Giờ riêng của đơn vị này.').waitFor();
    const saturday = hours.getByRole('row', { name: /^Thứ Bảy/ });
    assert.match(await saturday.innerText(), /Thứ Bảy\s+07:30–11:30/);
    await page.waitForFunction(() => document.querySelector('td[data-date="2026-03-07"]')?.getAttribute('aria-label')?.includes('đơn vị làm việc'));
    assert.equal(await dayLabel(page, '2026-03-07'), 'thứ Bảy, 07/03/2026: Nghỉ cuối tuần — đơn vị làm việc 4 giờ');
    assert.ok((await workingDayCount(page)) > 290, 'Saturdays count as working days of the centre');
    await page.getByRole('list', { name: 'Chú giải' }).getByText('Đơn vị làm việc vào ngày nghỉ').waitFor();

    // Deadlines at the centre use its Saturdays: 5 h on Friday 13/02 + 4 h on 14/02 + 4 h on 21/02 + 8 h on 23/02 + 3 h.
    const calculator = page.getByRole('region', { name: 'Tính hạn' });
    assert.equal(await combobox(calculator, 'Đơn vị giải quyết').inputValue(), CENTRE_NAME);
    await field(calculator, 'Thời điểm tiếp nhận').fill('2026-02-13T10:00');
    await field(calculator, 'Thời hạn').fill('3');
    await calculator.getByRole('button', { name: 'Tính hạn' }).click();
    await calculator.getByText('Hạn giải quyết: 10:00 thứ Ba, 24/02/2026').waitFor();
    await screenshot(page, 'calendar-hours');

    await hours.getByRole('button', { name: 'Dùng giờ của đơn vị cấp trên' }).click();
    await page.getByText(`${CENTRE_NAME} đã dùng lại giờ làm việc của đơn vị cấp trên.`).waitFor();
    await hours.getByText('Theo giờ hành chính mặc định: thứ Hai đến thứ Sáu, 07:00–11:30 và 13:30–17:00.').waitFor();
    assert.match(await saturday.innerText(), /Thứ Bảy\s+Nghỉ/);
    await close();
  });

  test('a leader sees the calendar read-only, and other admin sections stay closed', async () => {
    const { page, close } = await openPage('/admin/units');
    await signIn(page, 'lanhdao');
    await page.getByText('Không có quyền truy cập').waitFor();
    await page.getByRole('link', { name: 'Xem lịch làm việc' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lịch làm việc' }).waitFor();
    await page.locator('td[data-date]').first().waitFor();
    // Only the calendar tab; no editing controls, and a sentence saying why.
    assert.deepEqual(await page.getByRole('tab').allInnerTexts(), ['Lịch làm việc']);
    await page.getByText('Chỉ quản trị viên cấp tỉnh được sửa lịch nghỉ, làm bù trong năm.', { exact: false }).waitFor();
    await page.getByText('Chỉ quản trị viên của đơn vị này hoặc đơn vị cấp trên được sửa giờ làm việc.').waitFor();
    for (const name of ['Thêm dòng', 'Xem trước thay đổi', 'Áp dụng', 'Sửa giờ làm việc']) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `${name} is hidden`);
    }
    assert.equal(await page.locator('input[type="file"]').count(), 0);
    // Looking is allowed: the calculator works for everyone.
    const calculator = page.getByRole('region', { name: 'Tính hạn' });
    await field(calculator, 'Thời điểm tiếp nhận').fill('2026-02-13T10:00');
    await calculator.getByRole('button', { name: 'Tính hạn' }).click();
    await calculator.getByText('Hạn giải quyết: 10:00 thứ Tư, 25/02/2026').waitFor();
    await screenshot(page, 'calendar-read-only');
    await close();
  });
});
