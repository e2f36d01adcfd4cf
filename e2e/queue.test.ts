/**
 * The queue in the browser, three pages open: the kiosk takes a ticket, the counter calls it, the
 * display board shows it (live, over server-sent events); then the same with the counter and the board
 * on two server instances sharing one PostgreSQL database (LISTEN/NOTIFY between them).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixedClock } from '../server/src/platform/clock.ts';
import { startSecondInstance } from '../server/src/testing/harness.ts';
import { browserTestSystem, choose, screenshot, signIn, expectText } from './support.ts';

// Monday 23 November 2026, 08:30 in Vietnam: the centre is open.
const system = browserTestSystem({ clock: fixedClock(new Date('2026-11-23T01:30:00Z')) });

async function takeTicket(kiosk: Page, groupLabel: RegExp) {
  await kiosk.getByRole('button', { name: 'Lấy số thứ tự' }).click();
  await kiosk.getByRole('button', { name: groupLabel }).click();
  await kiosk.getByRole('button', { name: 'Không, lấy số thường' }).click();
  return kiosk.getByTestId('ticket-number').innerText();
}

async function callNext(counter: Page) {
  await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  return counter.getByTestId('counter-current-number').innerText();
}

async function openCounter(url: string, counterName: string) {
  const counter = await system.openPage(url);
  await signIn(counter.page, 'tiepnhan');
  await counter.page.getByRole('heading', { name: 'Quầy phục vụ' }).waitFor();
  await choose(counter.page, counter.page, 'Chọn quầy', counterName);
  await counter.page.getByRole('button', { name: 'Vào quầy' }).click();
  await counter.page.getByText(`Bạn đang ở ${counterName}`).waitFor();
  return counter;
}

describe('queue: kiosk, counter and display board', () => {
  test('a ticket taken at the kiosk, called at the counter, shows on the board and can be rated', async () => {
    const display = await system.openPage('/display?centre=000.00.01.H29', { viewport: { width: 1600, height: 900 } });
    await display.page.getByText('Chưa có lượt gọi').waitFor();
    const kiosk = await system.openPage('/kiosk', { hasTouch: true, viewport: { width: 1366, height: 900 } });
    const number = await takeTicket(kiosk.page, /^A — Hộ tịch, chứng thực/);
    assert.equal(number, 'A001');
    await kiosk.page.getByText('Số người trước bạn: 0').waitFor();
    await screenshot(kiosk.page, 'queue-kiosk-ticket');
    // The printable slip.
    const slip = await system.openPage(await kiosk.page.getByRole('link', { name: 'In phiếu' }).getAttribute('href').then((h) => h!.replace('?print=1', '')));
    await expectText(slip.page.getByTestId('print-number'), 'A001');
    await screenshot(slip.page, 'queue-ticket-slip');
    await slip.close();

    const counter = await openCounter('/office/counter', 'Quầy 1 — Hộ tịch');
    await counter.page.getByRole('cell', { name: 'A001', exact: true }).waitFor();
    assert.equal(await callNext(counter.page), 'A001');
    // The board shows the call (live, no reload), and in which words it is announced.
    await display.page.getByTestId('latest-call').getByText('Mời số A001 đến quầy số 1').waitFor();
    await display.page.getByTestId('serving-1').getByText('A001').waitFor();
    await screenshot(display.page, 'queue-display-called');

    await counter.page.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    await counter.page.getByText('Đang phục vụ', { exact: true }).first().waitFor();
    await counter.page.getByRole('button', { name: 'Kết thúc' }).click();
    await counter.page.getByText('Chưa gọi số nào').waitFor();
    await screenshot(counter.page, 'queue-counter');

    // The citizen rates the officer at the kiosk.
    await kiosk.page.getByRole('button', { name: 'Xong' }).click();
    await kiosk.page.getByRole('button', { name: 'Đánh giá' }).click();
    await kiosk.page.getByLabel('Số thứ tự').fill('a001');
    await kiosk.page.getByRole('button', { name: 'Tiếp tục' }).click();
    await kiosk.page.getByText('A001 · Cán bộ phục vụ: Nguyễn Thị Tiếp Nhận — quầy 1').waitFor();
    await kiosk.page.getByLabel('Nhanh chóng').check();
    await kiosk.page.getByRole('button', { name: 'Rất hài lòng' }).click();
    await kiosk.page.getByText('Cảm ơn quý khách đã đánh giá!').waitFor();

    await counter.page.getByRole('button', { name: 'Rời quầy' }).click();
    await counter.page.getByRole('button', { name: 'Vào quầy' }).waitFor();
    await Promise.all([kiosk.close(), counter.close(), display.close()]);
  });

  test('the counter on one server instance, the board on another: the call still shows', async (t) => {
    if (system.sys.ctx.engine !== 'postgresql') {
      t.skip('PGlite is one process: two instances need PostgreSQL (set DATABASE_URL)');
      return;
    }
    const second = await startSecondInstance(system.sys);
    try {
      const display = await system.openPage(`${second.url}/display/000.00.01.H29`, { viewport: { width: 1600, height: 900 } });
      await display.page.getByRole('heading', { name: 'Đang phục vụ' }).waitFor();
      const kiosk = await system.openPage('/kiosk', { hasTouch: true });
      const number = await takeTicket(kiosk.page, /^C — Đăng ký kinh doanh/);
      const counter = await openCounter('/office/counter', 'Quầy 5 — Kinh doanh');
      assert.equal(await callNext(counter.page), number);
      await display.page.getByTestId('latest-call').getByText(`Mời số ${number} đến quầy số 5`).waitFor();
      await screenshot(display.page, 'queue-display-second-instance');
      await Promise.all([kiosk.close(), counter.close(), display.close()]);
    } finally {
      await second.close();
    }
  });
});
