// The Excel side of DocumentHost. The appendix may sit on any sheet, below other rows; requests stay under
// Excel on the web's 5 MB payload limit by reading a bounded region per sheet and chunking the rest.
import type { DocumentSnapshot, SnapshotCell, SnapshotRow } from '../api/types';
import { MARK_PREFIX, type ApplyOutcome, type CellRef, type DocumentHost, type Fix, type HostCapabilities, type Mark, type Refusal } from '../document';
import { UserFacingError } from '../errors';
import { isAppendixHeader, looksLikeFormula, parseVietnameseNumber } from '../numbers';
import { documentSettings, type OfficeEnvironment } from './host';

/** Rows read per request: ≈ 26 columns × 600 rows × three properties stays far below 5 MB even with long labels. */
export const CHUNK_ROWS = 600;
const REGION_COLUMNS = 'A:Z';
/** Sheets probed per request after the active one. */
const SHEETS_PER_REQUEST = 2;
/** Cells written per request. */
const WRITES_PER_REQUEST = 500;
const SETTINGS_KEY = 'cchc.excelMarks';
const FILL: Record<Mark['severity'], string> = { error: '#FDE7E9', warning: '#FFF4CE', info: '#DEECF9' };

interface ExcelLayout {
  sheet: string;
  /** Absolute 0-based row and column of the header row's first cell: snapshot cell (r, c) is (row + r, column + c). */
  row: number;
  column: number;
  /** Per snapshot cell, whether it held a number and with which format, to write fixes back in kind. */
  numeric: Map<string, string>;
}

interface StoredMark {
  sheet: string;
  row: number;
  column: number;
  previousFill: string | null;
}

export function excelCapabilities(env: Pick<OfficeEnvironment, 'supports'>): HostCapabilities {
  return {
    cellNotes: env.supports('ExcelApi', '1.18') ? 'notes' : env.supports('ExcelApi', '1.10') ? 'threaded-comments' : 'none',
    trackChanges: false,
    changeEvents: env.supports('ExcelApi', '1.7'),
  };
}

interface RegionRead {
  sheet: string;
  used: Excel.Range;
  region: Excel.Range;
}

function queueRegion(sheet: Excel.Worksheet, name: string): RegionRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount');
  const region = used.getIntersectionOrNullObject(sheet.getRange(`1:${CHUNK_ROWS}`)).getIntersectionOrNullObject(REGION_COLUMNS);
  region.load('values,text,numberFormat,rowIndex,columnIndex');
  return { sheet: name, used, region };
}

interface Grid {
  values: unknown[][];
  text: string[][];
  formats: string[][];
  rowIndex: number;
  columnIndex: number;
}

function headerAt(grid: Grid): number {
  return grid.text.findIndex((row) => isAppendixHeader(row.map((v) => String(v ?? ''))));
}

