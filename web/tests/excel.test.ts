import { describe, expect, it } from 'vitest';
import { MARK_PREFIX } from '../src/document';
import { CHUNK_ROWS, createExcelHost } from '../src/office/excel';
import { installExcel, officerThread, type ExcelSheetSpec } from './officeFakes';

const modern = { ExcelApi: '1.18' };
const supports = (s: string, v: string) => Office.context.requirements.isSetSupported(s, v);

function appendixSheet(extraRows = 0): ExcelSheetSpec {
  const values: (string | number | null)[][] = [
    ['Phụ lục', null, null, null, null],
    ['QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM', null, null, null, null],
    [null, null, null, null, null],
    ['THỨ TỰ', 'TÊN CHỈ TIÊU', 'ĐƠN VỊ TÍNH', 'Số lượng/ tỷ lệ', 'Ghi chú'],
    ['1', 'Tỷ lệ hoàn thành kế hoạch', '%', 0.6, ''],
    ['2', 'Số văn bản ban hành', 'Văn bản', 1730, ''],
    ['3', 'Số TTHC', 'TTHC', '', ''],
  ];
  for (let i = 0; i < extraRows; i++) values.push([String(i + 4), `Chỉ tiêu ${i}`, 'Văn bản', i, '']);
  // The appendix starts in column B, below a title block: both offsets must survive into addresses.
  return { name: 'Phụ lục', top: 2, left: 1, values, formats: { '6:4': '0%', '7:4': '#,##0' } };
}

