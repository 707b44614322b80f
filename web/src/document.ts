import type { DocumentSnapshot, HostKind, Severity } from './api/types';
import type { MessageKey } from './i18n';

/** A cell as the host's response names it: index of the table in the snapshot, of the row in it, of the cell in the row. */
export interface CellRef {
  table: number;
  tableRow: number;
  cell: number;
}

export interface Mark {
  ref: CellRef;
  severity: Severity;
  code: string;
  message: string;
}

export interface Fix {
  ref: CellRef;
  /** As the API proposes it, already in Vietnamese number format ("5.967"). */
  value: string;
  /** Why, for the tracked change's comment. */
  reason: string;
}

export interface Refusal {
  ref: CellRef;
  key: MessageKey;
  args: Record<string, string>;
}

export interface ApplyOutcome {
  applied: number;
  refused: Refusal[];
  /** Written, but the comment giving the reason could not be attached: the pane says so. */
  unmarked: Refusal[];
}

/** What marking could not do, cell by cell: never silently lost, always shown in the pane. */
export interface MarkOutcome {
  unmarked: Refusal[];
}

export interface HostCapabilities {
  /** Word: comments on flagged cells (WordApi 1.4). Excel: notes (1.18) or threaded comments (1.10). */
  cellNotes: 'comments' | 'notes' | 'threaded-comments' | 'none';
  /** Word only: edits can be made as tracked changes (WordApi 1.4). Excel writes directly. */
  trackChanges: boolean;
  /** The host raises an event when the document changes, so the pane can re-check by itself. */
  changeEvents: boolean;
}

/** Everything the UI may do with the open document. Implemented over Office.js in src/office only. */
export interface DocumentHost {
  readonly kind: Exclude<HostKind, 'browser'>;
  readonly capabilities: HostCapabilities;
  readSnapshot(): Promise<DocumentSnapshot>;
  select(ref: CellRef): Promise<void>;
  /** Replaces the previous marks: highlights or fills first, then one note per cell, each on its own. */
  mark(marks: Mark[]): Promise<MarkOutcome>;
  clearMarks(): Promise<void>;
  applyFixes(fixes: Fix[]): Promise<ApplyOutcome>;
  /** Returns an unsubscribe function. The callback is debounced by the caller. */
  onChanged(callback: () => void): Promise<() => Promise<void>>;
}

/** Our marks' comments start with this so re-checking and clearing touch ours and never the officer's. */
export const MARK_PREFIX = '[Kiểm tra CCHC]';

/**
 * The comment that gives the reason for a fix carries its own marker: it belongs to the tracked change and stays
 * until the reviewer deals with it, so re-checking and clearing the marks leave it alone.
 */
export const FIX_PREFIX = '[CCHC – lý do sửa]';
