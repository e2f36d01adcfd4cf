/**
 * The supervisor's dashboard: figures with their formulas, a unit filter kept in the URL, and a drill
 * down to a late dossier, on synthetic dossiers generated into the test database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../server/src/platform/clock.ts';
import { generateSynthetic } from '../server/src/modules/reports/reports.synthetic.ts';
import { browserTestSystem, screenshot, signIn, expectText } from './support.ts';

const NOW = new Date('2026-05-20T03:00:00Z');
const system = browserTestSystem({ clock: fixedClock(NOW), env: { SESSION_HOURS: '720' } });

describe('dashboard', () => {
  test('the supervisor opens the dashboard, filters a unit and drills down to a late dossier', async () => {
    await generateSynthetic(system.sys.ctx.db, { dossiers: 300, now: NOW, days: 40, seed: 3 });
    // A unit holding an overdue dossier: which one depends on the generated set (and on the unit ids
    // the template database was built with), so it is asked of the data rather than assumed.
    const { rows } = await sql<{ name: string }>`
      select u.name from report_dossier_fact f join unit u on u.id = f.unit_id
      where f.open and f.due_at < ${NOW} group by u.name order by count(*) desc, u.name limit 1`.execute(system.sys.ctx.db);
    const unitName = rows[0]?.name;
    assert.ok(unitName, 'the generated set has an overdue dossier');
    const { page, close } = await system.openPage('/office');
    await signIn(page, 'giamsat');
    await page.getByRole('tab', { name: 'Bảng điều hành' }).click();
    await page.waitForURL(/\/office\/dashboard/);
    await page.getByRole('heading', { level: 2, name: 'Bảng điều hành — số liệu giải quyết hồ sơ' }).waitFor();
    await page.getByTestId('figure-received').waitFor();
    await page.getByRole('img', { name: 'Xu hướng' }).waitFor();
    // Online payments have no source yet: said so, no number. Satisfaction comes from the ratings,
    // and nobody has rated the generated dossiers: a dash, not a zero per cent.
    await expectText(page.getByTestId('figure-online_payments'), 'Chưa có số liệu');
    await expectText(page.getByTestId('figure-satisfaction'), '—');
    // Filter a unit from the tree: the filter goes into the URL.
    await page.getByRole('list', { name: 'Cây đơn vị' }).getByRole('button', { name: unitName, exact: true }).click();
    await page.waitForURL(/unitId=/);
    // Drill down to the overdue dossiers and open one.
    await page.getByRole('listitem', { name: 'Đang giải quyết quá hạn' }).click();
    await page.waitForURL(/figure=open_overdue/);
    const drill = page.getByRole('heading', { name: /Hồ sơ: Đang giải quyết quá hạn/ });
    await drill.waitFor();
    await screenshot(page, 'dashboard');
    const link = page.locator('table').first().getByRole('link').first();
    const code = (await link.textContent())!;
    assert.match(code, /-\d{6}-/);
    await link.click();
    await page.waitForURL(/\/office\/dossiers\//);
    await page.getByText(code).first().waitFor();
    await close();
  });
});
