// Vietnamese number text: "." groups thousands, "," is the decimal mark ("1.730" is 1730, "12,5" is 12.5).

const grouped = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const plain = /^[+-]?\d+(,\d+)?$/;

/** The number a Vietnamese numeric text stands for, or null when it is not a plain number (words, ranges, blanks). */
export function parseVietnameseNumber(text: string): number | null {
  let s = text.trim().replace(/\u00a0/g, ' ').replace(/\s+/g, '');
  if (s === '') return null;
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (!grouped.test(s) && !plain.test(s)) return null;
  const value = Number(s.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** 5967 → "5.967", 12.5 → "12,5"; the form the engine's proposals already use. */
export function formatVietnameseNumber(value: number): string {
  const negative = value < 0;
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const groupedWhole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${groupedWhole}${fraction ? `,${fraction}` : ''}`;
}

/** Excel would take a value starting with one of these for a formula (or a DDE attack). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trimStart());
}

/** Diacritic- and case-insensitive form for comparing headers ("TÊN CHỈ TIÊU" ≈ "Tên chỉ tiêu" ≈ "TEN CHI TIEU"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

export function isAppendixHeader(cells: readonly string[]): boolean {
  return cells.some((c) => fold(c).includes('TEN CHI TIEU'));
}