export function createExcelHost(env: Pick<OfficeEnvironment, 'supports'>): DocumentHost {
  if (!env.supports('ExcelApi', '1.4')) throw new UserFacingError('errHostTooOld');
  const capabilities = excelCapabilities(env);
  let layout: ExcelLayout | null = null;

  const requireLayout = (): ExcelLayout => {
    if (!layout) throw new UserFacingError('cellGone');
    return layout;
  };

  const cellOf = (context: Excel.RequestContext, l: ExcelLayout, ref: CellRef): Excel.Range =>
    context.workbook.worksheets.getItem(l.sheet).getCell(l.row + ref.tableRow, l.column + Math.max(0, ref.cell));

  return {
    kind: 'excel',
    capabilities,

    async readSnapshot(): Promise<DocumentSnapshot> {
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('name');
        // The officer usually has the appendix open: try the active sheet in the first request.
        const first = queueRegion(active, '');
        await context.sync();
        first.sheet = active.name;

        let found: { read: RegionRead; grid: Grid; header: number } | null = null;
        const inspect = (read: RegionRead) => {
          if (found || read.region.isNullObject) return;
          const grid: Grid = {
            values: read.region.values,
            text: read.region.text,
            formats: read.region.numberFormat as string[][],
            rowIndex: read.region.rowIndex,
            columnIndex: read.region.columnIndex,
          };
          const header = headerAt(grid);
          if (header >= 0) found = { read, grid, header };
        };
        inspect(first);

        const others = sheets.items.filter((s) => s.name !== active.name);
        for (let i = 0; !found && i < others.length; i += SHEETS_PER_REQUEST) {
          const batch = others.slice(i, i + SHEETS_PER_REQUEST).map((s) => queueRegion(s, s.name));
          await context.sync();
          batch.forEach(inspect);
        }
        if (!found) throw new UserFacingError('noAppendix');
        const { read, grid, header } = found as { read: RegionRead; grid: Grid; header: number };

        // Rows past the first region (a very long sheet) come in further bounded chunks.
        const usedEnd = read.used.rowIndex + read.used.rowCount;
        let loadedEnd = grid.rowIndex + grid.values.length;
        const width = grid.values[0]?.length ?? 0;
        const sheet = context.workbook.worksheets.getItem(read.sheet);
        while (loadedEnd < usedEnd) {
          const rows = Math.min(CHUNK_ROWS, usedEnd - loadedEnd);
          const chunk = sheet.getRangeByIndexes(loadedEnd, grid.columnIndex, rows, width);
          chunk.load('values,text,numberFormat');
          await context.sync();
          grid.values.push(...chunk.values);
          grid.text.push(...chunk.text);
          grid.formats.push(...(chunk.numberFormat as string[][]));
          loadedEnd += rows;
        }

        const headerTexts = grid.text[header] ?? [];
        const firstCol = headerTexts.findIndex((t) => String(t).trim() !== '');
        let lastCol = headerTexts.length - 1;
        while (lastCol > firstCol && String(headerTexts[lastCol] ?? '').trim() === '') lastCol--;
        let lastRow = grid.text.length - 1;
        const blankRow = (r: number) => (grid.text[r] ?? []).slice(firstCol, lastCol + 1).every((t) => String(t).trim() === '');
        while (lastRow > header && blankRow(lastRow)) lastRow--;

        const numeric = new Map<string, string>();
        const rows: SnapshotRow[] = [];
        for (let r = header; r <= lastRow; r++) {
          const cells: SnapshotCell[] = [];
          for (let c = firstCol; c <= lastCol; c++) {
            const value = grid.values[r]?.[c];
            const text = String(grid.text[r]?.[c] ?? '');
            if (typeof value === 'number') {
              const format = grid.formats[r]?.[c] ?? 'General';
              numeric.set(`${r - header}:${c - firstCol}`, format);
              cells.push({ text, number: value, format });
            } else {
              cells.push({ text });
            }
          }
          rows.push({ cells });
        }

        const titleLines = grid.text
          .slice(0, header)
          .map((row) => row.map((t) => String(t).trim()).filter((t) => t !== '').join(' '))
          .filter((line) => line !== '');
        layout = { sheet: read.sheet, row: grid.rowIndex + header, column: grid.columnIndex + firstCol, numeric };
        return { host: 'excel', titleLines, tables: [{ sheet: read.sheet, rows }], documentUrl: null, previous: null };
      });
    },

    async select(ref: CellRef): Promise<void> {
      const l = requireLayout();
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(l.sheet).activate();
        cellOf(context, l, ref).select();
        await context.sync();
      });
    },

    async mark(marks: Mark[]): Promise<void> {
      const l = requireLayout();
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      if (marks.length === 0 && stored.length === 0) return;
      let kept: StoredMark[] = [];
      let fresh: StoredMark[] = [];
      const known = new Set(stored.map((m) => `${m.sheet}:${m.row}:${m.column}`));
      const added: { mark: StoredMark; fill: Excel.RangeFill }[] = [];
      await Excel.run(async (context) => {
        const notes = existingNotes(context, capabilities);
        const byCell = new Map<string, { range: Excel.Range; mark: Mark; messages: string[] }>();
        for (const m of marks) {
          const key = `${m.ref.tableRow}:${m.ref.cell}`;
          const entry = byCell.get(key);
          if (entry) {
            entry.messages.push(m.message);
            if (m.severity === 'error') entry.mark = m;
            continue;
          }
          const range = cellOf(context, l, m.ref);
          range.load('address');
          const cellKey = `${l.sheet}:${l.row + m.ref.tableRow}:${l.column + Math.max(0, m.ref.cell)}`;
          if (!known.has(cellKey)) {
            range.format.fill.load('color');
            added.push({
              mark: { sheet: l.sheet, row: l.row + m.ref.tableRow, column: l.column + Math.max(0, m.ref.cell), previousFill: null },
              fill: range.format.fill,
            });
          }
          byCell.set(key, { range, mark: m, messages: [m.message] });
        }
        await context.sync();
        // Read now: once the new colour is set below, the proxy reports that instead of the officer's own.
        fresh = added.map(({ mark, fill }) => ({ ...mark, previousFill: fill.color && fill.color !== '#FFFFFF' ? fill.color : null }));

        deleteOurs(notes);
        // Cells flagged last time but not now get their own fill back; marking replaces, never accumulates.
        const now = new Set([...byCell.keys()].map((k) => {
          const [r, c] = k.split(':').map(Number);
          return `${l.sheet}:${l.row + (r ?? 0)}:${l.column + Math.max(0, c ?? 0)}`;
        }));
        kept = stored.filter((m) => now.has(`${m.sheet}:${m.row}:${m.column}`));
        for (const m of stored.filter((s) => !now.has(`${s.sheet}:${s.row}:${s.column}`))) {
          const fill = context.workbook.worksheets.getItemOrNullObject(m.sheet).getCell(m.row, m.column).format.fill;
          if (m.previousFill) fill.color = m.previousFill;
          else fill.clear();
        }
        for (const { range, mark, messages } of byCell.values()) {
          range.format.fill.color = FILL[mark.severity];
          addNote(context, capabilities, range.address, `${MARK_PREFIX} ${messages.join(' ')}`);
        }
        await context.sync();
      });
      await documentSettings.set(SETTINGS_KEY, [...kept, ...fresh]);
    },

    async clearMarks(): Promise<void> {
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      await Excel.run(async (context) => {
        const notes = existingNotes(context, capabilities);
        if (notes) await context.sync();
        deleteOurs(notes);
        for (const m of stored) {
          const sheet = context.workbook.worksheets.getItemOrNullObject(m.sheet);
          const fill = sheet.getCell(m.row, m.column).format.fill;
          if (m.previousFill) fill.color = m.previousFill;
          else fill.clear();
        }
        await context.sync();
      });
      await documentSettings.set(SETTINGS_KEY, null);
    },

    async applyFixes(fixes: Fix[]): Promise<ApplyOutcome> {
      const l = requireLayout();
      const refused: Refusal[] = [];
      const writes: { ref: CellRef; value: number | string }[] = [];
      for (const fix of fixes) {
        const key = `${fix.ref.tableRow}:${fix.ref.cell}`;
        const format = l.numeric.get(key);
        const number = parseVietnameseNumber(fix.value);
        const address = cellAddress(l, fix.ref);
        if (number !== null) {
          // A percent cell holds the fraction: "60" proposed for a 0% cell is 0.6.
          writes.push({ ref: fix.ref, value: format?.includes('%') ? number / 100 : number });
        } else if (format !== undefined) {
          refused.push({ ref: fix.ref, key: 'notNumber', args: { v: fix.value, c: address } });
        } else if (looksLikeFormula(fix.value)) {
          refused.push({ ref: fix.ref, key: 'formulaRefused', args: { v: fix.value, c: address } });
        } else {
          writes.push({ ref: fix.ref, value: fix.value });
        }
      }
      await Excel.run(async (context) => {
        for (let i = 0; i < writes.length; i += WRITES_PER_REQUEST) {
          for (const w of writes.slice(i, i + WRITES_PER_REQUEST)) {
            // Only values: the cell's number format (percent, thousands) stays as the officer set it.
            cellOf(context, l, w.ref).values = [[w.value]];
          }
          await context.sync();
        }
      });
      return { applied: writes.length, refused };
    },

    async onChanged(callback: () => void): Promise<() => Promise<void>> {
      if (!capabilities.changeEvents || !layout) return async () => {};
      const sheetName = layout.sheet;
      let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
      await Excel.run(async (context) => {
        registration = context.workbook.worksheets.getItem(sheetName).onChanged.add(async () => callback());
        await context.sync();
      });
      return async () => {
        const r = registration as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
        if (!r) return;
        await Excel.run(r.context, async (context) => {
          r.remove();
          await context.sync();
        });
      };
    },
  };
}

