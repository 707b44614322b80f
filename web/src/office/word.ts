// The Word side of DocumentHost. Reads the appendix in one batch, marks and fixes cells in one more.
import type { DocumentSnapshot, SnapshotRow } from '../api/types';
import { MARK_PREFIX, type ApplyOutcome, type CellRef, type DocumentHost, type Fix, type HostCapabilities, type Mark } from '../document';
import { UserFacingError } from '../errors';
import { isAppendixHeader } from '../numbers';
import { isContinuation, spansFromWidths, titleLinesAbove } from './appendixLayout';
import { documentSettings, type OfficeEnvironment } from './host';

const HIGHLIGHT = 'Yellow';
const SETTINGS_KEY = 'cchc.wordMarks';

/** Where our snapshot came from: snapshot table i is the top-level Word table topLevel[i]. */
interface WordLayout {
  topLevel: number[];
  titleParagraphs: number[];
}

interface StoredMark {
  table: number;
  row: number;
  cell: number;
  /** The highlight the cell had before we marked it, restored on clear so we never erase the officer's own. */
  previous: string | null;
}

type LoadedTables = Word.TableCollection;

export function wordCapabilities(env: Pick<OfficeEnvironment, 'supports'>): HostCapabilities {
  return {
    cellNotes: env.supports('WordApi', '1.4') ? 'comments' : 'none',
    trackChanges: env.supports('WordApi', '1.4'),
    changeEvents: env.supports('WordApi', '1.6'),
  };
}

