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
  template: { id: string; version: string; name: string; matchedRows: number; unmatchedRows: number } | null;
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
