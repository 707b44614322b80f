import { describe, expect, it } from 'vitest';
import { fold, formatVietnameseNumber, isAppendixHeader, looksLikeFormula, parseVietnameseNumber } from '../src/numbers';

describe('Vietnamese numbers', () => {
  it.each([
    ['1.730', 1730],
    ['5.967', 5967],
    ['12,5', 12.5],
    ['60%', 60],
    ['1.234.567,25', 1234567.25],
    [' 7 ', 7],
    ['-3', -3],
  ])('parseVietnameseNumber_%s_is_%d', (text, value) => expect(parseVietnameseNumber(text)).toBe(value));

  it.each(['khoảng 300', '', '1.73', '1,2,3', 'Có'])('parseVietnameseNumber_%s_IsNotANumber', (text) =>
    expect(parseVietnameseNumber(text)).toBeNull(),
  );

  it('formatVietnameseNumber_GroupsThousandsWithDotsAndUsesCommaDecimals', () => {
    expect(formatVietnameseNumber(5967)).toBe('5.967');
    expect(formatVietnameseNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatVietnameseNumber(-12.5)).toBe('-12,5');
  });

  it.each(['=1+1', '+84', '-cmd', '@SUM', '  =A1'])('looksLikeFormula_%s_IsRefused', (text) => expect(looksLikeFormula(text)).toBe(true));

  it('isAppendixHeader_ComparesWithoutDiacritics', () => {
    expect(fold('Tên chỉ tiêu')).toBe('TEN CHI TIEU');
    expect(isAppendixHeader(['TT', 'TEN CHI TIEU'])).toBe(true);
    expect(isAppendixHeader(['Nơi nhận', 'Đồng ý'])).toBe(false);
  });
});
