// Fakes of Word and Excel that fail the way the real ones do. office-addin-mock models Office's scalar properties
// and load/sync rules but not collections (Microsoft's unit-testing docs say so), so collections, ranges and
// comments are small fakes here that keep Office's rules:
// - reading `items` or a property before it was loaded and synced throws;
// - every change is queued and carried out at `context.sync()`, in order; when one queued call fails, the sync
//   rejects with that call's OfficeExtension error code and nothing of the batch is applied (the add-in sees the
//   whole batch lost, as office-js issue 6746 describes for highlights queued with a refused `insertComment`);
// - an API above the requirement sets a test declares is absent (undefined), as on an older Office.
// Each documented behaviour or known bug modelled below names its source.
import { OfficeMockObject } from 'office-addin-mock';

export class OfficeError extends Error {
  constructor(readonly code: string, message = code) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export class SyncCounter {
  count = 0;
  private pending: (() => void)[] = [];
  private failure: OfficeError | null = null;
  queue(onSync: () => void) {
    this.pending.push(onSync);
  }
  /** A queued call Office refuses: the sync that carries it rejects, and none of its batch is applied. */
  fail(error: OfficeError) {
    this.failure ??= error;
  }
  flush() {
    this.count++;
    const p = this.pending;
    const failure = this.failure;
    this.pending = [];
    this.failure = null;
    if (failure) throw failure;
    p.forEach((f) => f());
  }
}

/** Whether the requirement sets of a fake include `name` at `min` or later. */
export function supportsSet(sets: Record<string, string>, name: string, min: string): boolean {
  const have = sets[name];
  if (!have) return false;
  const [a = 0, b = 0] = have.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

export class FakeCollection<T> {
  private loadedPaths: string[] | null = null;
  constructor(
    private readonly counter: SyncCounter,
    private readonly all: () => T[],
    private readonly name: string,
    private readonly onLoad?: (paths: string[]) => void,
  ) {}
  load(paths?: string) {
    const list = (paths ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    this.onLoad?.(list);
    this.counter.queue(() => (this.loadedPaths = [...(this.loadedPaths ?? []), ...list]));
    return this;
  }
  /** Whether a property path under items was loaded, e.g. "rows/items/cells/items/value". */
  loaded(path: string): boolean {
    return (this.loadedPaths ?? []).some((p) => p === `items/${path}` || p.startsWith(`items/${path}/`));
  }
  get items(): T[] {
    if (this.loadedPaths === null) throw new Error(`${this.name}.items read before load and sync`);
    return this.all();
  }
}

/** OfficeExtension.ClientResult: its value exists only after the sync that carried the call. */
export class FakeClientResult<T> {
  private done = false;
  private result: T | undefined;
  constructor(counter: SyncCounter, compute: () => T) {
    const at = compute();
    counter.queue(() => {
      this.done = true;
      this.result = at;
    });
  }
  get value(): T {
    if (!this.done) throw new Error('ClientResult.value read before sync');
    return this.result as T;
  }
}

// ---------------------------------------------------------------- Word

export interface WordCellSpec {
  text: string;
  /** Header columns the cell covers (w:gridSpan); a row with a spanning cell has fewer cells than the header. */
  span?: number;
  /**
   * w:vMerge. The lower parts of a vertically merged cell ('continue') are listed by Word as cells of their
   * rows with no text of their own; the text lives in the 'restart' cell above.
   */
  vMerge?: 'restart' | 'continue';
  /** Text deleted with track changes on: still in the document, and in `value` before the current text (office-js issues 1267, 5874). */
  deleted?: string;
  /** '#RRGGBB', null for none, or 'mixed' for a cell highlighted in several colours or in part. */
  highlight?: string | null;
}

/** Word's highlight names as `Font.highlightColor` reports them back: in '#RRGGBB' (Word.Font.highlightColor). */
const HIGHLIGHT_HEX: Record<string, string> = { yellow: '#FFFF00', green: '#00FF00', lime: '#00FF00', turquoise: '#00FFFF', pink: '#FF00FF', red: '#FF0000' };

export interface FakeWordComment {
  content: string;
  resolved: boolean;
  replies: string[];
  deleted: boolean;
  /** Replies that went with the comment when it was deleted (Word.Comment.delete: "deletes the comment and its replies"). */
  repliesLost: string[];
  cell: FakeWordCell | null;
}

export class FakeWordRange {
  private loadedHighlight: string | null | undefined = undefined;
  constructor(private readonly cell: FakeWordCell, private readonly doc: WordFake) {
    if (!supportsSet(doc.sets, 'WordApi', '1.4')) (this as { insertComment?: unknown }).insertComment = undefined;
  }
  get font() {
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const counter = this.doc.counter;
    return {
      load(_p: string) {
        // Read at this point of the batch, as Office does: later sets in the same batch do not show.
        const value = self.cell.highlight === 'mixed' ? '' : self.cell.highlight;
        counter.queue(() => (self.loadedHighlight = value));
      },
      get highlightColor(): string | null {
        if (self.loadedHighlight === undefined) throw new Error('highlightColor read before load');
        return self.loadedHighlight;
      },
      set highlightColor(v: string | null) {
        const hex = v === null ? null : v.startsWith('#') ? v.toUpperCase() : (HIGHLIGHT_HEX[v.toLowerCase()] ?? v);
        // Setting '' is no colour Word knows: it throws, as for any invalid colour.
        if (hex === '') {
          counter.fail(new OfficeError('InvalidArgument', "highlightColor ''"));
          return;
        }
        counter.queue(() => {
          self.cell.highlight = hex;
          self.cell.highlightSets.push(hex);
        });
      },
    };
  }
  insertComment(text: string) {
    if (this.doc.commentsRefused) return this.doc.counter.fail(new OfficeError('NotAllowed', 'The action isn’t supported by Word in a browser.'));
    const comment: FakeWordComment = { content: text, resolved: false, replies: [], deleted: false, repliesLost: [], cell: this.cell };
    this.doc.counter.queue(() => this.doc.comments.push(comment));
  }
}

export class FakeWordCell {
  highlight: string | null;
  highlightSets: (string | null)[] = [];
  writes: { text: string; trackingMode: string }[] = [];
  selected = 0;
  constructor(readonly spec: WordCellSpec, readonly table: FakeWordTable, private readonly doc: WordFake) {
    this.highlight = spec.highlight ?? null;
  }
  get text(): string {
    return this.spec.vMerge === 'continue' ? '' : this.spec.text;
  }
  get value(): string {
    if (!this.doc.tableCollection.loaded('rows/items/cells/items/value')) throw new Error('cell.value read before load');
    return `${this.spec.deleted ?? ''}${this.text}`;
  }
  get columnWidth(): number {
    if (!this.doc.tableCollection.loaded('rows/items/cells/items/columnWidth')) throw new Error('cell.columnWidth read before load');
    // Word.TableCell.columnWidth is documented for uniform tables only: in a table with merged cells this fake
    // answers what a uniform table would, the width of the column at the same index in the first row.
    const row = this.table.cells.find((r) => r.includes(this));
    const index = row?.indexOf(this) ?? 0;
    return this.table.uniform ? 100 * (this.spec.span ?? 1) : 100 * (this.table.cells[0]?.[index]?.spec.span ?? 1);
  }
  get cellIndex(): number {
    throw new Error('cellIndex is never readable here: loading it fails the sync (see FakeWordTables)');
  }
  get body() {
    const doc = this.doc;
    const body = {
      select: (_mode: string) => doc.counter.queue(() => void this.selected++),
      getRange: (_where: string) => new FakeWordRange(this, doc),
      insertText: (text: string, _where: string) => {
        const trackingMode = String(doc.mock.document.changeTrackingMode ?? 'Off');
        doc.counter.queue(() => {
          this.writes.push({ text, trackingMode });
          // A tracked replacement keeps the old text as a deletion; an untracked one replaces it.
          if (trackingMode !== 'Off' && this.spec.text !== '') this.spec.deleted = `${this.spec.deleted ?? ''}${this.spec.text}`;
          this.spec.text = text;
        });
        return new FakeWordRange(this, doc);
      },
      getReviewedText: (version?: string) =>
        new FakeClientResult(doc.counter, () => (version === 'Original' ? `${this.spec.deleted ?? ''}` || this.text : this.text)),
    };
    if (!supportsSet(doc.sets, 'WordApi', '1.4')) (body as { getReviewedText?: unknown }).getReviewedText = undefined;
    return body;
  }
}

export class FakeWordTable {
  cells: FakeWordCell[][] = [];
  rows: { items: { cells: { items: FakeWordCell[] } }[] };
  constructor(readonly nestingLevel: number, specs: WordCellSpec[][], private readonly doc: WordFake) {
    this.cells = specs.map((r) => r.map((c) => new FakeWordCell(c, this, doc)));
    const loaded = (path: string) => doc.tableCollection.loaded(path);
    // Whether Word lists the lower parts of a vertically merged cell is not documented; the adapter must cope
    // either way, so a test can choose.
    const listed = (r: FakeWordCell[]) => (doc.listsContinuationCells ? r : r.filter((c) => c.spec.vMerge !== 'continue'));
    const rowItems = this.cells.map((r) => ({
      cells: {
        get items() {
          if (!loaded('rows/items/cells')) throw new Error('cells read before load');
          return listed(r);
        },
      },
    }));
    this.rows = {
      get items() {
        if (!loaded('rows')) throw new Error('rows read before load');
        return rowItems;
      },
    };
  }
  get uniform(): boolean {
    const width = (r: FakeWordCell[]) => r.length;
    return this.cells.every((r) => width(r) === width(this.cells[0] ?? []) && r.every((c) => (c.spec.span ?? 1) === 1 && !c.spec.vMerge));
  }
  get hasVerticalMerge(): boolean {
    return this.cells.some((r) => r.some((c) => c.spec.vMerge !== undefined));
  }
  getRange(_where?: string) {
    return { getOoxml: () => new FakeClientResult(this.doc.counter, () => tableOoxml(this)) };
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The table as Range.getOoxml returns it: a flat OPC package whose document part holds the w:tbl. */
function tableOoxml(table: FakeWordTable): string {
  const rows = table.cells
    .map((r) => {
      const cells = r
        .map((c) => {
          const pr = `${c.spec.span && c.spec.span > 1 ? `<w:gridSpan w:val="${c.spec.span}"/>` : ''}${c.spec.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.spec.vMerge === 'continue' ? '<w:vMerge/>' : ''}`;
          const del = c.spec.deleted ? `<w:del w:id="1" w:author="a"><w:r><w:delText>${xml(c.spec.deleted)}</w:delText></w:r></w:del>` : '';
          const text = c.text ? `<w:r><w:t xml:space="preserve">${xml(c.text)}</w:t></w:r>` : '';
          return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${pr}</w:tcPr><w:p>${del}${text}</w:p></w:tc>`;
        })
        .join('');
      return `<w:tr>${cells}</w:tr>`;
    })
    .join('');
  return (
    '<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    `<pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="${W}"><w:body><w:tbl><w:tblPr/>${rows}</w:tbl><w:p/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`
  );
}

export interface WordDocSpec {
  /** In document order: a string is a paragraph outside tables, an object is a table (rows of cells). */
  blocks: (string | { nesting?: number; rows: (string | WordCellSpec)[][] })[];
  trackingMode?: string;
  sets: Record<string, string>;
  /** Word on the web tenants where Range.insertComment answers NotAllowed (office-js issue 6746). */
  commentsRefused?: boolean;
  /** False: rows list no cell for the lower parts of a vertically merged cell (default true). */
  listsContinuationCells?: boolean;
}

export interface WordFake {
  counter: SyncCounter;
  sets: Record<string, string>;
  mock: OfficeMockObject & { document: { changeTrackingMode: unknown } };
  tables: FakeWordTable[];
  tableCollection: FakeCollection<FakeWordTable>;
  cells: FakeWordCell[][][];
  comments: FakeWordComment[];
  commentsRefused: boolean;
  listsContinuationCells: boolean;
  settings: Map<string, unknown>;
}

/** A comment someone else wrote, optionally with replies. */
export function officerComment(content: string, replies: string[] = [], cell: FakeWordCell | null = null): FakeWordComment {
  return { content, resolved: false, replies, deleted: false, repliesLost: [], cell };
}

export function installWord(spec: WordDocSpec): WordFake {
  const counter = new SyncCounter();
  const modern = supportsSet(spec.sets, 'WordApi', '1.4');
  const mock = new OfficeMockObject({ document: modern ? { changeTrackingMode: spec.trackingMode ?? 'Off' } : {} }) as WordFake['mock'];
  const fake = { counter, sets: spec.sets, mock, tables: [], cells: [], comments: [], commentsRefused: spec.commentsRefused ?? false, listsContinuationCells: spec.listsContinuationCells ?? true, settings: new Map() } as unknown as WordFake;
  const paragraphs: { text: string; tableNestingLevel: number }[] = [];
  for (const block of spec.blocks) {
    if (typeof block === 'string') {
      paragraphs.push({ text: block, tableNestingLevel: 0 });
      continue;
    }
    const table = new FakeWordTable(block.nesting ?? 1, block.rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c))), fake);
    fake.tables.push(table);
    fake.cells.push(table.cells);
    for (const r of table.cells) for (const c of r) paragraphs.push({ text: c.text, tableNestingLevel: block.nesting ?? 1 });
  }
  // Office-js issue 3200: loading cellIndex of every cell (named, or as part of loading every property of the
  // cells) fails the whole sync with GeneralException as soon as one table has a vertically merged cell.
  fake.tableCollection = new FakeCollection(counter, () => fake.tables, 'tables', (paths) => {
    const asksCellIndex = paths.some((p) => /cells\/items(\/cellIndex)?$/.test(p));
    if (asksCellIndex && fake.tables.some((t) => t.hasVerticalMerge)) counter.fail(new OfficeError('GeneralException'));
  });
  const paragraphCollection = new FakeCollection(counter, () => paragraphs, 'paragraphs');
  const body: Record<string, unknown> = {
    get tables() {
      return fake.tableCollection;
    },
    get paragraphs() {
      return paragraphCollection;
    },
  };
  if (modern) body.getComments = () => commentCollection(fake);
  Object.assign(mock.document, { body });
  if (supportsSet(spec.sets, 'WordApi', '1.6')) Object.assign(mock.document, { onParagraphChanged: { add: () => ({ remove() {} }) } });
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

function commentCollection(fake: WordFake) {
  const counter = fake.counter;
  const live = () => fake.comments.filter((c) => !c.deleted);
  const proxies = new Map<FakeWordComment, unknown>();
  const proxy = (c: FakeWordComment) => {
    if (!proxies.has(c)) {
      proxies.set(c, {
        get content() { return c.content; },
        get resolved() { return c.resolved; },
        set resolved(v: boolean) { counter.queue(() => void (c.resolved = v)); },
        replies: {
          get items() {
            if (!collection.loaded('replies')) throw new Error('replies read before load');
            return c.replies.map((content) => ({ content }));
          },
        },
        delete: () =>
          counter.queue(() => {
            c.deleted = true;
            c.repliesLost = [...c.replies];
          }),
      });
    }
    return proxies.get(c);
  };
  const collection: FakeCollection<unknown> = new FakeCollection(counter, () => live().map(proxy), 'comments');
  return collection;
}

export function installOffice(sets: Record<string, string>, settings: Map<string, unknown>) {
  const office = new OfficeMockObject({
    context: {
      requirements: { isSetSupported: (name: string, min: string) => supportsSet(sets, name, min) },
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

export interface ExcelThread {
  address: string;
  content: string;
  resolved: boolean;
  replies: string[];
  deleted: boolean;
  /** Replies that went with it when it was deleted (Excel.Comment.delete removes the whole thread). */
  repliesLost: string[];
}

export interface ExcelFake {
  counter: SyncCounter;
  writes: { sheet: string; row: number; column: number; value: unknown }[];
  fills: Map<string, string | null>;
  notes: ExcelThread[];
  comments: ExcelThread[];
  selected: string[];
  settings: Map<string, unknown>;
  /** Cells loaded per request, to check the 5 MB chunking. */
  cellsPerSync: number[];
}

/** "C12" from 0-based row and column. */
export function a1(row: number, column: number): string {
  let letters = '';
  for (let c = column; c >= 0; c = Math.floor(c / 26) - 1) letters = String.fromCharCode(65 + (c % 26)) + letters;
  return `${letters}${row + 1}`;
}

function parseA1(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ''));
  if (!m) throw new OfficeError('InvalidArgument', `address ${ref}`);
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column };
}

/** Excel writes a sheet name with anything but letters and digits between single quotes. */
export const sheetRef = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export function installExcel(sheets: ExcelSheetSpec[], active: string, sets: Record<string, string>): ExcelFake {
  const counter = new SyncCounter();
  const fake: ExcelFake = { counter, writes: [], fills: new Map(), notes: [], comments: [], selected: [], settings: new Map(), cellsPerSync: [] };
  const has = (min: string) => supportsSet(sets, 'ExcelApi', min);
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
    const range: Record<string, unknown> = {
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
    return range;
  };

  const cellApi = (sheet: ExcelSheetSpec, row: number, column: number) => {
    const k = key(sheet.name, row, column);
    const fill = {
      get color() { return fake.fills.get(k) ?? '#FFFFFF'; },
      set color(v: string) { counter.queue(() => void fake.fills.set(k, v)); },
      load() {},
      clear: () => counter.queue(() => void fake.fills.set(k, null)),
    };
    return {
      address: `${sheetRef(sheet.name)}!${a1(row, column)}`,
      load() {},
      select: () => counter.queue(() => void fake.selected.push(k)),
      format: { fill },
      set values(v: unknown[][]) {
        counter.queue(() => void fake.writes.push({ sheet: sheet.name, row, column, value: v[0]![0] }));
      },
    };
  };

  const sheetApi = (sheet: ExcelSheetSpec) => {
    const height = sheet.values.length, width = Math.max(...sheet.values.map((r) => r.length));
    const api: Record<string, unknown> = {
      name: sheet.name,
      load() {},
      activate() {},
      getUsedRangeOrNullObject: () => rangeOf(sheet, sheet.top ?? 0, sheet.left ?? 0, height, width),
      getRange: (address: string) => {
        // "1:600" (whole rows) or "B601:F1200".
        const [a = '', b = a] = address.split(':');
        if (/^\d+$/.test(a)) return { rowIndex: Number(a) - 1, rowCount: Number(b) - Number(a) + 1 };
        const from = parseA1(a), to = parseA1(b);
        return rangeOf(sheet, from.row, from.column, to.row - from.row + 1, to.column - from.column + 1);
      },
      getCell: (row: number, column: number) => cellApi(sheet, row, column),
    };
    if (has('1.7')) {
      api.getRangeByIndexes = (r: number, c: number, rows: number, cols: number) => rangeOf(sheet, r, c, rows, cols);
      api.onChanged = { add: () => ({ remove() {}, context: null }) };
    }
    return api;
  };

  const apis = sheets.map(sheetApi);
  const worksheets = Object.assign(new FakeCollection(counter, () => apis, 'worksheets'), {
    getActiveWorksheet: () => apis.find((s) => s.name === active)!,
    getItem: (name: string) => apis.find((s) => s.name === name)!,
    getItemOrNullObject: (name: string) => apis.find((s) => s.name === name)!,
  });
  const threads = (list: ExcelThread[], kind: string) => {
    const proxy = (t: ExcelThread) => ({
      get content() { return t.content; },
      set content(v: string) { counter.queue(() => void (t.content = v)); },
      get resolved() { return t.resolved; },
      set resolved(v: boolean) { counter.queue(() => void (t.resolved = v)); },
      replies: {
        get items() {
          if (!collection.loaded('replies')) throw new Error('replies read before load');
          return t.replies.map((content) => ({ content }));
        },
      },
      getLocation: () => ({ address: t.address, load() {} }),
      delete: () => counter.queue(() => {
        t.deleted = true;
        t.repliesLost = [...t.replies];
      }),
    });
    const collection: FakeCollection<unknown> = new FakeCollection(counter, () => list.filter((n) => !n.deleted).map(proxy), kind);
    return Object.assign(collection, {
      add: (address: string, content: string) => {
        // Office-js issue 1416: adding a comment (or a note) to a cell that already has one throws.
        if (list.some((n) => !n.deleted && n.address === address)) return counter.fail(new OfficeError('InvalidArgument', `${kind}: the cell already has one`));
        counter.queue(() => void list.push({ address, content, resolved: false, replies: [], deleted: false, repliesLost: [] }));
      },
    });
  };
  const workbook: Record<string, unknown> = { worksheets, getActiveWorksheet: () => worksheets.getActiveWorksheet() };
  if (has('1.10')) workbook.comments = threads(fake.comments, 'comments');
  if (has('1.18')) workbook.notes = threads(fake.notes, 'notes');
  const context = new OfficeMockObject({}) as OfficeMockObject & Record<string, unknown>;
  Object.assign(context, {
    workbook,
    sync: async () => {
      await OfficeMockObject.prototype.sync.call(context);
      cellsThisSync = 0;
      try {
        counter.flush();
      } finally {
        fake.cellsPerSync.push(cellsThisSync);
      }
    },
  });
  (globalThis as Record<string, unknown>).Excel = new OfficeMockObject({ run: async (cb: (c: unknown) => Promise<unknown>) => cb(context) });
  installOffice(sets, fake.settings);
  return fake;
}

/** A thread someone else wrote on a cell, optionally with replies. */
export function officerThread(address: string, content: string, replies: string[] = []): ExcelThread {
  return { address, content, resolved: false, replies, deleted: false, repliesLost: [] };
}
