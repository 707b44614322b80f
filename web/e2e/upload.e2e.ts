// The upload page against the real host: check the Q3 fixture, fix all, download, check the result again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(web, 'test-results');
const sample = join(web, '..', 'samples', 'ngan-nam-2022-q3.docx');
mkdirSync(results, { recursive: true });

let browser: Browser;
let page: Page;
const hostUrl = inject('hostUrl');

interface FindingRow {
  code: string;
  severity: string;
}

async function findingsOnPage(p: Page): Promise<FindingRow[]> {
  return p.$$eval('[data-testid="finding"]', (els) =>
    els.map((e) => ({ code: e.getAttribute('data-code') ?? '', severity: e.getAttribute('data-severity') ?? '' })),
  );
}

async function upload(p: Page, file: string): Promise<void> {
  await p.setInputFiles('[data-testid="file-input"]', file);
  await p.waitForSelector('[data-testid="summary"], [data-testid="error"]', { timeout: 60_000 });
  const error = await p.$('[data-testid="error"]');
  if (error) throw new Error(`the page showed an error: ${await error.innerText()}`);
}

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
});

afterAll(async () => {
  await browser?.close();
});

describe('upload page against the host', () => {
  let before: FindingRow[] = [];

  it('opens in standalone mode within the first-render budget', async () => {
    await page.goto(hostUrl, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="file-input"]', { state: 'attached', timeout: 15_000 });
    const firstRenderMs = await page.evaluate(() => {
      const [mark] = performance.getEntriesByName('cchc:first-render');
      return mark ? mark.startTime : Number.NaN;
    });
    expect(Number.isFinite(firstRenderMs)).toBe(true);
    writeFileSync(join(results, 'budgets.json'), JSON.stringify({ firstRenderMs, measuredAt: new Date().toISOString() }, null, 2));
    await page.screenshot({ path: join(results, '01-standalone.png'), fullPage: true });
  });

  it('checks the Q3 fixture and shows its known findings', async () => {
    await upload(page, sample);
    before = await findingsOnPage(page);
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((f) => f.severity === 'error')).toBe(true);
    // The appendix is drawn with the flagged cells coloured.
    expect(await page.$$eval('[data-testid="appendix"] td[data-severity]', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.$('[data-testid="ready"]')).toBeNull();
    expect(await page.$('[data-testid="local-mode"]')).not.toBeNull();
    await page.screenshot({ path: join(results, '02-q3-findings.png'), fullPage: true });
  });

  it('fixes all, downloads the corrected file, and the fixed findings are gone on re-upload', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="fix-download"]')]);
    const fixedPath = join(results, download.suggestedFilename() || 'fixed.docx');
    await download.saveAs(fixedPath);
    expect(readFileSync(fixedPath).subarray(0, 2).toString()).toBe('PK');

    const fixable = new Set(
      await page.$$eval('[data-testid="finding"]', (els) =>
        els.filter((e) => e.textContent?.includes('Đề xuất')).map((e) => e.getAttribute('data-code') ?? ''),
      ),
    );
    expect(fixable.size).toBeGreaterThan(0);

    await upload(page, fixedPath);
    const after = await findingsOnPage(page);
    await page.screenshot({ path: join(results, '03-after-fix.png'), fullPage: true });
    expect(after.length).toBeLessThan(before.length);
    const errorsBefore = before.filter((f) => f.severity === 'error').length;
    const errorsAfter = after.filter((f) => f.severity === 'error').length;
    expect(errorsAfter).toBeLessThan(errorsBefore);
  });

  it('refuses a file that is not .docx or .xlsx with a Vietnamese message', async () => {
    const bogus = join(results, 'not-a-report.txt');
    writeFileSync(bogus, 'xin chào');
    await page.setInputFiles('[data-testid="file-input"]', bogus);
    const error = await page.waitForSelector('[data-testid="error"]', { timeout: 10_000 });
    expect(await error.innerText()).toContain('không phải .docx hoặc .xlsx');
  });
});
