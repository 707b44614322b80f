// The upload page with today's forms against the real host: a commune appendix with two value columns, which no
// template knows, checked on its own words; its findings point at the right column, and fixing it works the same.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, watchErrors } from './browser';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(web, '..', 'samples');
const results = join(web, 'test-results');
const hostUrl = inject('hostUrl');

let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

async function upload(p: Page, file: string): Promise<void> {
  await p.goto(hostUrl, { waitUntil: 'load' });
  await p.setInputFiles('[data-testid="file-input"]', file);
  await p.waitForSelector('[data-testid="summary"], [data-testid="error"]', { timeout: 60_000 });
  const error = await p.$('[data-testid="error"]');
  if (error) throw new Error(`the page showed an error: ${await error.innerText()}`);
}

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  consoleErrors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('upload page with a commune form no template knows', () => {
  it('says which rules were used and shows both value columns', async () => {
    await upload(page, join(samples, 'xa-long-phu-2026-q2.xlsx'));

    expect(await page.innerText('[data-testid="form-summary"]')).toMatch(/^Không khớp mẫu nào: đã kiểm tra theo quy tắc chung — /);
    const headers = await page.$$eval('[data-testid="appendix"] th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(headers).toEqual(['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Quý này', 'Lũy kế từ đầu năm', 'Ghi chú']);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: join(results, '20-commune-two-columns.png'), fullPage: false });
  });

  it('colours the cumulative cell of a cumulative below this quarter, not the quarter', async () => {
    const finding = await page.$('[data-testid="finding"][data-code="CUMULATIVE_BELOW_PERIOD"]');
    expect(finding).not.toBeNull();
    expect(await finding!.getAttribute('data-value-column')).toBe('1');
    const row = await finding!.getAttribute('data-row');
    expect(await page.$eval(`[data-testid="appendix"] tr[data-row="${row}"] td[data-value-column="1"]`, (td) => td.getAttribute('data-severity'))).toBe('error');
    expect(await page.$eval(`[data-testid="appendix"] tr[data-row="${row}"] td[data-value-column="0"]`, (td) => td.getAttribute('data-severity'))).toBeNull();
    expect(await finding!.innerText()).toContain('Đang ghi ở cột “Lũy kế từ đầu năm”: 9');
  });

  it('a report of a department with plan, result and rate shows its three value columns', async () => {
    await upload(page, join(samples, 'so-tu-phap-can-tho-2025.xlsx'));

    const headers = await page.$$eval('[data-testid="appendix"] th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(headers.slice(3, 6)).toEqual(['Kế hoạch năm', 'Thực hiện', 'Tỷ lệ (%)']);
    expect(await page.$('[data-testid="finding"][data-code="RATE_MISMATCH"][data-value-column="2"]')).not.toBeNull();
  });
});
