// office-addin-mock models Office's scalar properties and load/sync rules, but not collections
// (Microsoft's unit-testing docs say so). Collections here are small fakes that keep the same rule:
// reading `items` or a property before it was loaded and synced throws, as Office.js does.
import { OfficeMockObject } from 'office-addin-mock';

export class SyncCounter {
  count = 0;
  private pending: (() => void)[] = [];
  queue(onSync: () => void) {
    this.pending.push(onSync);
  }
  flush() {
    this.count++;
    const p = this.pending;
    this.pending = [];
    p.forEach((f) => f());
  }
}

export class FakeCollection<T> {
  private loadedPaths: string[] | null = null;
  constructor(private readonly counter: SyncCounter, private readonly all: T[], private readonly name: string) {}
  load(paths: string) {
    const list = paths.split(',').map((p) => p.trim());
    this.counter.queue(() => (this.loadedPaths = [...(this.loadedPaths ?? []), ...list]));
    return this;
  }
  /** Whether a property path under items was loaded, e.g. "rows/items/cells/items/value". */
  loaded(path: string): boolean {
    return (this.loadedPaths ?? []).some((p) => p === `items/${path}` || p.startsWith(`items/${path}/`) || p.startsWith(`items/${path},`));
  }
  get items(): T[] {
    if (this.loadedPaths === null) throw new Error(`${this.name}.items read before load and sync`);
    return this.all;
  }
}

// ---------------------------------------------------------------- Word

export interface WordCellSpec {
  text: string;
  width?: number;
  highlight?: string | null;
}

export class FakeWordRange {
  highlightSets: (string | null)[] = [];
  private loadedHighlight = false;
  comments: string[] = [];
  constructor(private readonly counter: SyncCounter, private readonly cell: FakeWordCell, private readonly doc: WordFake) {}
  font = (() => {
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias
    return {
      load(_p: string) {
        // Read at this point of the batch, as Office does: later sets in the same batch do not show.
        const value = self.cell.highlight;
        self.counter.queue(() => {
          self.loadedHighlight = true;
          self.loadedValue = value;
        });
      },
      get highlightColor(): string | null {
        if (!self.loadedHighlight) throw new Error('highlightColor read before load');
        return self.loadedValue;
      },
      set highlightColor(v: string | null) {
        self.highlightSets.push(v);
        self.cell.highlight = v;
      },
    };
  })();
  loadedValue: string | null = null;
  insertComment(text: string) {
    this.doc.comments.push({ content: text, deleted: false, delete() { this.deleted = true; } });
    this.comments.push(text);
  }
}

export class FakeWordCell {
  highlight: string | null;
  writes: { text: string; trackingMode: string }[] = [];
  selected = 0;
  constructor(private readonly counter: SyncCounter, private readonly spec: WordCellSpec, private readonly tables: () => FakeCollection<FakeWordTable>, private readonly doc: WordFake) {
    this.highlight = spec.highlight ?? null;
  }
  get value(): string {
    if (!this.tables().loaded('rows/items/cells/items/value')) throw new Error('cell.value read before load');
    return this.spec.text;
  }
  get columnWidth(): number {
    if (!this.tables().loaded('rows/items/cells/items/columnWidth')) throw new Error('cell.columnWidth read before load');
    return this.spec.width ?? 100;
  }
  body = {
    select: (_mode: string) => void this.selected++,
    getRange: (_where: string) => new FakeWordRange(this.counter, this, this.doc),
    insertText: (text: string, _where: string) => {
      this.writes.push({ text, trackingMode: this.doc.mock.document.changeTrackingMode as string });
      this.spec.text = text;
      return new FakeWordRange(this.counter, this, this.doc);
    },
  };
}

export class FakeWordTable {
  rows: { items: { cells: { items: FakeWordCell[] } }[] };
  constructor(readonly nestingLevel: number, cells: FakeWordCell[][], tables: () => FakeCollection<FakeWordTable>) {
    const rowItems = cells.map((r) => ({ cells: { get items() { if (!tables().loaded('rows/items/cells')) throw new Error('cells read before load'); return r; } } }));
    this.rows = { get items() { if (!tables().loaded('rows')) throw new Error('rows read before load'); return rowItems; } };
  }
}

export interface WordDocSpec {
  /** In document order: a string is a paragraph outside tables, an array is a table (rows of cells). */
  blocks: (string | { nesting?: number; rows: (string | WordCellSpec)[][] })[];
  trackingMode?: string;
  sets: Record<string, string>;
}

