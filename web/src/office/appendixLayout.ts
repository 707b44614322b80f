// Pure layout rules shared by the Word and Excel adapters; no Office.js here so they are tested directly.
import { fold, isAppendixHeader } from '../numbers';

/**
 * Word reports no gridSpan; a row with fewer cells than the header (merged cells) is mapped to header
 * columns by comparing cumulative cell widths with the header's column boundaries.
 */
export function spansFromWidths(headerWidths: readonly number[], rowWidths: readonly number[]): number[] {
  if (rowWidths.length === headerWidths.length || headerWidths.length === 0) return rowWidths.map(() => 1);
  const boundaries: number[] = [];
  let sum = 0;
  for (const w of headerWidths) boundaries.push((sum += w));
  const spans: number[] = [];
  let consumed = 0;
  let right = 0;
  for (const w of rowWidths) {
    right += w;
    // The header boundary nearest this cell's right edge: widths differ by a few points between rows.
    let nearest = 0;
    for (let i = 0; i < boundaries.length; i++) {
      if (Math.abs((boundaries[i] ?? 0) - right) < Math.abs((boundaries[nearest] ?? 0) - right)) nearest = i;
    }
    const span = Math.max(1, nearest + 1 - consumed);
    spans.push(span);
    consumed += span;
  }
  return spans;
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
