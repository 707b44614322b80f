// The Excel side of DocumentHost. The appendix may sit on any sheet, below other rows; requests stay under
// Excel on the web's 5 MB payload limit by reading a bounded region per sheet and chunking the rest.
import type { DocumentSnapshot, SnapshotCell, SnapshotRow } from '../api/types';
import { MARK_PREFIX, type ApplyOutcome, type CellRef, type DocumentHost, type Fix, type HostCapabilities, type Mark, type MarkOutcome, type Refusal } from '../document';
import { UserFacingError } from '../errors';
import { isAppendixHeader, looksLikeFormula, parseVietnameseNumber } from '../numbers';
import { documentSettings, officeErrorCode, type OfficeEnvironment } from './host';

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
          // An A1 address rather than getRangeByIndexes, which needs ExcelApi 1.7 where we promise 1.4.
          const chunk = sheet.getRange(`${a1(loadedEnd, grid.columnIndex)}:${a1(loadedEnd + rows - 1, grid.columnIndex + width - 1)}`);
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

    async mark(marks: Mark[]): Promise<MarkOutcome> {
      const l = requireLayout();
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      if (marks.length === 0 && stored.length === 0 && capabilities.cellNotes === 'none') return { unmarked: [] };
      const unmarked: Refusal[] = [];
      // One mark per cell: the worst severity colours it, its note carries every message.
      const cells = new Map<string, { ref: CellRef; at: StoredMark; severity: Mark['severity']; messages: string[] }>();
      for (const m of marks) {
        const at = { sheet: l.sheet, row: l.row + m.ref.tableRow, column: l.column + Math.max(0, m.ref.cell), previousFill: null };
        const entry = cells.get(cellKey(at));
        if (!entry) cells.set(cellKey(at), { ref: m.ref, at, severity: m.severity, messages: [m.message] });
        else {
          entry.messages.push(m.message);
          if (rank[m.severity] > rank[entry.severity]) entry.severity = m.severity;
        }
      }
      const storedByKey = new Map(stored.map((s) => [cellKey(s), s]));
      const keep: StoredMark[] = [];

      await Excel.run(async (context) => {
        const fillOf = (m: StoredMark) => context.workbook.worksheets.getItemOrNullObject(m.sheet).getCell(m.row, m.column).format.fill;
        // The fills as they are now, read before any is set: they tell the officer's own colour from ours.
        const fills = new Map<string, Excel.RangeFill>();
        for (const m of [...[...cells.values()].map((c) => c.at), ...stored]) {
          if (fills.has(cellKey(m))) continue;
          const fill = fillOf(m);
          fill.load('color');
          fills.set(cellKey(m), fill);
        }
        const threads = await loadThreads(context, capabilities);

        // Batch one: fills, and our old notes retired. Cells flagged last time but not now get their own fill
        // back unless the officer recoloured them since; marking replaces, never accumulates.
        for (const s of stored) {
          if (cells.has(cellKey(s))) continue;
          const fill = fills.get(cellKey(s))!;
          if (!ourFills.has(String(fill.color).toUpperCase())) continue;
          if (s.previousFill) fill.color = s.previousFill;
          else fill.clear();
        }
        const toAdd: { ref: CellRef; address: string; text: string }[] = [];
        for (const { ref, at, severity, messages } of cells.values()) {
          const fill = fills.get(cellKey(at))!;
          const had = String(fill.color ?? '').toUpperCase();
          const ours = storedByKey.get(cellKey(at));
          keep.push(ours && ourFills.has(had) ? ours : { ...at, previousFill: had && had !== '#FFFFFF' ? had : null });
          fill.color = FILL[severity];
          if (!threads) continue;
          const text = `${MARK_PREFIX} ${messages.join(' ')}`;
          const address = cellAddress(l, ref, true);
          const there = threads.byAddress.get(normalise(address));
          if (!there) toAdd.push({ ref, address, text });
          else if (!there.content.startsWith(MARK_PREFIX)) unmarked.push({ ref, key: 'noteTaken', args: { c: cellAddress(l, ref) } });
          else if (there.replies === 0) there.thread.content = text;
          else unmarked.push({ ref, key: 'noteAnswered', args: { c: cellAddress(l, ref) } });
        }
        const flagged = new Set([...cells.values()].map(({ ref }) => normalise(cellAddress(l, ref, true))));
        for (const [address, t] of threads?.byAddress ?? []) if (!flagged.has(address)) retire(t);
        await context.sync();

        // Then each note in a batch of its own: one refused (office-js 1416) costs only its cell.
        for (const item of toAdd) {
          try {
            addNote(context, capabilities, item.address, item.text);
            await context.sync();
          } catch (error) {
            unmarked.push({ ref: item.ref, key: 'noteFailed', args: { c: cellAddress(l, item.ref), m: officeErrorCode(error) ?? String(error) } });
          }
        }
      });
      // Not reached when a batch failed: what the settings say is ours then stays as it was.
      await documentSettings.set(SETTINGS_KEY, keep);
      return { unmarked };
    },

    async clearMarks(): Promise<void> {
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      await Excel.run(async (context) => {
        const fills = stored.map((m) => {
          const fill = context.workbook.worksheets.getItemOrNullObject(m.sheet).getCell(m.row, m.column).format.fill;
          fill.load('color');
          return { m, fill };
        });
        const threads = await loadThreads(context, capabilities);
        for (const { m, fill } of fills) {
          // Only where our colour is still there: a cell the officer recoloured since keeps their colour.
          if (!ourFills.has(String(fill.color).toUpperCase())) continue;
          if (m.previousFill) fill.color = m.previousFill;
          else fill.clear();
        }
        threads?.byAddress.forEach(retire);
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
      return { applied: writes.length, refused, unmarked: [] };
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

interface Thread {
  thread: { content: string; resolved?: boolean; delete(): void };
  content: string;
  replies: number;
}

type ThreadList = { items: { content: string; resolved?: boolean; replies?: { items: unknown[] }; delete(): void; getLocation(): Excel.Range }[] };

/**
 * Every note (ExcelApi 1.18) or threaded comment (1.10) of the workbook by the address of its cell, in two
 * batches: the list, then where each one sits. Null where this Excel has neither.
 */
async function loadThreads(context: Excel.RequestContext, capabilities: HostCapabilities): Promise<{ byAddress: Map<string, Thread> } | null> {
  const list =
    capabilities.cellNotes === 'notes'
      ? (context.workbook.notes as unknown as ThreadList)
      : capabilities.cellNotes === 'threaded-comments'
        ? (context.workbook.comments as unknown as ThreadList)
        : null;
  (list as unknown as { load(p: string): void } | null)?.load(capabilities.cellNotes === 'notes' ? 'items/content' : 'items/content,items/resolved,items/replies');
  await context.sync();
  if (!list) return null;
  const located = list.items.map((item) => {
    const where = item.getLocation();
    where.load('address');
    return { item, where };
  });
  await context.sync();
  const byAddress = new Map<string, Thread>();
  for (const { item, where } of located) {
    // Notes have no replies; threaded comments may.
    const replies = capabilities.cellNotes === 'notes' ? 0 : (item.replies?.items.length ?? 0);
    byAddress.set(normalise(where.address), { thread: item, content: item.content, replies });
  }
  return { byAddress };
}

/** Ours only. A thread someone answered is resolved, never deleted: Comment.delete takes the replies with it. */
function retire(t: Thread): void {
  if (!t.content.startsWith(MARK_PREFIX)) return;
  if (t.replies > 0) {
    if (!t.thread.resolved) t.thread.resolved = true;
  } else {
    t.thread.delete();
  }
}

function addNote(context: Excel.RequestContext, capabilities: HostCapabilities, address: string, text: string): void {
  if (capabilities.cellNotes === 'notes') context.workbook.notes.add(address, text);
  else if (capabilities.cellNotes === 'threaded-comments') context.workbook.comments.add(address, text);
}

const rank: Record<Mark['severity'], number> = { error: 3, warning: 2, info: 1 };
const ourFills = new Set(Object.values(FILL).map((c) => c.toUpperCase()));
const cellKey = (m: { sheet: string; row: number; column: number }) => `${m.sheet}:${m.row}:${m.column}`;
const normalise = (address: string) => address.replace(/\$/g, '').toUpperCase();

/** "C12" from 0-based row and column. */
function a1(row: number, column: number): string {
  let letters = '';
  for (let c = column; c >= 0; c = Math.floor(c / 26) - 1) letters = String.fromCharCode(65 + (c % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** "C12" style, for messages: the officer finds the cell by its address; with the sheet ("'Phụ lục'!C12") for the API. */
export function cellAddress(l: { row: number; column: number; sheet?: string }, ref: CellRef, withSheet = false): string {
  const cell = a1(l.row + ref.tableRow, l.column + Math.max(0, ref.cell));
  if (!withSheet) return cell;
  const sheet = l.sheet ?? '';
  return `${/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}
