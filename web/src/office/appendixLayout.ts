// Pure layout rules shared by the Word and Excel adapters; no Office.js here so they are tested directly.
import { fold, isAppendixHeader } from '../numbers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A cell of a Word table as its OOXML states it. */
export interface OoxmlCell {
  /** Header columns the cell covers (w:gridSpan). */
  span: number;
  /** The lower part of a vertically merged cell (w:vMerge without "restart"): its text is in the cell above. */
  continuation: boolean;
  /** The text as it reads now: inserted runs count, tracked deletions (w:delText) do not. */
  text: string;
}

const children = (parent: Element, name: string) =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W);

/**
 * The rows of the first (outermost) table in what Range.getOoxml returns. Office.js tells neither how many
 * columns a cell spans nor which cells are merged down (TableCell.columnWidth holds only for uniform tables,
 * cellIndex fails on merged ones), but the table's own markup does. Null when the markup has no table.
 */
export function tableGridFromOoxml(ooxml: string): OoxmlCell[][] | null {
  const doc = new DOMParser().parseFromString(ooxml, 'application/xml');
  const table = doc.getElementsByTagNameNS(W, 'tbl')[0];
  if (!table) return null;
  return children(table, 'tr').map((tr) =>
    children(tr, 'tc').map((tc) => {
      const pr = children(tc, 'tcPr')[0];
      const span = Number(pr && children(pr, 'gridSpan')[0]?.getAttributeNS(W, 'val'));
      const vMerge = pr && children(pr, 'vMerge')[0];
      const paragraphs = children(tc, 'p').map((p) =>
        Array.from(p.getElementsByTagNameNS(W, 't'))
          .map((t) => t.textContent ?? '')
          .join(''),
      );
      return {
        span: Number.isInteger(span) && span > 1 ? span : 1,
        continuation: vMerge !== undefined && vMerge.getAttributeNS(W, 'val') !== 'restart',
        text: paragraphs.join('\n'),
      };
    }),
  );
}

/** A table that follows the appendix is its continuation when nothing but blank paragraphs separates them and its width matches. */
export function isContinuation(firstRow: readonly string[], maxCells: number, headerCells: number, onlyBlankBetween: boolean): boolean {
  if (!onlyBlankBetween) return false;
  if (isAppendixHeader(firstRow)) return true;
  return maxCells >= Math.max(3, headerCells - 1) && maxCells <= headerCells + 1;
}

/** Title lines: the non-blank paragraphs just above the table, up to "Phụ lục" or six lines, in document order. */
export function titleLinesAbove(paragraphsAbove: readonly string[]): { lines: string[]; indices: number[] } {
  const lines: string[] = [];
  const indices: number[] = [];
  for (let i = paragraphsAbove.length - 1; i >= 0 && lines.length < 6; i--) {
    const text = (paragraphsAbove[i] ?? '').trim();
    if (text === '') continue;
    lines.unshift(text);
    indices.unshift(i);
    if (fold(text).startsWith('PHU LUC')) break;
  }
  return { lines, indices };
}
