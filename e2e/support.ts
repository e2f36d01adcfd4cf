/**
 * What every browser test file shares: one real server (in-process, in-memory database, demo
 * province) serving the built web/dist, one system Chromium, fresh profiles per page, and the
 * helpers that find Mantine controls the way a user does (by their labels).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import type { Clock } from '../server/src/platform/clock.ts';
import { startTestSystem, type TestSystem } from '../server/src/testing/harness.ts';

export const SCREENSHOT_DIR = process.env.MOTCUA_SCREENSHOT_DIR ?? '/tmp/motcua-screens';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'motcua-demo';

const webDist = path.resolve(import.meta.dirname, '../web/dist/index.html');
if (!fs.existsSync(webDist)) throw new Error(`${webDist} is missing: run \`npm run build -w web\` first`);

/**
 * Starts the server and the browser before the file's tests and stops them after; `clock` freezes the
 * server's time, `env` adds configuration (cookies are never Secure here: the test server is plain http).
 */
export function browserTestSystem(options: { clock?: Clock; env?: Record<string, string> } = {}) {
  let sys: TestSystem | undefined;
  let browser: Browser | undefined;

  before(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    [sys, browser] = await Promise.all([
      startTestSystem({ ...(options.clock ? { clock: options.clock } : {}), env: { ...options.env, COOKIE_SECURE: 'false' } }),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
  });

  after(async () => {
    await browser?.close();
    await sys?.close();
  });

  return {
    get sys(): TestSystem {
      if (!sys) throw new Error('the test system is not started yet');
      return sys;
    },

    /**
     * A fresh browser profile (own cookies and localStorage) on the test server. Uncaught page errors
     * fail the test; the console's "Failed to load resource" for expected 401s does not.
     */
    async openPage(pathname: string, options: BrowserContextOptions = {}) {
      if (!sys || !browser) throw new Error('the test system is not started yet');
      const context = await browser.newContext({ baseURL: sys.url, viewport: { width: 1280, height: 860 }, locale: 'vi-VN', ...options });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      await page.goto(pathname);
      return {
        page,
        async close() {
          await context.close();
          assert.deepEqual(pageErrors.map(String), [], 'uncaught errors in the page');
        },
      };
    },
  };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/**
 * A form control by its label; Mantine appends " *" to required fields' labels. Only inputs count: a
 * Select's options list stays mounted, labelled by the same label.
 */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`)).and(scope.locator('input, textarea, select'));

/** The error text Mantine ties to an input (aria-describedby), proving it sits next to that field. */
export async function errorBeside(input: Locator): Promise<string> {
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await field(page, 'Tên đăng nhập').fill(username);
  await field(page, 'Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** Opens a Mantine Select by its label and picks the option. */
export async function choose(scope: Page | Locator, page: Page, label: string, option: string, typed?: string) {
  const input = field(scope, label);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

export const unitItem = (page: Page, code: string) => page.locator(`li[data-unit-code="${code}"]`);

/**
 * Waits (up to the page's timeout) until the element's whole text is `text`: a page shows a notice as
 * soon as an action succeeds, and the refreshed data a moment later.
 */
export async function expectText(locator: Locator, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = new RegExp('^\\s*' + escaped + '\\s*$');
  await locator.filter({ hasText: exact }).waitFor();
  assert.equal((await locator.innerText()).trim(), text);
}

/** Opens an action of the office dossier page, lets `fill` complete its form, confirms, and waits for the notice. */
export async function act(page: Page, action: string, fill: (dialog: Locator) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('status').getByText(`Đã lưu: ${action}.`).waitFor();
  await dialog.waitFor({ state: 'detached' });
}

/** Hands a PDF to the file chooser that `button` opens. */
export async function uploadTo(page: Page, button: Locator, name: string, bytes: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
}
