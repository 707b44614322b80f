// Shapes of the host's JSON API (docs/api.md). Kept by hand because the pane must build without the host.

export type HostKind = 'word' | 'excel' | 'browser';
export type Severity = 'error' | 'warning' | 'info';
export type Column = 'no' | 'label' | 'unit' | 'value' | 'note' | 'header';
export type ProposalSource = 'computed' | 'previous-period' | 'template-default' | 'template' | 'header';

export interface SnapshotCell {
  text: string;
  /** Excel's stored value when the cell holds a number (a 60% cell holds 0.6). */
  number?: number;
  format?: string;
  /** Word's gridSpan; 1 when absent. */
  span?: number;
}

export interface SnapshotRow {
  cells: SnapshotCell[];
}

export interface SnapshotTable {
  sheet: string | null;
  rows: SnapshotRow[];
}

export interface DocumentSnapshot {
  host: HostKind;
  titleLines: string[];
  tables: SnapshotTable[];
  documentUrl: string | null;
  previous: { titleLines: string[]; tables: SnapshotTable[] } | null;
}

export interface Period {
  kind: string;
  number: number | null;
  year: number | null;
  text: string;
}

export interface Proposal {
  value: string;
  source: ProposalSource;
  previousValue: string | null;
}

export interface Finding {
  row: number;
  column: Column;
  label: string;
  code: string;
  severity: Severity;
  message: string;
  messageEn: string;
  section: string | null;
  indicatorId: string | null;
  titleLine: number | null;
  table: number;
  tableRow: number;
  cell: number;
  proposal: Proposal | null;
  /** For a value cell, which value column (0-based); null for other columns. Absent on older hosts. */
  valueColumn?: number | null;
  /** The value column's header where the appendix has several ("Lũy kế từ đầu năm"). */
  valueHeader?: string | null;
}

export type ValueRole = 'period' | 'cumulative' | 'plan' | 'rate' | 'same-period-last-year';

export interface ValueColumn {
  index: number;
  header: string;
  role: ValueRole;
}

export interface ReportRow {
  row: number;
  section: string | null;
  no: string;
  label: string;
  unit: string;
  value: string;
  note: string;
  table: number;
  tableRow: number;
  cells: number[];
  /** Every value cell's text where the appendix has several value columns; `value` is the first. */
  values?: string[] | null;
  valueCells?: number[] | null;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  readyToSign: boolean;
}

export interface CheckResult {
  unit: string | null;
  period: Period | null;
  reportNumber: string | null;
  reportDate: string | null;
  template: {
    id: string | null;
    version: string | null;
    name: string | null;
    matchedRows: number;
    unmatchedRows: number;
    /** What the appendix was checked against: a template, the previous report, or the document alone. */
    form?: 'template' | 'previous-report' | 'document';
    /** The families of checks that ran. */
    checks?: string[];
    /** One sentence for the user: which form, or which rules were used when none matched. */
    summary?: string | null;
  } | null;
  valueColumns?: ValueColumn[];
  /** False when the table was recognised by its shape, having no header row. */
  headerRow?: boolean;
  previous: { source: string; period: Period | null; fileName: string | null } | null;
  rows: ReportRow[];
  findings: Finding[];
  summary: CheckSummary;
  /** Only on /api/files/check: the uploaded file's name. */
  file?: string | { name?: string } | null;
}

export type PrefillKind = 'stock' | 'flow' | 'cumulative';

export interface PrefillProposal {
  row: number;
  /** `value`, or `note` for a plan reference carried over. */
  column: Column;
  label: string;
  kind: PrefillKind;
  current: string;
  previous: string | null;
  proposed: string | null;
  source: string | null;
  preselected: boolean;
  section?: string | null;
  indicatorId?: string | null;
  /** Optional pointers back into the request, as on findings; absent on older hosts. */
  table?: number;
  tableRow?: number;
  cell?: number;
  valueColumn?: number | null;
  valueHeader?: string | null;
}

export interface PrefillResult {
  previous: { source: string; period: Period | null; fileName: string | null } | null;
  reason: string | null;
  proposals: PrefillProposal[];
}

/** RFC 9457 Problem Details as the host sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  code?: string;
  titleEn?: string;
  detailEn?: string;
  errors?: Record<string, string[]>;
}
