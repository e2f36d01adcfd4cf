/**
 * Browser tests of what the citizen receives and gives back: a returned dossier is rated once from the
 * SMS's rating link, without login; a petition is sent from the portal, answered at the office, and judged
 * by the petitioner. (A supplement request arriving as an SMS in the sandbox inbox, and rating from "my
 * dossiers", are walked in e2e/journey.test.ts.) Frozen clock: Monday 04/05/2026 08:00 in Vietnam.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedClock } from '../server/src/platform/clock.ts';
import { ApiClient } from '../server/src/testing/harness.ts';
import { officeFixture } from '../server/test/support/citizen-flow.ts';
import { browserTestSystem, field, screenshot, signIn, expectText } from './support.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
const system = browserTestSystem({ clock, env: { SESSION_HOURS: '720', NOTIFY_POLL_MS: '200' } });

describe('notifications, ratings and petitions in the browser', () => {
  test('a returned dossier is rated once from the rating page, without login', async () => {
    const f = await officeFixture(system.sys, ['tiepnhan', 'chuyenvien', 'lanhdao']);
    const d = await f.returned({ phone: '0903000002', email: null }, (ms) => clock.advance(ms));
    const rating = await system.openPage(`/danh-gia/${d.code}?k=${d.lookupSecret}&src=sms`, { viewport: { width: 390, height: 844 } });
    const page = rating.page;
    await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    await page.getByText('Tổng thời gian giải quyết so với quy định: trước hạn (2/2 điểm)').waitFor();
    await page.getByRole('radio', { name: 'Rất hài lòng' }).check();
    await page.getByRole('radiogroup', { name: 'Ngoài Bộ phận Một cửa, ông/bà phải liên hệ bao nhiêu cơ quan khác?' }).getByRole('radio', { name: 'Một cơ quan' }).check();
    await field(page, 'Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await screenshot(page, 'notifications-rating');
    await rating.close();
    const again = await new ApiClient(system.sys.url).post(`/api/public/ratings/${d.code}`, { secret: d.lookupSecret, overall: 'dissatisfied', extraContacts: 0, otherAgencies: 0 });
    assert.equal(again.status, 409);
    const stored = await system.sys.ctx.db.selectFrom('dossier_rating').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.overall, stored.source, stored.agencies_score, stored.total_time_score], ['very_satisfied', 'sms', 1, 2]);
  });

  test('a petition is sent from the portal, answered at the office, and judged by the petitioner', async () => {
    const citizen = await system.openPage('/phan-anh', { viewport: { width: 390, height: 844 } });
    let page = citizen.page;
    await page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await field(page, 'Tiêu đề').fill('Cán bộ yêu cầu bổ sung nhiều lần');
    await field(page, 'Nội dung').fill('Hồ sơ của tôi bị yêu cầu bổ sung ba lần, mỗi lần một giấy tờ khác.');
    await field(page, 'Họ và tên').fill('Lê Văn Cường');
    await field(page, 'Số điện thoại').fill('0903000003');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const receipt = await page.getByTestId('petition-receipt').innerText();
    const [, code, secret] = /Mã phản ánh (PAKN-\d{6}-\d{4}), mã tra cứu ([A-Z2-9]{10})/.exec(receipt)!;
    await citizen.close();

    // The counter routes it to the ward (API), the ward's specialist answers it in the office app.
    const counter = new ApiClient(system.sys.url);
    await counter.login('tiepnhan');
    const listed = (await counter.get('/api/petitions?status=received')).body.find((p: { code: string }) => p.code === code);
    const units = (await counter.get('/api/public/units')).body as { id: string; name: string }[];
    const routed = await counter.post(`/api/petitions/${listed.id}/actions`, { type: 'classify', expectedVersion: listed.version, category: 'conduct', unitId: units.find((u) => u.name.includes('Thuận Giao'))!.id });
    assert.equal(routed.status, 200);

    const office = await system.openPage('/office/petitions');
    page = office.page;
    await signIn(page, 'chuyenvien');
    await page.getByRole('link', { name: code! }).click();
    await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
    await field(page, 'Trả lời').fill('Đơn vị đã nhắc nhở cán bộ; yêu cầu bổ sung từ nay nêu một lần, đầy đủ.');
    await page.getByRole('button', { name: 'Trả lời', exact: true }).last().click();
    await page.getByText('Đã cập nhật').waitFor();
    await expectText(page.getByTestId('petition-status'), 'Đã trả lời');
    await office.close();

    const follow = await system.openPage(`/phan-anh/${code}?k=${secret}`, { viewport: { width: 390, height: 844 } });
    page = follow.page;
    await page.getByText('Đơn vị đã nhắc nhở cán bộ').waitFor();
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await page.getByText('Ý kiến của ông/bà: Hài lòng').waitFor();
    await screenshot(page, 'notifications-petition');
    await follow.close();
  });
});
