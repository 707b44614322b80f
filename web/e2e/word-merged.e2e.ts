// @vitest-environment jsdom
// A Word appendix with vertically and horizontally merged cells, end to end: the Word adapter on the honest fake
// reads it, the real host checks it, the adapter marks and fixes the cells the findings name, and a second check
// no longer finds what was fixed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createApiClient } from '../src/api/client';
import type { DocumentSnapshot, Finding } from '../src/api/types';
import { MARK_PREFIX } from '../src/document';
import { createWordHost } from '../src/office/word';
import { installWord, type WordCellSpec } from '../tests/officeFakes';

const samples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');
const q3 = JSON.parse(readFileSync(join(samples, 'q3-snapshot.json'), 'utf8')) as DocumentSnapshot;
const api = createApiClient({ baseUrl: inject('hostUrl'), lang: 'vi' });
const supports = (s: string, v: string) => Office.context.requirements.isSetSupported(s, v);
const ROMAN = /^(I|II|III|IV|V|VI|VII)$/;

/**
 * The Q3 appendix as an officer's Word table: each section heading merged across the row, and each item number
 * merged down over the unnumbered sub-items below it.
 */
function mergedTable(): { rows: (string | WordCellSpec)[][]; merges: { horizontal: number; vertical: number } } {
  const source = q3.tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
  const merges = { horizontal: 0, vertical: 0 };
  const rows: (string | WordCellSpec)[][] = source.map((cells) => {
    if (ROMAN.test(cells[0] ?? '') && cells.slice(2).every((t) => t === '')) {
      merges.horizontal++;
      return [cells[0]!, { text: cells[1]!, span: cells.length - 1 }];
    }
    return [...cells];
  });
  for (let r = 1; r < rows.length; r++) {
    const above = source[r - 1]![0] ?? '';
    if ((source[r]![0] ?? '') !== '' || !/^\d+$/.test(above) || rows[r]!.length !== 5) continue;
    // An item number over its first sub-item: "1" restarts the merge, the sub-item's blank cell continues it.
    rows[r - 1]![0] = { text: above, vMerge: 'restart' };
    rows[r]![0] = { text: '', vMerge: 'continue' };
    merges.vertical++;
  }
  return { rows, merges };
}

const where = (f: Finding) => `${f.code}@${f.row}/${f.column}`;

describe('Word appendix with merged cells, through the real host', () => {
  it('reads, checks, marks and fixes the right cells', async () => {
    const { rows, merges } = mergedTable();
    expect(merges.horizontal).toBeGreaterThanOrEqual(7);
    expect(merges.vertical).toBeGreaterThan(0);
    const word = installWord({ blocks: [...q3.titleLines, { rows }], sets: { WordApi: '1.6' } });
    const host = createWordHost({ supports });

    const snapshot = await host.readSnapshot();
    // Every row spans the header's five columns, merged or not.
    expect(snapshot.tables[0]!.rows.map((r) => r.cells.reduce((n, c) => n + (c.span ?? 1), 0)).every((n) => n === 5)).toBe(true);
    const merged = await api.check(snapshot);
    const plain = await api.check(q3);
    expect(merged.findings.map(where).sort()).toEqual(plain.findings.map(where).sort());

    // "Số nhiệm vụ đề ra trong kế hoạch" is a count marked % in a row whose number cell is merged from above.
    const unit = merged.findings.find((f) => f.code === 'UNIT_MISMATCH' && f.label.startsWith('Số nhiệm vụ đề ra trong kế hoạch'))!;
    expect(unit).toBeDefined();
    const marks = merged.findings
      .filter((f) => f.table >= 0 && f.tableRow >= 0 && f.column !== 'header')
      .map((f) => ({ ref: { table: f.table, tableRow: f.tableRow, cell: f.cell }, severity: f.severity, code: f.code, message: f.message }));
    const outcome = await host.mark(marks);
    expect(outcome.unmarked).toEqual([]);
    const unitCell = word.cells[0]![unit.tableRow]![unit.cell]!;
    expect(unitCell.text).toBe('%');
    expect(unitCell.highlight).toBe('#FFFF00');
    expect(word.comments.some((c) => c.cell === unitCell && c.content.startsWith(`${MARK_PREFIX} `))).toBe(true);

    const fixable = merged.findings.filter((f) => f.proposal && f.table >= 0 && f.tableRow >= 0 && f.cell >= 0 && f.column !== 'header');
    const applied = await host.applyFixes(fixable.map((f) => ({ ref: { table: f.table, tableRow: f.tableRow, cell: f.cell }, value: f.proposal!.value, reason: f.message })));
    expect(applied.applied).toBe(fixable.length);
    expect(unitCell.writes.at(-1)).toEqual({ text: unit.proposal!.value, trackingMode: 'TrackAll' });

    // Read again: tracked deletions stay in the document, but the check sees the corrected text.
    const again = await api.check(await host.readSnapshot());
    const left = new Set(again.findings.map(where));
    expect(fixable.map(where).filter((k) => left.has(k))).toEqual([]);
  });
});
