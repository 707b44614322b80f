import type { Finding, ReportRow, Severity } from '../api/types';

export type SeverityFilter = 'all' | Severity;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export interface FindingGroup {
  key: string;
  /** Roman numeral of the section, 'header' for the title lines, '' for rows outside any section. */
  section: string;
  items: { finding: Finding; index: number }[];
}

/** Groups in reading order: the title first, then sections I–VII, then anything the engine could not place. */
export function groupFindings(findings: readonly Finding[], filter: SeverityFilter): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((finding, index) => {
    if (filter !== 'all' && finding.severity !== filter) return;
    const section = finding.column === 'header' || finding.row === 0 ? 'header' : (finding.section ?? '');
    let group = groups.get(section);
    if (!group) groups.set(section, (group = { key: section || 'other', section, items: [] }));
    group.items.push({ finding, index });
  });
  const rank = (s: string) => (s === 'header' ? -1 : s === '' ? 99 : ROMAN.indexOf(s) >= 0 ? ROMAN.indexOf(s) : 50);
  return [...groups.values()].sort((a, b) => rank(a.section) - rank(b.section));
}

/**
 * "V" → "Cải cách chế độ công vụ": each section's heading as the appendix writes it, from the row numbered with
 * the section's Roman numeral (the first such row, as the command line does).
 */
export function sectionTitles(rows: readonly ReportRow[]): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const r of rows) {
    const numeral = r.no.trim().replace(/\.$/, '').toUpperCase();
    if (ROMAN.includes(numeral) && !(numeral in titles) && r.label.trim() !== '') titles[numeral] = r.label.trim();
  }
  return titles;
}

/** The order the officer walks with next/previous: the order shown on screen. */
export function visibleOrder(groups: readonly FindingGroup[]): number[] {
  return groups.flatMap((g) => g.items.map((i) => i.index));
}

/** A finding can be fixed by writing its proposal when it points at a real cell of the table. */
export function isFixable(f: Finding): boolean {
  return f.proposal !== null && f.proposal.value !== undefined && f.table >= 0 && f.tableRow >= 0 && f.cell >= 0 && f.column !== 'header';
}

/** The text of a row's cell: for a value, the value column the finding names (the first when it names none). */
export function cellText(row: ReportRow, column: Exclude<Finding['column'], 'header'>, valueColumn?: number | null): string {
  if (column === 'value' && valueColumn && row.values) return row.values[valueColumn] ?? '';
  return row[column];
}

/** Findings carry where, not what: the text as written comes from the response's rows. */
export function attachWritten(findings: readonly Finding[], rows: readonly ReportRow[]): (Finding & { written?: string })[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  return findings.map((f) => {
    const row = byRow.get(f.row);
    if (!row || f.column === 'header') return f;
    return { ...f, written: cellText(row, f.column, f.valueColumn) };
  });
}