type NoteLike = { content: string; delete(): void };
type NoteList = { items: NoteLike[] } | null;

function existingNotes(context: Excel.RequestContext, capabilities: HostCapabilities): NoteList {
  if (capabilities.cellNotes === 'notes') {
    const notes = context.workbook.notes;
    notes.load('items/content');
    return notes as unknown as NoteList;
  }
  if (capabilities.cellNotes === 'threaded-comments') {
    const comments = context.workbook.comments;
    comments.load('items/content');
    return comments as unknown as NoteList;
  }
  return null;
}

function deleteOurs(notes: NoteList): void {
  notes?.items.filter((n) => n.content.startsWith(MARK_PREFIX)).forEach((n) => n.delete());
}

function addNote(context: Excel.RequestContext, capabilities: HostCapabilities, address: string, text: string): void {
  if (capabilities.cellNotes === 'notes') context.workbook.notes.add(address, text);
  else if (capabilities.cellNotes === 'threaded-comments') context.workbook.comments.add(address, text);
}

/** "C12" style, for messages: the officer finds the cell by its address. */
export function cellAddress(l: { row: number; column: number }, ref: CellRef): string {
  let column = l.column + Math.max(0, ref.cell);
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (column % 26)) + letters;
    column = Math.floor(column / 26) - 1;
  } while (column >= 0);
  return `${letters}${l.row + ref.tableRow + 1}`;
}
