// The Word side of DocumentHost. Reads the appendix in two batches whatever its size; marks and fixes so that no
// refused call can lose the rest: highlights and edits in one batch, then each comment on its own.
import type { DocumentSnapshot, SnapshotRow } from '../api/types';
import {
  FIX_PREFIX,
  MARK_PREFIX,
  type ApplyOutcome,
  type CellRef,
  type DocumentHost,
  type Fix,
  type HostCapabilities,
  type Mark,
  type MarkOutcome,
  type Refusal,
} from '../document';
import { UserFacingError } from '../errors';
import { isAppendixHeader } from '../numbers';
import { isContinuation, tableGridFromOoxml, titleLinesAbove, type OoxmlCell } from './appendixLayout';
import { documentSettings, officeErrorCode, type OfficeEnvironment } from './host';

/** Word reports highlights back in '#RRGGBB'; setting the same form makes "is this still ours?" a plain comparison. */
const OUR_HIGHLIGHT = '#FFFF00';
const SETTINGS_KEY = 'cchc.wordMarks';

/** Where our snapshot came from. */
interface WordLayout {
  /** Snapshot table i is the top-level Word table topLevel[i]. */
  topLevel: number[];
  titleParagraphs: number[];
  /** Per snapshot table and row: the Word cell index of each snapshot cell, -1 where Word lists no cell. */
  cells: number[][][];
}

interface StoredMark {
  table: number;
  row: number;
  cell: number;
  /** The highlight the cell had before we marked it ('#RRGGBB' or null), restored on clear. */
  previous: string | null;
}

type LoadedTables = Word.TableCollection;
type Comments = Word.CommentCollection | null;

export function wordCapabilities(env: Pick<OfficeEnvironment, 'supports'>): HostCapabilities {
  return {
    cellNotes: env.supports('WordApi', '1.4') ? 'comments' : 'none',
    trackChanges: env.supports('WordApi', '1.4'),
    changeEvents: env.supports('WordApi', '1.6'),
  };
}

const keyOf = (m: { table: number; row: number; cell: number }) => `${m.table}:${m.row}:${m.cell}`;