export interface WordFake {
  counter: SyncCounter;
  mock: OfficeMockObject & { document: { changeTrackingMode: unknown } };
  tables: FakeWordTable[];
  cells: FakeWordCell[][][];
  comments: { content: string; deleted: boolean; delete(): void }[];
  settings: Map<string, unknown>;
}

export function installWord(spec: WordDocSpec): WordFake {
  const counter = new SyncCounter();
  const mock = new OfficeMockObject({ document: { changeTrackingMode: spec.trackingMode ?? 'Off' } }) as WordFake['mock'];
  const fake = { counter, mock, tables: [], cells: [], comments: [], settings: new Map() } as WordFake;
  const getTables = () => tables;
  const paragraphs: { text: string; tableNestingLevel: number }[] = [];
  for (const block of spec.blocks) {
    if (typeof block === 'string') {
      paragraphs.push({ text: block, tableNestingLevel: 0 });
      continue;
    }
    const cells = block.rows.map((r) => r.map((c) => new FakeWordCell(counter, typeof c === 'string' ? { text: c } : c, getTables, fake)));
    fake.cells.push(cells);
    fake.tables.push(new FakeWordTable(block.nesting ?? 1, cells, getTables));
    for (const r of block.rows) for (const c of r) paragraphs.push({ text: typeof c === 'string' ? c : c.text, tableNestingLevel: block.nesting ?? 1 });
  }
  const tables = new FakeCollection(counter, fake.tables, 'tables');
  const paragraphCollection = new FakeCollection(counter, paragraphs, 'paragraphs');
  const commentCollection = () => new FakeCollection(counter, fake.comments.filter((c) => !c.deleted), 'comments');
  Object.assign(mock.document, {
    body: {
      get tables() { return tables; },
      get paragraphs() { return paragraphCollection; },
      getComments: commentCollection,
    },
    onParagraphChanged: { add: () => ({ remove() {} }) },
  });
  const context = Object.assign(mock, {
    sync: async () => {
      await OfficeMockObject.prototype.sync.call(mock);
      counter.flush();
    },
  });
  const g = globalThis as Record<string, unknown>;
  // Enumerations are plain constants in Office.js, not loadable properties, so they sit outside the mock.
  g.Word = Object.assign(new OfficeMockObject({ run: async (cb: (c: unknown) => Promise<unknown>) => cb(context) }), {
    ChangeTrackingMode: { trackAll: 'TrackAll', off: 'Off', trackMineOnly: 'TrackMineOnly' },
  });
  installOffice(spec.sets, fake.settings);
  return fake;
}

