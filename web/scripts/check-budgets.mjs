// Budgets for the pane: initial JavaScript (what index.html loads before any lazy chunk) ≤ 250 KB gzipped,
// and first render ≤ 1 s as measured by the e2e suite in headless Chromium (test-results/budgets.json).
// Usage: node scripts/check-budgets.mjs [--build] [--e2e]   (no flag: both)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INITIAL_JS_GZIP_KB = 250;
const FIRST_RENDER_MS = 1000;
const args = new Set(process.argv.slice(2));
const all = !args.has('--build') && !args.has('--e2e');
let failed = false;

function check(name, value, limit, unit) {
  const ok = value <= limit;
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${value.toFixed(1)} ${unit} (budget ${limit} ${unit})`);
}

if (all || args.has('--build')) {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  // Entry scripts and the chunks Vite preloads with them; lazy chunks (upload view, Office adapters, MSAL) are not initial.
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)) files.add(m[1]);
  if (files.size === 0) {
    console.log('FAIL no entry script found in dist/index.html');
    failed = true;
  }
  let total = 0;
  for (const f of files) {
    const size = gzipSync(readFileSync(join(root, 'dist', f)), { level: 9 }).length;
    console.log(`     ${f}: ${(size / 1024).toFixed(1)} KB gzipped`);
    total += size;
  }
  check('initial JavaScript', total / 1024, INITIAL_JS_GZIP_KB, 'KB gzipped');
}

if (all || args.has('--e2e')) {
  const file = join(root, 'test-results', 'budgets.json');
  if (!existsSync(file)) {
    console.log('FAIL test-results/budgets.json is missing: run npm run test:e2e first');
    failed = true;
  } else {
    const budgets = JSON.parse(readFileSync(file, 'utf8'));
    check('first render in headless Chromium', Number(budgets.firstRenderMs), FIRST_RENDER_MS, 'ms');
  }
}

process.exit(failed ? 1 : 0);
