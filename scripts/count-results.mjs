// Sums passed and failed tests over every runner's machine-readable results: .trx files of dotnet test (a
// folder of them) and vitest JSON reports. A runner whose results are missing counts as one failure, so a
// suite that never ran cannot pass unnoticed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;

function trx(file) {
  const counters = /<Counters\b([^>]*)\/?>/.exec(readFileSync(file, 'utf8'));
  if (!counters) throw new Error(`${file}: no counters`);
  const count = (name) => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(counters[1]) ?? [0, 0])[1]);
  passed += count('passed');
  failed += count('failed') + count('error') + count('timeout') + count('aborted');
}

function vitest(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // A run that failed before any test (a global set-up that could not start the host) still failed.
  failed += report.numFailedTests + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
}

for (const path of process.argv.slice(2)) {
  try {
    if (!existsSync(path)) throw new Error(`${path}: no results`);
    if (statSync(path).isDirectory()) {
      const files = readdirSync(path).filter((f) => f.endsWith('.trx'));
      if (files.length === 0) throw new Error(`${path}: no .trx results`);
      files.forEach((f) => trx(join(path, f)));
    } else {
      vitest(path);
    }
  } catch (error) {
    console.error(String(error.message ?? error));
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
