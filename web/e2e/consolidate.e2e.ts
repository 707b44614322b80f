// The upload page's "Tổng hợp" view against the real host: every file of the test set uploaded at once, the
// statuses, totals and recomputed rates compared with figures this test adds up itself from the set's manifest, the
// files left out, the trend chart, the workbook downloaded with its chart.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, watchErrors } from './browser';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(web, '..');
const results = join(web, 'test-results');
mkdirSync(results, { recursive: true });

interface SetFile {
  name: string;
  kind: 'Report' | 'Superseded' | 'OtherPeriod' | 'Unreadable';
  unit: string | null;
  form: 'commune' | 'ward' | null;
  figures: Record<string, number[]> | null;
}

interface SetManifest {
  period: string;
  units: string[];
  missing: string;
  withError: string;
  files: SetFile[];
}

interface ShownIndicator {
  label: string;
  value: string;
  reported: string;
  of: string;
}

const hostUrl = inject('hostUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];
let folder = '';
let manifest: SetManifest;

/** Rounds half away from zero to one decimal, as the engine and the forms write rates. */
const round1 = (x: number) => Math.sign(x) * Math.round(Math.abs(x) * 10) / 10;
const bare = (label: string) => label.replace(/^[-\s]+/, '');

function counted(): SetFile[] {
  return manifest.files.filter((f) => f.kind === 'Report');
}

function sum(label: string, column = 0): number {
  return counted().reduce((total, f) => total + (f.figures?.[label]?.[column] ?? 0), 0);
}

async function indicators(p: Page): Promise<ShownIndicator[]> {
  return p.$$eval('[data-testid="indicator"]', (rows) =>
    rows.map((r) => ({
      label: r.children[0]?.textContent ?? '',
      value: r.getAttribute('data-value') ?? '',
      reported: r.getAttribute('data-reported') ?? '',
      of: r.getAttribute('data-of') ?? '',
    })),
  );
}

beforeAll(async () => {
  // The set is built by the test forms library, which writes real .docx/.xlsx and a manifest of the figures in them.
  folder = mkdtempSync(join(tmpdir(), 'cchc-e2e-set-'));
  execFileSync('dotnet', ['test', 'tests/Cchc.Testing.Forms.Tests', '-c', 'Release', '--filter', 'Category=ConsolidationSet', '-p:SkipPaneBuild=true', '--nologo'], {
    cwd: repo,
    env: { ...process.env, CCHC_CONSOLIDATION_OUT: folder, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    stdio: 'ignore',
    timeout: 540_000,
  });
  manifest = JSON.parse(readFileSync(join(folder, 'set.json'), 'utf8')) as SetManifest;
  browser = await launch();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  consoleErrors = watchErrors(page);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('Tổng hợp view against the host', () => {
  it('consolidates every file at once: statuses, totals, recomputed rates and what was left out', async () => {
    await page.goto(`${hostUrl}/#tong-hop`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="files-input"]', { state: 'attached', timeout: 15_000 });
    await page.setInputFiles('[data-testid="files-input"]', manifest.files.map((f) => join(folder, f.name)));
    await page.fill('[data-testid="units-input"] textarea, textarea[data-testid="units-input"]', manifest.units.join('\n'));
    expect(await page.$$eval('[data-testid="file"]', (fs) => fs.length)).toBe(manifest.files.length);

    await page.click('[data-testid="consolidate"]');
    await page.waitForSelector('[data-testid="status-table"], [data-testid="error"]', { timeout: 60_000 });
    const error = await page.$('[data-testid="error"]');
    if (error) throw new Error(`the page showed an error: ${await error.innerText()}`);

    const states = await page.$$eval('[data-testid="status-row"]', (rows) => rows.map((r) => [r.getAttribute('data-unit'), r.getAttribute('data-state')]));
    expect(states.map(([u]) => u)).toEqual(manifest.units);
    for (const [unit, state] of states) {
      const expected = unit === manifest.missing ? 'missing' : unit === manifest.withError ? 'errors' : 'ready';
      expect(state, unit ?? '').toBe(expected);
    }

    const shown = await indicators(page);
    const find = (label: string) => shown.find((i) => bare(i.label) === bare(label));
    const received = find('Số hồ sơ TTHC đã tiếp nhận');
    expect(received).toMatchObject({ value: String(sum('Số hồ sơ TTHC đã tiếp nhận')), reported: '14', of: '15' });
    const onTime = sum('- Số hồ sơ giải quyết đúng hạn');
    const resolved = sum('Số hồ sơ đã giải quyết');
    expect(Number(find('Tỷ lệ hồ sơ giải quyết đúng hạn')?.value)).toBe(round1((onTime / resolved) * 100));
    const communes = counted().filter((f) => f.form === 'commune');
    const yes = communes.filter((f) => f.figures?.['Có tổ chức đối thoại với người dân, doanh nghiệp']?.[0] === 1).length;
    expect(find('Có tổ chức đối thoại với người dân, doanh nghiệp')).toMatchObject({ value: String(yes), reported: '12' });
    // A rate the form relates to no counts has no total at all.
    expect(find('Tỷ lệ văn bản đi được ký số')?.value).toBe('');

    const excluded = await page.$$eval('[data-testid="excluded"] li', (li) => li.map((l) => l.getAttribute('data-file')));
    expect(excluded.sort()).toEqual(manifest.files.filter((f) => f.kind !== 'Report').map((f) => f.name).sort());
    const fileStates = await page.$$eval('[data-testid="file"]', (fs) => fs.map((f) => [f.getAttribute('data-name'), f.getAttribute('data-state')]));
    for (const [name, state] of fileStates) {
      const kind = manifest.files.find((f) => f.name === name)?.kind;
      expect(state, name ?? '').toBe(kind === 'Report' ? 'counted' : 'excluded');
    }
    expect(await page.innerText('[data-testid="consolidation-summary"]')).toContain('Đã nhận 14/15 đơn vị');
    await page.screenshot({ path: join(results, '10-consolidation.png'), fullPage: true });
  });

  it('sorts the status table, draws the trend, and stays accessible without console errors', async () => {
    await page.click('[data-testid="sort-state"]');
    const first = await page.$eval('[data-testid="status-row"]', (r) => r.getAttribute('data-unit'));
    expect(first).toBe(manifest.missing);

    await page.waitForSelector('[data-testid="trend"] svg', { timeout: 30_000 });
    const trend = await page.$eval('[data-testid="trend"]', (t) => t.textContent ?? '');
    expect(trend).toContain('quý II năm 2026');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: join(results, '11-consolidation-trend.png'), fullPage: true });
  });

  it('downloads the workbook, with its line chart', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.click('[data-testid="download-workbook"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe('tong-hop-2026-q2.xlsx');
    const saved = join(results, file.suggestedFilename());
    await file.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // Zip entry names are stored as written: the chart part is there.
    expect(bytes.includes(Buffer.from('charts/chart1.xml'))).toBe(true);
    expect(await page.innerText('[data-testid="consolidation-notice"]')).toContain('tong-hop-2026-q2.xlsx');
  });
});
