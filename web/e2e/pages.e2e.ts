// The pane as Office opens it (office.js slow, then unreachable), the help page the manifest names, and the
// redirect bridge, each in headless Chromium against the real host and its Content-Security-Policy.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, watchErrors } from './browser';

const hostUrl = inject('hostUrl');
const officeJs = 'https://appsforoffice.microsoft.com/**';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('pages of the host', () => {
  it('inside Office keeps waiting for a slow office.js, then says it could not load it, never the upload page', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    const errors = watchErrors(page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // office.js is held for longer than the five seconds the pane used to wait, then the network fails it.
    await page.route(officeJs, async (route) => {
      await held;
      await route.abort('internetdisconnected');
    });
    // 'domcontentloaded': the held script keeps the load event from firing, as a slow CDN does in Office.
    await page.goto(`${hostUrl}/?_host_Info=Word$Win32$16.01$vi-VN$$$$0`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="waiting"]', { timeout: 15_000 });
    await page.waitForTimeout(6_000);
    expect(await page.$('[data-testid="file-input"]')).toBeNull();
    expect(await page.$('[data-testid="waiting"]')).not.toBeNull();
    release();
    const error = await page.waitForSelector('[data-testid="error"]', { timeout: 15_000 });
    expect(await error.innerText()).toContain('Không tải được thư viện Office');
    expect(await page.$('[data-testid="file-input"]')).toBeNull();
    // The one console error is the unreachable office.js itself.
    expect(errors.filter((e) => !e.includes('appsforoffice.microsoft.com'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('serves the Vietnamese help page the manifest names as SupportUrl', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    const errors = watchErrors(page);
    const response = await page.goto(`${hostUrl}/help.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.innerText('h1')).toBe('Hướng dẫn sử dụng tiện ích Kiểm tra phụ lục CCHC');
    expect(await page.innerText('main')).toContain('Kiểm tra phụ lục');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the redirect bridge, whose script the CSP lets run', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    const errors = watchErrors(page);
    // Opened without an answer from Entra, the bridge says it has nothing to hand over, in Vietnamese.
    await page.goto(`${hostUrl}/auth-redirect.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Không hoàn tất'), undefined, { timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
