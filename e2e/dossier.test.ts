/**
 * Browser tests of the office app's dossier pages: reception at the counter, the work queue, the
 * dossier page with its actions, on the real server with a frozen clock (Monday 04/05/2026 08:00 in
 * Vietnam, after 1.004222's catalog version came into force on 26/03/2026).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { fixedClock } from '../server/src/platform/clock.ts';
import { ApiClient } from '../server/src/testing/harness.ts';
import { browserTestSystem, choose, errorBeside, field, screenshot, signIn, act, uploadTo } from './support.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
const system = browserTestSystem({ clock, env: { SESSION_HOURS: '720' } });

/** A small but real PDF: the server sniffs the type from the bytes. */
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj<< /Title (${title}) >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);
const DECLARATION = 'Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA) hoặc';

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Types into the procedure box as an officer does and takes the first result with Enter. */
async function pickProcedure(page: Page, typed: string, option: string) {
  const box = field(page, 'Thủ tục');
  await box.pressSequentially(typed);
  await page.getByRole('option', { name: option }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('catalog-time').waitFor();
}


const timelineTypes = (page: Page) =>
  page.getByRole('list', { name: 'Quá trình xử lý' }).locator('[data-event-type]').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));

describe('dossier main path', () => {
  test('counter receives 1.004222 with a scan; the specialist appraises and forwards; the leader issues the result; the counter returns it', async () => {
    // --- Reception at the counter, by keyboard as far as a counter goes.
    const counter = await system.openPage('/office');
    let page = counter.page;
    await signIn(page, 'tiepnhan');
    const cards = page.getByRole('list', { name: 'Số hồ sơ cần xử lý' });
    await cards.getByRole('listitem', { name: 'Của đơn vị: 0' }).waitFor();
    await page.getByRole('link', { name: 'Mở quầy tiếp nhận' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tiếp nhận hồ sơ' }).waitFor();
    assert.ok(await isFocused(field(page, 'Thủ tục')), 'the procedure search has the focus');

    await pickProcedure(page, 'thuong tru', '1.004222 — Đăng ký thường trú');
    assert.equal(await field(page, 'Thủ tục').inputValue(), '1.004222 — Đăng ký thường trú');
    assert.equal(await page.getByTestId('catalog-time').innerText(), '7 ngày làm việc');
    assert.equal(await page.getByRole('group', { name: 'Thời hạn giải quyết do cán bộ xác định' }).count(), 0, 'the catalog gives the time');

    // The ID number field has the focus; a scanner types fast and ends with Enter, which moves on.
    const idNumber = field(page, 'Số định danh cá nhân');
    await page.waitForFunction(() => document.activeElement?.id === 'reception-id-number');
    await page.keyboard.type('079085001234', { delay: 2 });
    await page.keyboard.press('Enter');
    assert.ok(await isFocused(field(page, 'Họ và tên')), 'Enter moved on to the full name');
    await page.keyboard.type('Nguyễn Văn An');
    await page.keyboard.press('Enter');
    assert.ok(await isFocused(field(page, 'Số điện thoại')));
    await page.keyboard.type('0912345678');
    assert.equal(await idNumber.inputValue(), '079085001234');

    // The deciding agency follows the applicant's commune.
    const applicant = page.getByRole('region', { name: 'Người nộp hồ sơ' });
    await choose(applicant, page, 'Xã/phường nơi cư trú', 'Phường Thuận Giao (25969)', 'thuan giao');
    await field(page, 'Số nhà, đường, thôn/ấp').fill('12 đường ĐT743');
    assert.equal(await field(page, 'Cơ quan giải quyết').inputValue(), 'Ủy ban nhân dân phường Thuận Giao');

    // The checklist comes from the catalog; the declaration is scanned on the spot.
    const row = page.locator('[data-doc-row]').filter({ hasText: DECLARATION });
    const n = await row.getAttribute('data-doc-row');
    await uploadTo(page, row.getByRole('button', { name: `Tải tệp — giấy tờ ${n}` }), 'to-khai-ct01.pdf', pdf('CT01'));
    await row.getByText(/^✓ Đã lưu to-khai-ct01\.pdf: \d+ B, SHA-256 [0-9a-f]{12}…$/).waitFor();
    assert.ok(await row.getByRole('checkbox', { name: new RegExp(`^${DECLARATION.slice(0, 30)}`) }).isChecked(), 'an uploaded paper counts as handed in');
    assert.ok(await row.getByRole('checkbox', { name: `Đã số hóa — giấy tờ ${n}` }).isChecked());
    await page.getByText(/^Đã nộp 1\/\d+ giấy tờ$/).waitFor();
    await screenshot(page, 'office-reception-form');

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = await page.getByTestId('dossier-code').innerText();
    assert.match(code, /^000\.00\.01\.H29-260504-\d{4}$/);
    // 7 working days from Monday 04/05 08:00 (Vietnam time).
    assert.equal(await page.getByTestId('appointment').innerText(), '08:00 thứ Tư, 13/05/2026');
    assert.match(await page.getByTestId('lookup-secret').innerText(), /^[A-Z2-9]{10}$/);
    await page.getByText('Đã chuyển: Thẩm định hồ sơ — Ủy ban nhân dân phường Thuận Giao').waitFor();
    await screenshot(page, 'office-reception-done');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'office-reception-done-390');
    await page.setViewportSize({ width: 1280, height: 860 });

    // --- The specialist of Thuận Giao finds it in the unit's queue and appraises it.
    const specialist = await system.openPage('/office/queue');
    page = specialist.page;
    await signIn(page, 'chuyenvien');
    const queueRow = page.getByRole('table', { name: 'Danh sách hồ sơ' }).locator(`tr[data-dossier-code="${code}"]`);
    await queueRow.waitFor();
    assert.match(
      await queueRow.innerText(),
      /Đăng ký thường trú\s+1\.004222\s+Nguyễn Văn An\s+Ủy ban nhân dân phường Thuận Giao\s+Chưa phân công\s+08:00 thứ Tư, 13\/05\/2026\s+Đang xử lý/,
    );
    await page.getByTestId('queue-counts').getByText('Quá hạn: 0').waitFor();
    await screenshot(page, 'office-queue');
    await queueRow.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 2, name: code }).waitFor();
    await page.locator('[aria-current="step"]').getByText('1. Thẩm định hồ sơ').waitFor();
    await page.getByRole('link', { name: 'Mở tệp to-khai-ct01.pdf' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Phê duyệt, ban hành kết quả' }).count(), 0, 'approving is the leader’s');

    await act(page, 'Ý kiến thẩm định', (dialog) => field(dialog, 'Nội dung ý kiến').fill('Hồ sơ đủ điều kiện đăng ký thường trú.'));
    await act(page, 'Chuyển xử lý', async (dialog) => {
      assert.equal(await field(dialog, 'Chuyển đến bước').inputValue(), '2. Phê duyệt, ký kết quả — Ủy ban nhân dân phường Thuận Giao');
    });
    await page.locator('[aria-current="step"]').getByText('2. Phê duyệt, ký kết quả').waitFor();
    await specialist.close();

    // --- The leader approves and issues the result with its signed file.
    const leader = await system.openPage('/office/queue');
    page = leader.page;
    await signIn(page, 'lanhdao');
    await page.getByRole('table', { name: 'Danh sách hồ sơ' }).locator(`tr[data-dossier-code="${code}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: code }).waitFor();
    await act(page, 'Phê duyệt, ban hành kết quả', async (dialog) => {
      const name = field(dialog, 'Tên kết quả 1');
      await dialog.page().waitForFunction(() => {
        const input = [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.startsWith('Tên kết quả 1'));
        return Boolean(input?.value);
      });
      assert.equal(await name.inputValue(), 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', 'the catalog names the result');
      await uploadTo(dialog.page(), dialog.getByRole('button', { name: 'Tải tệp — giấy tờ 1' }), 'ket-qua.pdf', pdf('KQ'));
      await dialog.getByText(/^✓ Đã lưu ket-qua\.pdf/).waitFor();
    });
    assert.equal(await page.getByTestId('dossier-status').innerText(), 'Đã xử lý xong');
    const results = page.getByRole('list', { name: 'Kết quả giải quyết' });
    await results.getByText(`Số kết quả: ${code}-KQ1`, { exact: true }).waitFor();
    await results.getByRole('link', { name: 'Mở tệp ket-qua.pdf' }).waitFor();
    await page.locator('[aria-current="step"]').getByText('3. Trả kết quả').waitFor();
    await leader.close();

    // --- Back at the counter: the result is returned to the applicant.
    page = counter.page;
    await page.getByRole('tab', { name: 'Hàng đợi' }).click();
    await page.getByRole('table', { name: 'Danh sách hồ sơ' }).locator(`tr[data-dossier-code="${code}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: code }).waitFor();
    await act(page, 'Trả kết quả', async (dialog) => {
      assert.equal(await field(dialog, 'Người nhận kết quả').inputValue(), 'Nguyễn Văn An');
    });
    assert.equal(await page.getByTestId('dossier-status').innerText(), 'Đã trả kết quả');
    await page.getByRole('list', { name: 'Tình trạng thời hạn' }).getByText('Trước hạn').waitFor();
    assert.deepEqual(await timelineTypes(page), ['received', 'assigned', 'note', 'assigned', 'result_issued', 'returned']);
    const timeline = await page.getByRole('list', { name: 'Quá trình xử lý' }).innerText();
    for (const text of [
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý',
      'Đến bước: Thẩm định hồ sơ — Ủy ban nhân dân phường Thuận Giao',
      'Ý kiến thẩm định',
      'Hồ sơ đủ điều kiện đăng ký thường trú.',
      'Trần Văn Chuyên, Ủy ban nhân dân phường Thuận Giao',
      'Phê duyệt, ban hành kết quả',
      `Số kết quả: ${code}-KQ1`,
      'Trả kết quả',
      'Người nhận: Nguyễn Văn An',
      'Trạng thái: Đã xử lý xong → Đã trả kết quả',
      '08:00 thứ Hai, 04/05/2026',
    ])
      assert.ok(timeline.includes(text), `the timeline says "${text}"`);
    assert.equal(await page.locator('[data-step-state="done"]').count(), 3, 'every step is done');
    assert.equal(await page.getByRole('button', { name: 'Trả kết quả' }).count(), 0);
    await screenshot(page, 'office-dossier-returned');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'office-dossier-returned-390');
    await counter.close();
  });
});

describe('reception form', () => {
  test('checks the ID number locally, shows the server’s field errors beside their inputs, and refuses with a reason', async () => {
    const { page, close } = await system.openPage('/office/receive');
    await signIn(page, 'tiepnhan');
    await pickProcedure(page, '1.004222', '1.004222 — Đăng ký thường trú');

    // Not 12 digits: said at once, without asking the server.
    const idNumber = field(page, 'Số định danh cá nhân');
    await idNumber.fill('07908500');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    assert.match(await errorBeside(idNumber), /^Số định danh cá nhân phải gồm đúng 12 chữ số/);
    assert.match(await errorBeside(field(page, 'Cơ quan giải quyết')), /chọn cơ quan giải quyết/);
    assert.ok(await isFocused(idNumber), 'the first field in error has the focus');

    // Twelve digits but no such province code, and no name: the server's problem, field by field.
    await idNumber.fill('999085001234');
    await choose(page.getByRole('region', { name: 'Người nộp hồ sơ' }), page, 'Cơ quan giải quyết', 'Ủy ban nhân dân phường Lái Thiêu', 'lai thieu');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('alert').getByText('Dữ liệu gửi lên không hợp lệ').waitFor();
    assert.match(await errorBeside(idNumber), /^Ba chữ số đầu của số định danh không phải mã tỉnh hợp lệ/);
    assert.match(await errorBeside(field(page, 'Họ và tên')), /\S/);
    await screenshot(page, 'office-reception-errors');

    // Refusal needs a reason.
    await idNumber.fill('079085001234');
    await field(page, 'Họ và tên').fill('Trần Thị Bình');
    await page.getByRole('button', { name: 'Từ chối', exact: true }).click();
    const outcome = page.getByRole('region', { name: 'Kết quả kiểm tra hồ sơ' });
    await outcome.getByRole('button', { name: 'Xác nhận từ chối' }).click();
    assert.equal(await errorBeside(field(outcome, 'Lý do từ chối')), 'Cần nêu lý do');
    await field(outcome, 'Lý do từ chối').fill('Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm.');
    await outcome.getByRole('button', { name: 'Xác nhận từ chối' }).click();
    await page.getByRole('heading', { name: 'Đã từ chối tiếp nhận hồ sơ' }).waitFor();
    await page.getByText('Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm.').waitFor();
    assert.equal(await page.getByTestId('dossier-code').count(), 0, 'a refused dossier gets no code');

    // A fresh form for the next applicant.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    assert.equal(await field(page, 'Thủ tục').inputValue(), '');
    assert.equal(await field(page, 'Số định danh cá nhân').inputValue(), '');
    await close();
  });
});

describe('dossier page', () => {
  test('a change made elsewhere meanwhile: the action is refused with a reload button, then goes through', async () => {
    const api = new ApiClient(system.sys.url);
    await api.login('tiepnhan');
    const units = (await api.get('/api/public/units')).body as { id: string; name: string }[];
    const unit = (name: string) => units.find((u) => u.name === name)!.id;
    const received = await api.post('/api/dossiers', {
      idempotencyKey: `e2e-conflict-${Date.now()}`,
      procedureCode: '1.004222',
      channel: 'in_person',
      receivingUnitId: unit('Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh'),
      competentUnitId: unit('Ủy ban nhân dân phường Thuận Giao'),
      applicant: { fullName: 'Lê Văn Cường', idNumber: '079090004321' },
      documents: [],
      returnMethod: 'counter',
      outcome: 'receive',
    });
    assert.equal(received.status, 201, JSON.stringify(received.body));
    const dossier = received.body as { id: string; code: string; version: number };

    const { page, close } = await system.openPage(`/office/dossiers/${dossier.id}`);
    await signIn(page, 'chuyenvien');
    await page.getByRole('heading', { level: 2, name: dossier.code }).waitFor();

    const elsewhere = new ApiClient(system.sys.url);
    await elsewhere.login('chuyenvien');
    const note = await elsewhere.post(`/api/dossiers/${dossier.id}/actions`, { type: 'note', expectedVersion: dossier.version, reason: 'Ý kiến từ máy khác' });
    assert.equal(note.status, 200);

    await page.getByRole('button', { name: 'Ý kiến thẩm định', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ý kiến thẩm định' });
    await field(dialog, 'Nội dung ý kiến').fill('Ý kiến trên trang');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.getByRole('alert').getByText('Hồ sơ vừa được người khác cập nhật').waitFor();
    await screenshot(page, 'office-dossier-conflict');
    await dialog.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await page.getByRole('list', { name: 'Quá trình xử lý' }).getByText('Ý kiến từ máy khác').waitFor();

    await act(page, 'Ý kiến thẩm định', (d) => field(d, 'Nội dung ý kiến').fill('Ý kiến trên trang'));
    assert.deepEqual(await timelineTypes(page), ['received', 'assigned', 'note', 'note']);
    await close();
  });
});

describe('calendar edits and open dossiers', () => {
  test('the admin sees the open dossiers a day off would move, and chooses to move them', async () => {
    const api = new ApiClient(system.sys.url);
    await api.login('tiepnhan');
    const units = (await api.get('/api/public/units')).body as { id: string; kind: string; communeCode: string | null }[];
    const dossier = (
      await api.post('/api/dossiers', {
        idempotencyKey: `e2e-calendar-${Date.now()}`,
        procedureCode: '1.004222',
        channel: 'in_person',
        receivingUnitId: units.find((u) => u.kind === 'service_centre')!.id,
        competentUnitId: units.find((u) => u.communeCode === '25969')!.id,
        applicant: { fullName: 'Lê Thị Hẹn', idNumber: '079190001234' },
        documents: [],
        returnMethod: 'counter',
        outcome: 'receive',
      })
    ).body;
    const promised = dossier.effectiveDueAt as string;
    clock.advance(3600_000);

    const { page, close } = await system.openPage('/admin/calendar?year=2026');
    await signIn(page, 'admin');
    const local = page.getByRole('region', { name: 'Ngày nghỉ riêng của tỉnh' });
    await local.getByRole('button', { name: 'Thêm dòng' }).click();
    await field(local, 'Ngày, dòng 1').fill('2026-05-08');
    await field(local, 'Nội dung, dòng 1').fill('Nghỉ lễ hội của tỉnh');
    await local.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    const affected = local.getByRole('table', { name: /Hồ sơ đang giải quyết có ngày hẹn sẽ đổi/ });
    await affected.waitFor();
    assert.match(await affected.innerText(), new RegExp(dossier.code.replace(/\./g, '\\.')));
    await screenshot(page, 'calendar-affected-dossiers');
    await local.getByLabel('Áp dụng cả cho hồ sơ đang giải quyết (dời ngày hẹn)').check();
    await local.getByRole('button', { name: 'Áp dụng' }).click();
    await page.waitForFunction(() => document.querySelector('td[data-date="2026-05-08"]')?.getAttribute('aria-label')?.includes('Nghỉ lễ hội của tỉnh'));
    const after = (await api.get(`/api/dossiers/${dossier.id}`)).body;
    assert.notEqual(after.effectiveDueAt, promised);
    assert.equal(new Date(after.effectiveDueAt).getTime() - new Date(promised).getTime(), 24 * 3600_000);
    await close();
  });
});
