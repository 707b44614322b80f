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
  let tables!: FakeCollection<FakeWordTable>;
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
  tables = new FakeCollection(counter, fake.tables, 'tables');
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