export function createWordHost(env: Pick<OfficeEnvironment, 'supports'>): DocumentHost {
  if (!env.supports('WordApi', '1.3')) throw new UserFacingError('errHostTooOld');
  const capabilities = wordCapabilities(env);
  const reviewedText = env.supports('WordApi', '1.4');
  let layout: WordLayout | null = null;

  /** Top-level tables in document order; nested tables (inside a cell) are never the appendix. */
  const topLevelOf = (tables: LoadedTables): Word.Table[] => tables.items.filter((t) => t.nestingLevel === 1);

  const requireLayout = (): WordLayout => {
    if (!layout) throw new UserFacingError('cellGone');
    return layout;
  };

  /**
   * Every table's rows and cells, so any cell can be addressed by index. Loads `value`, never `cellIndex` or all
   * of a cell's properties: those fail the whole batch once any table has a vertically merged cell (office-js 3200).
   */
  const loadCells = (context: Word.RequestContext): LoadedTables => {
    const tables = context.document.body.tables;
    tables.load('items/nestingLevel,items/rows/items/cells/items/value');
    return tables;
  };

  /** Our marks' comments (not the officer's, not the reasons of our fixes), with their replies. */
  const loadComments = (context: Word.RequestContext): Comments => {
    if (capabilities.cellNotes !== 'comments') return null;
    const comments = context.document.body.getComments();
    comments.load('items/content,items/resolved,items/replies');
    return comments;
  };

  /** A thread someone answered is resolved, never deleted: Comment.delete would take the replies with it. */
  const retireOurComments = (comments: Comments) => {
    for (const c of comments?.items ?? []) {
      if (!c.content.startsWith(MARK_PREFIX)) continue;
      if (c.replies.items.length > 0) {
        if (!c.resolved) c.resolved = true;
      } else {
        c.delete();
      }
    }
  };

  const wordCell = (tables: LoadedTables, table: number, row: number, cell: number): Word.TableCell | undefined =>
    topLevelOf(tables)[table]?.rows.items[row]?.cells.items[cell < 0 ? 0 : cell];

  /** The Word table, row and cell a snapshot reference points at. */
  const locate = (ref: CellRef): { table: number; row: number; cell: number } => {
    const l = requireLayout();
    const table = l.topLevel[ref.table];
    const mapped = ref.cell < 0 ? 0 : l.cells[ref.table]?.[ref.tableRow]?.[ref.cell];
    if (table === undefined || mapped === undefined || mapped < 0) throw new UserFacingError('cellGone');
    return { table, row: ref.tableRow, cell: mapped };
  };

  const cellAt = (tables: LoadedTables, ref: CellRef): Word.TableCell => {
    const at = locate(ref);
    const cell = wordCell(tables, at.table, at.row, at.cell);
    if (!cell) throw new UserFacingError('cellGone');
    return cell;
  };

  /**
   * Adds one comment per cell, each in its own batch, so a refused one costs only itself. Word on the web refuses
   * every comment on some tenants (office-js 6746): after the first NotAllowed the rest are reported, not tried.
   */
  const commentEach = async (context: Word.RequestContext, items: { ref: CellRef; range: Word.Range; text: string }[]): Promise<Refusal[]> => {
    const refused: Refusal[] = [];
    let notAllowed = false;
    for (const item of items) {
      if (notAllowed) {
        refused.push({ ref: item.ref, key: 'commentRefused', args: {} });
        continue;
      }
      try {
        item.range.insertComment(item.text);
        await context.sync();
      } catch (error) {
        notAllowed = officeErrorCode(error) === 'NotAllowed';
        refused.push({ ref: item.ref, key: notAllowed ? 'commentRefused' : 'commentFailed', args: { m: officeErrorCode(error) ?? String(error) } });
      }
    }
    return refused;
  };

  return {
    kind: 'word',
    capabilities,

    async readSnapshot(): Promise<DocumentSnapshot> {
      return Word.run(async (context) => {
        const body = context.document.body;
        const tables = body.tables;
        tables.load('items/nestingLevel,items/rows/items/cells/items/value');
        const paragraphs = body.paragraphs;
        paragraphs.load('items/text,items/tableNestingLevel');
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

        const headerRow = rowsOf(topLevel[start]!).find((cells) => isAppendixHeader(texts(cells))) ?? [];
        const chosen = [start];
        for (let k = start + 1; k < topLevel.length; k++) {
          const rows = rowsOf(topLevel[k]!);
          const onlyBlank = (between[k] ?? []).every((text) => text.trim() === '');
          const maxCells = Math.max(0, ...rows.map((r) => r.length));
          if (!isContinuation(texts(rows[0] ?? []), maxCells, headerRow.length, onlyBlank)) break;
          chosen.push(k);
        }

        // Second and last batch, for the chosen tables only: their markup (spans, merges, and the text without
        // tracked deletions), and where WordApi 1.4 has it, each cell's text as reviewed: `value` still holds what
        // a tracked change deleted (office-js 1267, 5874).
        const markup = chosen.map((k) => topLevel[k]!.getRange('Whole').getOoxml());
        const reviewed = reviewedText ? chosen.map((k) => rowsOf(topLevel[k]!).map((cells) => cells.map((c) => c.body.getReviewedText('Current')))) : null;
        await context.sync();

        const cellMaps: number[][][] = [];
        const snapshotTables = chosen.map((k, i) => {
          const grid = tableGridFromOoxml(markup[i]!.value);
          const map: number[][] = [];
          const rows = rowsOf(topLevel[k]!).map((cells, r): SnapshotRow => {
            const current = (c: number) => clean(reviewed?.[i]?.[r]?.[c]?.value ?? null);
            const row = alignRow(cells.map((c) => c.value), grid?.[r] ?? null, current, reviewedText);
            map.push(row.map((c) => c.wordCell));
            return { cells: row.map(({ text, span }) => ({ text, span })) };
          });
          cellMaps.push(map);
          return { sheet: null, rows };
        });

        const titles = titleLinesAbove(between[start] ?? []);
        layout = { topLevel: chosen, titleParagraphs: titles.indices, cells: cellMaps };
        return { host: 'word', titleLines: titles.lines, tables: snapshotTables, documentUrl: null, previous: null };
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

    async mark(marks: Mark[]): Promise<MarkOutcome> {
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      if (marks.length === 0 && stored.length === 0 && capabilities.cellNotes === 'none') return { unmarked: [] };
      const unmarked: Refusal[] = [];
      // One mark per cell: its comment carries every message about it.
      const cells = new Map<string, { ref: CellRef; at: { table: number; row: number; cell: number }; messages: string[] }>();
      for (const m of marks) {
        let at: { table: number; row: number; cell: number };
        try {
          at = locate(m.ref);
        } catch {
          // The lower part of a merged cell that Word lists no cell for: there is nothing of its own to mark.
          unmarked.push({ ref: m.ref, key: 'cellMerged', args: {} });
          continue;
        }
        const entry = cells.get(keyOf(at));
        if (entry) entry.messages.push(m.message);
        else cells.set(keyOf(at), { ref: m.ref, at, messages: [m.message] });
      }
      const storedByKey = new Map(stored.map((s) => [keyOf(s), s]));
      const keep: StoredMark[] = [];

      await Word.run(async (context) => {
        const tables = loadCells(context);
        const comments = loadComments(context);
        await context.sync();

        // Each cell's highlight as it is now, read in a batch of their own before anything is coloured.
        const now = new Map<string, Word.Font>();
        const fontOf = (at: { table: number; row: number; cell: number }) => {
          const cell = wordCell(tables, at.table, at.row, at.cell);
          if (!cell) return;
          const font = cell.body.getRange('Whole').font;
          font.load('highlightColor');
          now.set(keyOf(at), font);
        };
        cells.forEach(({ at }) => fontOf(at));
        stored.filter((s) => !cells.has(keyOf(s))).forEach(fontOf);
        await context.sync();

        // Batch one: colours. Cells flagged last time but not now get their own highlight back, unless the officer
        // recoloured them since; marking replaces, never accumulates.
        for (const s of stored) {
          if (cells.has(keyOf(s))) continue;
          const font = now.get(keyOf(s));
          if (font?.highlightColor === OUR_HIGHLIGHT) font.highlightColor = s.previous as string;
        }
        for (const { ref, at } of cells.values()) {
          const font = now.get(keyOf(at));
          if (!font) continue;
          const had = font.highlightColor;
          const ours = storedByKey.get(keyOf(at));
          if (ours && had === OUR_HIGHLIGHT) {
            keep.push(ours);
          } else if (had === '') {
            // Several colours in one cell ('' per Word.Font.highlightColor) cannot be put back by one value: leave them.
            unmarked.push({ ref, key: 'highlightKept', args: {} });
          } else {
            font.highlightColor = OUR_HIGHLIGHT;
            keep.push({ ...at, previous: had });
          }
        }
        retireOurComments(comments);
        await context.sync();

        if (capabilities.cellNotes === 'comments') {
          const items = [...cells.values()].map(({ ref, at, messages }) => ({
            ref,
            range: wordCell(tables, at.table, at.row, at.cell)!.body.getRange('Whole'),
            text: `${MARK_PREFIX} ${messages.join(' ')}`,
          }));
          unmarked.push(...(await commentEach(context, items)));
        }
      });
      // Not reached when a batch failed: what the settings say is ours then stays as it was.
      await documentSettings.set(SETTINGS_KEY, keep);
      return { unmarked };
    },

    async clearMarks(): Promise<void> {
      const stored = documentSettings.get<StoredMark[]>(SETTINGS_KEY) ?? [];
      await Word.run(async (context) => {
        const tables = loadCells(context);
        const comments = loadComments(context);
        await context.sync();
        const fonts = stored.map((s) => {
          // A cell that no longer exists took its highlight with it.
          const font = wordCell(tables, s.table, s.row, s.cell)?.body.getRange('Whole').font ?? null;
          font?.load('highlightColor');
          return { s, font };
        });
        await context.sync();
        for (const { s, font } of fonts) {
          // Only where our colour is still there: a cell the officer recoloured since keeps their colour.
          if (font?.highlightColor === OUR_HIGHLIGHT) font.highlightColor = s.previous as string;
        }
        retireOurComments(comments);
        await context.sync();
      });
      await documentSettings.set(SETTINGS_KEY, null);
    },

    async applyFixes(fixes: Fix[]): Promise<ApplyOutcome> {
      if (fixes.length === 0) return { applied: 0, refused: [], unmarked: [] };
      return Word.run(async (context) => {
        const tables = loadCells(context);
        const doc = context.document;
        if (capabilities.trackChanges) doc.load('changeTrackingMode');
        await context.sync();

        // One batch: tracking on, every edit, the officer's own mode back. Office runs it in order, so every edit
        // is tracked and the mode is restored even though nothing waits in between.
        const userMode = capabilities.trackChanges ? doc.changeTrackingMode : null;
        if (userMode !== null) doc.changeTrackingMode = Word.ChangeTrackingMode.trackAll;
        const written = fixes.map((fix) => ({ ref: fix.ref, range: cellAt(tables, fix.ref).body.insertText(fix.value, 'Replace'), text: `${FIX_PREFIX} ${fix.reason}` }));
        if (userMode !== null) doc.changeTrackingMode = userMode;
        await context.sync();

        const unmarked = capabilities.cellNotes === 'comments' ? await commentEach(context, written) : [];
        return { applied: fixes.length, refused: [], unmarked };
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

/** Word ends a cell's reviewed text with its paragraph mark. */
const clean = (text: string | null) => (text === null ? null : text.replace(/[\r\n]+$/, '').replace(/\r/g, '\n'));

/**
 * One row of the snapshot from what Office.js lists and what the markup says. Normally both name the same cells
 * in the same order. Where Word lists no cell for the lower part of a vertically merged one, the markup's
 * continuation cell still takes its place (blank) so the row lines up with the header, pointing at no Word cell.
 */
function alignRow(
  values: string[],
  markup: OoxmlCell[] | null,
  reviewed: (wordCell: number) => string | null,
  hasReviewedText: boolean,
): { text: string; span: number; wordCell: number }[] {
  const fromWord = (c: number, span: number, markupText: string | null) => ({
    // WordApi 1.4 reads the text as reviewed; below it, the markup's text is the one without tracked deletions.
    text: (hasReviewedText ? reviewed(c) : markupText) ?? values[c] ?? '',
    span,
    wordCell: c,
  });
  if (!markup) return values.map((_, c) => fromWord(c, 1, null));
  if (markup.length === values.length) return markup.map((m, c) => fromWord(c, m.span, m.continuation ? '' : m.text));
  const listed = markup.filter((m) => !m.continuation);
  if (listed.length !== values.length) return values.map((_, c) => fromWord(c, 1, null));
  let next = 0;
  return markup.map((m) => (m.continuation ? { text: '', span: m.span, wordCell: -1 } : fromWord(next++, m.span, m.text)));
}