describe('Excel adapter', () => {
  it('readSnapshot_AppendixOnActiveSheet_OneSyncWithNumbersAndFormats', async () => {
    const excel = installExcel([{ name: 'Báo cáo', values: [['Nội dung']] }, appendixSheet()], 'Phụ lục', modern);
    const snapshot = await createExcelHost({ supports }).readSnapshot();
    expect(excel.counter.count).toBe(1);
    expect(snapshot.tables[0]!.sheet).toBe('Phụ lục');
    expect(snapshot.titleLines).toEqual(['Phụ lục', 'QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM']);
    const percent = snapshot.tables[0]!.rows[1]!.cells[3]!;
    expect(percent).toEqual({ text: '60%', number: 0.6, format: '0%' });
    expect(snapshot.tables[0]!.rows[3]!.cells[3]).toEqual({ text: '' });
  });

  it('readSnapshot_AppendixOnAnotherSheet_FindsItInTheSecondRequest', async () => {
    const excel = installExcel([{ name: 'Báo cáo', values: [['Nội dung']] }, appendixSheet()], 'Báo cáo', modern);
    const snapshot = await createExcelHost({ supports }).readSnapshot();
    expect(snapshot.tables[0]!.rows).toHaveLength(4);
    expect(excel.counter.count).toBe(2);
  });

  it('readSnapshot_LongSheet_ReadsInChunksBelowTheRequestLimit', async () => {
    const excel = installExcel([appendixSheet(CHUNK_ROWS + 100)], 'Phụ lục', modern);
    const snapshot = await createExcelHost({ supports }).readSnapshot();
    expect(snapshot.tables[0]!.rows).toHaveLength(4 + CHUNK_ROWS + 100);
    // 26 columns × CHUNK_ROWS rows at most per request keeps three properties far under 5 MB.
    expect(Math.max(...excel.cellsPerSync)).toBeLessThanOrEqual(26 * CHUNK_ROWS);
  });

  it('mark_FlaggedCell_FillThenNote', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', modern);
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    const outcome = await host.mark([{ ref: { table: 0, tableRow: 3, cell: 3 }, severity: 'warning', code: 'MISSING', message: 'Chưa có số liệu' }]);
    expect(outcome.unmarked).toEqual([]);
    expect(excel.fills.get('Phụ lục!8:4')).toBe('#FFF4CE');
    expect(excel.notes.map((n) => n.content)).toEqual([`${MARK_PREFIX} Chưa có số liệu`]);
  });

  it('requirementSets_NotesThenThreadedCommentsThenFillOnly', async () => {
    const mark = { ref: { table: 0, tableRow: 1, cell: 3 }, severity: 'error' as const, code: 'C', message: 'Sai' };
    let excel = installExcel([appendixSheet()], 'Phụ lục', { ExcelApi: '1.12' });
    let host = createExcelHost({ supports });
    expect(host.capabilities.cellNotes).toBe('threaded-comments');
    await host.readSnapshot();
    await host.mark([mark]);
    expect(excel.comments).toHaveLength(1);
    expect(excel.notes).toHaveLength(0);

    excel = installExcel([appendixSheet()], 'Phụ lục', { ExcelApi: '1.7' });
    host = createExcelHost({ supports });
    expect(host.capabilities.cellNotes).toBe('none');
    await host.readSnapshot();
    await host.mark([mark]);
    expect(excel.comments).toHaveLength(0);
    expect(excel.fills.get('Phụ lục!6:4')).toBe('#FDE7E9');
  });

  it('applyFixes_PercentCell_WritesTheFractionAsANumber', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', modern);
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    const outcome = await host.applyFixes([
      { ref: { table: 0, tableRow: 1, cell: 3 }, value: '62,5', reason: 'r' },
      { ref: { table: 0, tableRow: 2, cell: 3 }, value: '5.967', reason: 'r' },
    ]);
    expect(outcome.refused).toEqual([]);
    expect(excel.writes).toEqual([
      { sheet: 'Phụ lục', row: 6, column: 4, value: 0.625 },
      { sheet: 'Phụ lục', row: 7, column: 4, value: 5967 },
    ]);
  });

  it('applyFixes_FormulaLookingText_IsRefusedAndNothingWritten', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', modern);
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    const outcome = await host.applyFixes(
      ['=HYPERLINK("x")', '+1+2', '@SUM(A1)', '-cmd'].map((value, i) => ({ ref: { table: 0, tableRow: 3, cell: i === 0 ? 4 : 2 }, value, reason: 'r' })),
    );
    expect(excel.writes).toEqual([]);
    expect(outcome.refused.map((r) => r.key)).toEqual(['formulaRefused', 'formulaRefused', 'formulaRefused', 'formulaRefused']);
    expect(outcome.refused[0]!.args.c).toBe('F9');
  });

  it('applyFixes_TextProposalForTextCell_WritesText', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', modern);
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    await host.applyFixes([{ ref: { table: 0, tableRow: 3, cell: 2 }, value: 'Thủ tục', reason: 'r' }]);
    expect(excel.writes).toEqual([{ sheet: 'Phụ lục', row: 8, column: 3, value: 'Thủ tục' }]);
  });

  it('clearMarks_RestoresFillAndDeletesOnlyOurNotes', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', modern);
    excel.fills.set('Phụ lục!6:4', '#00FF00');
    excel.notes.push(officerThread("'Phụ lục'!B2", 'Ghi chú của cán bộ'));
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 1, cell: 3 }, severity: 'error', code: 'C', message: 'Sai' }]);
    await host.clearMarks();
    expect(excel.fills.get('Phụ lục!6:4')).toBe('#00FF00');
    expect(excel.notes.filter((n) => !n.deleted).map((n) => n.content)).toEqual(['Ghi chú của cán bộ']);
  });

  it('requirementSets_BelowExcelApi14_RefusesWithHostTooOld', () => {
    installExcel([appendixSheet()], 'Phụ lục', { ExcelApi: '1.3' });
    expect(() => createExcelHost({ supports })).toThrow(expect.objectContaining({ key: 'errHostTooOld' }));
  });

  // Excel requirement sets: getRangeByIndexes needs ExcelApi 1.7, and on 1.4 it is simply not there.
  it('readSnapshot_LongSheetOnExcelApi14_ReadsEveryRowWithoutNewerApis', async () => {
    installExcel([appendixSheet(CHUNK_ROWS + 100)], 'Phụ lục', { ExcelApi: '1.4' });
    const snapshot = await createExcelHost({ supports }).readSnapshot();
    expect(snapshot.tables[0]!.rows).toHaveLength(4 + CHUNK_ROWS + 100);
    expect(snapshot.tables[0]!.rows.at(-1)!.cells[1]!.text).toBe(`Chỉ tiêu ${CHUNK_ROWS + 99}`);
  });

  // Office-js issue 1416: comments.add on a cell that already has a comment throws, and with it the whole batch.
  it('mark_ThreadedCommentOnCellTheOfficerCommented_FillsStayAndTheCellIsReported', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', { ExcelApi: '1.12' });
    excel.comments.push(officerThread("'Phụ lục'!E7", 'Số này lấy từ phòng Tài chính'));
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    const outcome = await host.mark([
      { ref: { table: 0, tableRow: 1, cell: 3 }, severity: 'error', code: 'C', message: 'Sai' },
      { ref: { table: 0, tableRow: 3, cell: 3 }, severity: 'warning', code: 'MISSING', message: 'Chưa có số liệu' },
    ]);
    expect(excel.fills.get('Phụ lục!6:4')).toBe('#FDE7E9');
    expect(excel.fills.get('Phụ lục!8:4')).toBe('#FFF4CE');
    expect(excel.comments.filter((c) => !c.deleted).map((c) => c.content)).toEqual(['Số này lấy từ phòng Tài chính', `${MARK_PREFIX} Chưa có số liệu`]);
    expect(outcome.unmarked.map((u) => [u.key, u.args.c])).toEqual([['noteTaken', 'E7']]);
  });

  // Excel.Comment.delete removes the thread with its replies.
  it('markAgainAndClear_OurThreadWithReplies_IsResolvedNeverDeleted', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', { ExcelApi: '1.12' });
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 1, cell: 3 }, severity: 'error', code: 'C', message: 'Sai' }]);
    excel.comments[0]!.replies.push('Đã kiểm tra, số đúng.');
    await host.mark([{ ref: { table: 0, tableRow: 1, cell: 3 }, severity: 'error', code: 'C', message: 'Vẫn sai' }]);
    await host.clearMarks();
    expect(excel.comments.flatMap((c) => c.repliesLost)).toEqual([]);
    expect(excel.comments[0]).toMatchObject({ deleted: false, resolved: true });
  });

  it('markAgain_OurNoteWithoutReplies_IsRewrittenNotStacked', async () => {
    const excel = installExcel([appendixSheet()], 'Phụ lục', modern);
    const host = createExcelHost({ supports });
    await host.readSnapshot();
    const mark = { ref: { table: 0, tableRow: 1, cell: 3 }, severity: 'error' as const, code: 'C', message: 'Sai' };
    await host.mark([mark]);
    const outcome = await host.mark([{ ...mark, message: 'Vẫn sai' }]);
    expect(outcome.unmarked).toEqual([]);
    expect(excel.notes.filter((n) => !n.deleted).map((n) => n.content)).toEqual([`${MARK_PREFIX} Vẫn sai`]);
  });
});