export function createWordHost(env: Pick<OfficeEnvironment, 'supports'>): DocumentHost {
  if (!env.supports('WordApi', '1.3')) throw new UserFacingError('errHostTooOld');
  const capabilities = wordCapabilities(env);
  let layout: WordLayout | null = null;

  /** Top-level tables in document order; nested tables (inside a cell) are never the appendix. */
  const topLevelOf = (tables: LoadedTables): Word.Table[] => tables.items.filter((t) => t.nestingLevel === 1);

  const requireLayout = (): WordLayout => {
    if (!layout) throw new UserFacingError('cellGone');
    return layout;
  };

  /** One batch that makes every table's row and cell proxies available, so any cell can then be addressed by index. */
  const loadCells = (context: Word.RequestContext): LoadedTables => {
    const tables = context.document.body.tables;
    tables.load('items/nestingLevel,items/rows/items/cells/items/cellIndex');
    return tables;
  };

  const cellAt = (tables: LoadedTables, ref: CellRef): Word.TableCell => {
    const l = requireLayout();
    const tableIndex = l.topLevel[ref.table];
    const table = tableIndex === undefined ? undefined : topLevelOf(tables)[tableIndex];
    const row = table?.rows.items[ref.tableRow];
    const cells = row?.cells.items ?? [];
    // A finding with no cell for its column (-1) still points at its row: use the row's first cell.
    const cell = ref.cell >= 0 ? cells[ref.cell] : cells[0];
    if (!cell) throw new UserFacingError('cellGone');
    return cell;
  };

  return {
    kind: 'word',
    capabilities,

    async readSnapshot(): Promise<DocumentSnapshot> {
      return Word.run(async (context) => {
        const body = context.document.body;
        const tables = body.tables;
        tables.load('items/nestingLevel,items/rows/items/cells/items/value,items/rows/items/cells/items/columnWidth');
        const paragraphs = body.paragraphs;
        paragraphs.load('items/text,items/tableNestingLevel');
        // The only read round trip: its count does not depend on the size of the table.
        await context.sync();

        const topLevel = topLevelOf(tables);
        const rowsOf = (t: Word.Table) => t.rows.items.map((r) => r.cells.items);
        const texts = (cells: Word.TableCell[]) => cells.map((c) => c.value);
        const start = topLevel.findIndex((t) => rowsOf(t).some((cells) => isAppendixHeader(texts(cells))));
        if (start < 0) throw new UserFacingError('noAppendix');

        // Paragraphs outside tables, split by table: Word always keeps a paragraph between two tables,
        // so the k-th run of in-table paragraphs is the k-th top-level table.
        const between: string[][] = [[]];
        let inTable = false;
        for (const p of paragraphs.items) {
          if (p.tableNestingLevel > 0) {
            if (!inTable) between.push([]);
            inTable = true;
          } else {
            inTable = false;
            between[between.length - 1]?.push(p.text);
          }
        }

        const first = topLevel[start]!;
        const headerRow = rowsOf(first).find((cells) => isAppendixHeader(texts(cells))) ?? [];
        const headerWidths = headerRow.map((c) => c.columnWidth);
        const chosen = [start];
        for (let k = start + 1; k < topLevel.length; k++) {
          const rows = rowsOf(topLevel[k]!);
          const onlyBlank = (between[k] ?? []).every((text) => text.trim() === '');
          const maxCells = Math.max(0, ...rows.map((r) => r.length));
          if (!isContinuation(texts(rows[0] ?? []), maxCells, headerRow.length, onlyBlank)) break;
          chosen.push(k);
        }

        const toRows = (t: Word.Table): SnapshotRow[] =>
          rowsOf(t).map((cells) => {
            const spans = spansFromWidths(headerWidths, cells.map((c) => c.columnWidth));
            return { cells: cells.map((c, i) => ({ text: c.value, span: spans[i] ?? 1 })) };
          });

        const above = between[start] ?? [];
        const titles = titleLinesAbove(above);
        layout = { topLevel: chosen, titleParagraphs: titles.indices };
        return {
          host: 'word',
          titleLines: titles.lines,
          tables: chosen.map((k) => ({ sheet: null, rows: toRows(topLevel[k]!) })),
          documentUrl: null,
          previous: null,
        };
      });
    },

    async select(ref: CellRef): Promise<void> {
      await Word.run(async (context) => {
        const tables = loadCells(context);
        await context.sync();
        cellAt(tables, ref).body.select('Select');
        await context.sync();
      });
    },

    async mark(marks: Mark[]): Promise<void> {
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      if (marks.length === 0 && stored.length === 0) return;
      const l = requireLayout();
      await Word.run(async (context) => {
        const tables = loadCells(context);
        const comments = capabilities.cellNotes === 'comments' ? context.document.body.getComments() : null;
        comments?.load('items/content');
        await context.sync();

        // Re-marking replaces our previous comments instead of stacking a second one on each cell.
        comments?.items.filter((c) => c.content.startsWith(MARK_PREFIX)).forEach((c) => c.delete());
        const known = new Set(stored.map((m) => `${m.table}:${m.row}:${m.cell}`));
        const fonts: { mark: StoredMark; font: Word.Font }[] = [];
        const seen = new Set<string>();
        for (const m of marks) {
          const key = `${l.topLevel[m.ref.table]}:${m.ref.tableRow}:${m.ref.cell}`;
          const range = cellAt(tables, m.ref).body.getRange('Whole');
          if (comments) range.insertComment(`${MARK_PREFIX} ${m.message}`);
          if (seen.has(key)) continue;
          seen.add(key);
          if (!known.has(key)) {
            // A separate range object, loaded before the new colour is set in the same batch: it reports the
            // officer's own highlight, where the range we colour would report ours.
            const before = cellAt(tables, m.ref).body.getRange('Whole');
            before.font.load('highlightColor');
            fonts.push({ mark: { table: l.topLevel[m.ref.table] ?? -1, row: m.ref.tableRow, cell: m.ref.cell, previous: null }, font: before.font });
          }
          range.font.highlightColor = HIGHLIGHT;
        }
        // Cells flagged last time but not now get their own highlight back; marking replaces, never accumulates.
        const top = topLevelOf(tables);
        const kept = stored.filter((m) => seen.has(`${m.table}:${m.row}:${m.cell}`));
        for (const m of stored.filter((s) => !seen.has(`${s.table}:${s.row}:${s.cell}`))) {
          const cell = top[m.table]?.rows.items[m.row]?.cells.items[m.cell < 0 ? 0 : m.cell];
          if (cell) cell.body.getRange('Whole').font.highlightColor = m.previous as string;
        }
        await context.sync();
        const added = fonts.map(({ mark, font }) => ({ ...mark, previous: font.highlightColor === HIGHLIGHT ? null : font.highlightColor || null }));
        await documentSettings.set(SETTINGS_KEY, [...kept, ...added]);
      });
    },

    async clearMarks(): Promise<void> {
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      await Word.run(async (context) => {
        const tables = context.document.body.tables;
        tables.load('items/nestingLevel,items/rows/items/cells/items/cellIndex');
        const comments = capabilities.cellNotes === 'comments' ? context.document.body.getComments() : null;
        comments?.load('items/content');
        await context.sync();
        comments?.items.filter((c) => c.content.startsWith(MARK_PREFIX)).forEach((c) => c.delete());
        const top = topLevelOf(tables);
        for (const m of stored) {
          const cell = top[m.table]?.rows.items[m.row]?.cells.items[m.cell < 0 ? 0 : m.cell];
          // A cell that no longer exists took its highlight with it.
          if (cell) cell.body.getRange('Whole').font.highlightColor = m.previous as string;
        }
        await context.sync();
      });
      await documentSettings.set(SETTINGS_KEY, null);
    },

    async applyFixes(fixes: Fix[]): Promise<ApplyOutcome> {
      if (fixes.length === 0) return { applied: 0, refused: [] };
      return Word.run(async (context) => {
        const tables = loadCells(context);
        const doc = context.document;
        if (capabilities.trackChanges) doc.load('changeTrackingMode');
        await context.sync();

        const userMode = capabilities.trackChanges ? doc.changeTrackingMode : null;
        if (capabilities.trackChanges) doc.changeTrackingMode = Word.ChangeTrackingMode.trackAll;
        try {
          for (const fix of fixes) {
            const range = cellAt(tables, fix.ref).body.insertText(fix.value, 'Replace');
            if (capabilities.cellNotes === 'comments') range.insertComment(`${MARK_PREFIX} ${fix.reason}`);
          }
          await context.sync();
        } finally {
          if (userMode !== null) {
            doc.changeTrackingMode = userMode;
            await context.sync();
          }
        }
        return { applied: fixes.length, refused: [] };
      });
    },

    async onChanged(callback: () => void): Promise<() => Promise<void>> {
      if (!capabilities.changeEvents) return async () => {};
      const context = new Word.RequestContext();
      const registration = context.document.onParagraphChanged.add(async () => callback());
      await context.sync();
      return async () => {
        registration.remove();
        await context.sync();
      };
    },
  };
}