export function installOffice(sets: Record<string, string>, settings: Map<string, unknown>) {
  const version = (v: string) => v.split('.').map(Number) as [number, number];
  const office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, min: string) => {
          const have = sets[name];
          if (!have) return false;
          const [a, b] = version(have);
          const [c, d] = version(min);
          return a > c || (a === c && b >= d);
        },
      },
      document: {
        settings: {
          get: (k: string) => settings.get(k) ?? null,
          set: (k: string, v: unknown) => void settings.set(k, JSON.parse(JSON.stringify(v))),
          remove: (k: string) => void settings.delete(k),
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
        },
      },
    },
  });
  (globalThis as Record<string, unknown>).Office = Object.assign(office, { AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' } });
}

// ---------------------------------------------------------------- Excel

export interface ExcelSheetSpec {
  name: string;
  /** Absolute position of values[0][0]. */
  top?: number;
  left?: number;
  values: (string | number | null)[][];
  formats?: Record<string, string>;
}

export interface ExcelFake {
  counter: SyncCounter;
  writes: { sheet: string; row: number; column: number; value: unknown }[];
  fills: Map<string, string | null>;
  notes: { address: string; content: string; deleted: boolean; delete(): void }[];
  comments: { address: string; content: string; deleted: boolean; delete(): void }[];
  selected: string[];
  settings: Map<string, unknown>;
  /** Cells loaded per request, to check the 5 MB chunking. */
  cellsPerSync: number[];
}

export function installExcel(sheets: ExcelSheetSpec[], active: string, sets: Record<string, string>): ExcelFake {
  const counter = new SyncCounter();
  const fake: ExcelFake = { counter, writes: [], fills: new Map(), notes: [], comments: [], selected: [], settings: new Map(), cellsPerSync: [] };
  let cellsThisSync = 0;
  const key = (s: string, r: number, c: number) => `${s}!${r}:${c}`;
  const textOf = (v: unknown, format: string) =>
    typeof v === 'number' ? (format.includes('%') ? `${Math.round(v * 100)}%` : v.toLocaleString('en-US')) : String(v ?? '');

  const rangeOf = (sheet: ExcelSheetSpec, top: number, left: number, rows: number, cols: number) => {
    const state = { loaded: false };
    const grid = () => {
      const values: unknown[][] = [], text: string[][] = [], formats: string[][] = [];
      for (let r = top; r < top + rows; r++) {
        const vr: unknown[] = [], tr: string[] = [], fr: string[] = [];
        for (let c = left; c < left + cols; c++) {
          const v = sheet.values[r - (sheet.top ?? 0)]?.[c - (sheet.left ?? 0)] ?? '';
          const f = sheet.formats?.[`${r}:${c}`] ?? 'General';
          vr.push(v ?? '');
          tr.push(textOf(v, f));
          fr.push(f);
        }
        values.push(vr); text.push(tr); formats.push(fr);
      }
      return { values, text, formats };
    };
    const need = <T,>(v: T): T => {
      if (!state.loaded) throw new Error('range read before load and sync');
      return v;
    };
    return {
      isNullObject: rows <= 0 || cols <= 0,
      load(_p: string) {
        counter.queue(() => {
          state.loaded = true;
          cellsThisSync += rows * cols;
        });
      },
      get values() { return need(grid().values); },
      get text() { return need(grid().text); },
      get numberFormat() { return need(grid().formats); },
      rowIndex: top,
      columnIndex: left,
      rowCount: rows,
      columnCount: cols,
      getIntersectionOrNullObject(other: string | { rowIndex: number; rowCount: number }) {
        if (typeof other === 'string') {
          // Only "A:Z" style column spans are used.
          const lastCol = other.split(':')[1]!.charCodeAt(0) - 65;
          return rangeOf(sheet, top, left, rows, Math.min(cols, lastCol + 1 - left));
        }
        const end = Math.min(top + rows, other.rowIndex + other.rowCount);
        return rangeOf(sheet, top, left, end - top, cols);
      },
    };
  };

  const sheetApi = (sheet: ExcelSheetSpec) => {
    const height = sheet.values.length, width = Math.max(...sheet.values.map((r) => r.length));
    return {
      name: sheet.name,
      load() {},
      activate() {},
      getUsedRangeOrNullObject: () => rangeOf(sheet, sheet.top ?? 0, sheet.left ?? 0, height, width),
      getRange: (address: string) => {
        const [a, b] = address.split(':').map(Number);
        return { rowIndex: a! - 1, rowCount: b! - a! + 1 };
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => rangeOf(sheet, r, c, rows, cols),
      getCell: (row: number, column: number) => {
        const k = key(sheet.name, row, column);
        const fill = {
          color: fake.fills.get(k) ?? '#FFFFFF',
          load() {},
          clear: () => void fake.fills.set(k, null),
        };
        return {
          address: `${sheet.name}!R${row}C${column}`,
          load() {},
          select: () => void fake.selected.push(k),
          format: {
            fill: new Proxy(fill, {
              set(target, p, v) {
                if (p === 'color') fake.fills.set(k, v);
                return Reflect.set(target, p, v);
              },
            }),
          },
          set values(v: unknown[][]) {
            fake.writes.push({ sheet: sheet.name, row, column, value: v[0]![0] });
          },
        };
      },
    };
  };

  const apis = sheets.map(sheetApi);
  const worksheets = Object.assign(new FakeCollection(counter, apis, 'worksheets'), {
    getActiveWorksheet: () => apis.find((s) => s.name === active)!,
    getItem: (name: string) => apis.find((s) => s.name === name)!,
    getItemOrNullObject: (name: string) => apis.find((s) => s.name === name)!,
  });
  const notesLike = (list: ExcelFake['notes']) => ({
    load: (p: string) => void counter.queue(() => void p),
    get items() { return list.filter((n) => !n.deleted); },
    add: (address: string, content: string) => void list.push({ address, content, deleted: false, delete() { this.deleted = true; } }),
  });
  const context = new OfficeMockObject({}) as OfficeMockObject & Record<string, unknown>;
  Object.assign(context, {
    workbook: {
      worksheets,
      getActiveWorksheet: () => worksheets.getActiveWorksheet(),
      notes: notesLike(fake.notes),
      comments: notesLike(fake.comments),
    },
    sync: async () => {
      await OfficeMockObject.prototype.sync.call(context);
      cellsThisSync = 0;
      counter.flush();
      fake.cellsPerSync.push(cellsThisSync);
    },
  });
  (globalThis as Record<string, unknown>).Excel = new OfficeMockObject({ run: async (cb: (c: unknown) => Promise<unknown>) => cb(context) });
  installOffice(sets, fake.settings);
  return fake;
}
