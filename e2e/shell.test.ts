/**
 * Browser tests of the web shell: every app's main path, in the system Chromium, against the real
 * server (in-process, in-memory database, demo province) serving the built web/dist.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserTestSystem, choose, errorBeside, field, screenshot, signIn, unitItem } from './support.ts';

const system = browserTestSystem();
const openPage = system.openPage;

describe('portal', () => {
  test('shows the province agencies as a tree, in Vietnamese', async () => {
    const { page, close } = await openPage('/');
    await page.getByRole('heading', { level: 1, name: 'MộtCửa — Cổng dịch vụ công' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await page.getByText('Ủy ban nhân dân phường Thuận Giao').waitFor();
    // Thuận Giao hangs under the city's People's Committee, not beside it.
    await unitItem(page, '000.00.00.H29').locator(unitItem(page, '000.20.01.H29')).waitFor();
    await page.getByText('Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Mở ứng dụng cán bộ' }).getAttribute('href'), '/office');
    assert.equal(await page.title(), 'MộtCửa — Cổng dịch vụ công');
    await screenshot(page, 'portal');
    await close();
  });

  test('converts an old address, showing every candidate, and says what is missing', async () => {
    const { page, close } = await openPage('/');
    const tool = page.getByRole('region', { name: 'Tra cứu địa chỉ cũ' });
    await tool.getByRole('button', { name: 'Tra cứu' }).click();
    await tool.getByText('Cần mã xã cũ hoặc tên xã cũ').waitFor();
    assert.equal(await errorBeside(field(tool, 'Xã/phường/thị trấn cũ')), 'Cần mã xã cũ hoặc tên xã cũ');

    await field(tool, 'Xã/phường/thị trấn cũ').fill('Lái Thiêu');
    await field(tool, 'Quận/huyện/thị xã cũ').fill('Thuận An');
    await tool.getByRole('button', { name: 'Tra cứu' }).click();
    const results = tool.getByRole('list', { name: 'Kết quả tra cứu địa chỉ cũ' });
    await results.getByText('Phường Lái Thiêu, Thành phố Thuận An, Tỉnh Bình Dương').waitFor();
    const row = results.getByRole('listitem');
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Đơn vị mới\s*Phường Lái Thiêu, Thành phố Hồ Chí Minh \(mã 25966\)/);
    await screenshot(page, 'portal-legacy-address');

    // A common old name without district: every province's "An Phú" comes back.
    await field(tool, 'Quận/huyện/thị xã cũ').fill('');
    await field(tool, 'Xã/phường/thị trấn cũ').fill('An Phú');
    await tool.getByRole('button', { name: 'Tra cứu' }).click();
    await results.getByText('Xã An Phú, Huyện Mỹ Đức, Thành phố Hà Nội').waitFor();
    const count = await row.count();
    assert.ok(count > 3, `expected several candidates, got ${count}`);
    await tool.getByText(`Tìm thấy ${count} kết quả`).waitFor();
    await close();
  });

  test('switches to English, and remembers it', async () => {
    const { page, close } = await openPage('/');
    await page.getByText('Ủy ban nhân dân phường Thuận Giao').waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'MộtCửa — Public service portal' }).waitFor();
    await page.getByRole('heading', { name: 'Convert an old address' }).waitFor();
    await page.getByText("Commune People's Committee").first().waitFor();
    assert.equal(await page.getByText('Tra cứu địa chỉ cũ').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'MộtCửa — Public service portal' }).waitFor();
    // Server problems come in both languages; the English one is shown.
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByText('Give the old commune code or the old commune name').waitFor();
    await screenshot(page, 'portal-english');

    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'MộtCửa — Cổng dịch vụ công' }).waitFor();
    await page.getByText('Cần mã xã cũ hoặc tên xã cũ').waitFor();
    await close();
  });
});

describe('office app', () => {
  test('refuses a wrong password in Vietnamese, then shows the specialist their role and unit; logout ends the session', async () => {
    const { page, close } = await openPage('/office');
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'MộtCửa — Ứng dụng cán bộ' }).waitFor();
    await signIn(page, 'chuyenvien', 'mat-khau-sai-roi');
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
    await screenshot(page, 'office-login-error');

    await signIn(page, 'chuyenvien');
    await page.getByRole('heading', { name: 'Trang làm việc' }).waitFor();
    const officer = page.getByRole('region', { name: 'Cán bộ đang đăng nhập' });
    await officer.getByText('Trần Văn Chuyên').waitFor();
    const roles = officer.getByRole('list', { name: 'Vai trò' });
    assert.match(await roles.innerText(), /Chuyên viên thụ lý\s*Ủy ban nhân dân phường Thuận Giao/);

    const jurisdiction = page.getByRole('region', { name: 'Đơn vị trong phạm vi quản lý' });
    await unitItem(page, '000.20.01.H29').waitFor();
    assert.equal(await jurisdiction.locator('li').count(), 1, 'a ward specialist sees only their ward');
    assert.equal(await page.getByText('Sở Tư pháp Thành phố Hồ Chí Minh').count(), 0);
    await page.getByText('Đang đăng nhập: Trần Văn Chuyên').waitFor();
    await screenshot(page, 'office-home');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    assert.equal(me, 401, 'the server session is gone too');
    await close();
  });
});

describe('admin app', () => {
  test('admin creates and edits a unit under the root', async () => {
    const { page, close } = await openPage('/admin');
    await signIn(page, 'admin');
    await page.waitForURL('**/admin/units');
    await page.getByRole('heading', { name: 'Quản lý đơn vị' }).waitFor();
    await page.getByRole('button', { name: 'Thêm đơn vị con vào Ủy ban nhân dân Thành phố Hồ Chí Minh' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị con' });
    await dialog.getByText('Đơn vị cấp trên: Ủy ban nhân dân Thành phố Hồ Chí Minh').waitFor();

    // Bad input comes back as problem+json; the message sits under its field.
    await field(dialog, 'Mã định danh').fill('sở nội vụ');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').getByText('Dữ liệu gửi lên không hợp lệ').waitFor();
    assert.match(await errorBeside(field(dialog, 'Mã định danh')), /\S/);
    assert.match(await errorBeside(field(dialog, 'Tên đơn vị')), /\S/);

    await field(dialog, 'Mã định danh').fill('000.00.19.H29');
    await field(dialog, 'Tên đơn vị').fill('Sở Nội vụ Thành phố Hồ Chí Minh');
    await choose(dialog, page, 'Loại đơn vị', 'Sở, ban, ngành');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm đơn vị Sở Nội vụ Thành phố Hồ Chí Minh.').waitFor();
    await unitItem(page, '000.00.00.H29').locator(unitItem(page, '000.00.19.H29')).getByText('Sở Nội vụ Thành phố Hồ Chí Minh').waitFor();
    await screenshot(page, 'admin-units');

    // Edit: pick a commune by typing without diacritics, and deactivate.
    await page.getByRole('button', { name: 'Sửa Sở Nội vụ Thành phố Hồ Chí Minh' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa đơn vị' });
    await choose(edit, page, 'Xã/phường', 'Phường Thuận Giao (25969)', 'thuan giao');
    await edit.getByRole('switch', { name: 'Đang hoạt động' }).click();
    await screenshot(page, 'admin-unit-edit');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã cập nhật đơn vị Sở Nội vụ Thành phố Hồ Chí Minh.').waitFor();
    await unitItem(page, '000.00.19.H29').getByText('Ngừng hoạt động').waitFor();
    const units = await page.evaluate(async () => (await fetch('/api/units')).json());
    const saved = units.find((u: { code: string }) => u.code === '000.00.19.H29');
    assert.equal(saved.communeCode, '25969');
    assert.equal(saved.active, false);
    assert.equal(saved.kind, 'department');
    await close();
  });

  test('admin creates a staff account with a role, and unlocks a locked one', async () => {
    // Lock giamsat with wrong passwords (the lockout policy: 5 failures).
    for (let i = 0; i < 5; i++) {
      await fetch(`${system.sys.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'giamsat', password: 'khong-dung-dau' }),
      });
    }
    const { page, close } = await openPage('/admin/staff');
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: 'Quản lý cán bộ' }).waitFor();
    const table = page.getByRole('table', { name: 'Danh sách cán bộ' });
    await table.getByText('Trần Văn Chuyên').waitFor();

    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản cán bộ' });
    await field(dialog, 'Tên đăng nhập').fill('nhung.vo');
    await field(dialog, 'Họ và tên').fill('Võ Thị Hồng Nhung');
    await field(dialog, 'Thư điện tử').fill('nhung.vo@example.vn');
    await field(dialog, 'Mật khẩu').fill('ngan');
    await choose(dialog, page, 'Vai trò', 'Cán bộ một cửa');
    await choose(dialog, page, 'Đơn vị', 'Ủy ban nhân dân phường Lái Thiêu', 'lai thieu');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').getByText('Dữ liệu gửi lên không hợp lệ').waitFor();
    assert.match(await errorBeside(field(dialog, 'Mật khẩu')), /10/);

    await field(dialog, 'Mật khẩu').fill('mat-khau-du-dai-2025');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã tạo tài khoản nhung.vo.').waitFor();
    const row = table.locator('tr[data-username="nhung.vo"]');
    assert.match(await row.innerText(), /Võ Thị Hồng Nhung[\s\S]*Cán bộ một cửa — Ủy ban nhân dân phường Lái Thiêu[\s\S]*Đang hoạt động/);

    const locked = table.locator('tr[data-username="giamsat"]');
    await locked.getByText(/^Tạm khóa đến/).waitFor();
    await screenshot(page, 'admin-staff');
    await page.getByRole('button', { name: 'Mở khóa giamsat' }).click();
    await page.getByText('Đã mở khóa tài khoản giamsat.').waitFor();
    await page.getByRole('button', { name: 'Mở khóa giamsat' }).waitFor({ state: 'detached' });
    assert.equal(await locked.getByText(/^Tạm khóa đến/).count(), 0);
    await close();

    // The new officer can sign in.
    const office = await openPage('/office');
    await signIn(office.page, 'nhung.vo', 'mat-khau-du-dai-2025');
    await office.page.getByText('Võ Thị Hồng Nhung').first().waitFor();
    await office.close();
  });

  test('a specialist opening /admin is told they are not allowed', async () => {
    const { page, close } = await openPage('/admin');
    await signIn(page, 'chuyenvien');
    await page.getByText('Không có quyền truy cập').waitFor();
    await page.getByText('Tài khoản chuyenvien không có vai trò Quản trị.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Quản lý đơn vị' }).count(), 0);
    await screenshot(page, 'admin-not-allowed');
    await close();
  });
});

describe('service centre screens', () => {
  test('kiosk greets with the centre name and three big touch buttons', async () => {
    const { page, close } = await openPage('/kiosk', { hasTouch: true, viewport: { width: 1366, height: 768 } });
    await page.getByRole('heading', { level: 1, name: 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh' }).waitFor();
    for (const name of ['Lấy số thứ tự', 'Tra cứu hồ sơ', 'Đánh giá']) {
      const button = page.getByRole('button', { name });
      await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent === n && !b.disabled), name);
      const box = (await button.boundingBox())!;
      assert.ok(box.height >= 100, `${name} is a big touch target`);
    }
    await screenshot(page, 'kiosk');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Take a queue ticket' }).waitFor();
    await close();
  });

  test('display board shows the centre, Vietnam time whatever the machine zone, and an empty now-serving table', async () => {
    const { page, close } = await openPage('/display', { timezoneId: 'America/New_York', viewport: { width: 1600, height: 900 } });
    await page.getByRole('heading', { level: 1, name: 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh' }).waitFor();
    await page.getByRole('heading', { name: 'Đang phục vụ' }).waitFor();
    await page.getByText('Chưa có lượt gọi').waitFor();
    const clock = page.getByTestId('display-clock');
    const shown = await clock.innerText();
    const vietnamNow = (offsetMs: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + offsetMs);
    assert.ok([vietnamNow(-60_000), vietnamNow(0)].includes(shown.slice(0, 5)), `clock ${shown} is Vietnam time (${vietnamNow(0)})`);
    await page.waitForFunction((before) => document.querySelector('[data-testid="display-clock"]')?.textContent !== before, shown);
    await screenshot(page, 'display');
    await close();
  });

  test('unknown paths get the shell and a not-found page', async () => {
    const { page, close } = await openPage('/khong-co-trang-nay');
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await close();
  });
});
