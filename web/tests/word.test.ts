import { describe, expect, it } from 'vitest';
import { MARK_PREFIX } from '../src/document';
import { createWordHost } from '../src/office/word';
import { installWord, type WordDocSpec } from './officeFakes';

const header = ['THỨ TỰ', 'TÊN CHỈ TIÊU', 'ĐƠN VỊ TÍNH', 'Số lượng/ tỷ lệ', 'Ghi chú'];
const modern = { WordApi: '1.6' };

function report(extraRows = 0): WordDocSpec['blocks'] {
  const rows: string[][] = [header, ['I', 'Công tác chỉ đạo điều hành CCHC', '', '', ''], ['1', 'Số nhiệm vụ đề ra trong kế hoạch', '%', '12', '']];
  for (let i = 0; i < extraRows; i++) rows.push([String(i + 2), `Chỉ tiêu ${i}`, 'Văn bản', String(i), '']);
  return [
    'UBND THỊ XÃ NGÃ NĂM',
    { rows: [['Nơi nhận:', 'CHỦ TỊCH']] },
    'Báo cáo kết quả CCHC quý III năm 2022.',
    'Phụ lục',
    'THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ',
    'QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM',
    '',
    { rows },
    '',
    // Continuation after a page break: the header repeated, then a row with merged cells (unequal length).
    {
      rows: [
        header,
        ['II', 'Xây dựng và tổ chức thực hiện văn bản', '', '', ''],
        [{ text: '1', width: 100 }, { text: 'Số VBQPPL ban hành (gộp ô)', width: 300 }, { text: '5.967', width: 100 }],
      ],
    },
    'Nơi nhận: Sở Nội vụ',
    { rows: [['Ký tên', 'Đóng dấu']] },
  ];
}

describe('Word adapter', () => {
  it('readSnapshot_SplitTables_ReadsAppendixAndContinuationInOneSync', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports: (s, v) => (Office.context.requirements.isSetSupported(s, v)) });
    const snapshot = await host.readSnapshot();
    expect(word.counter.count).toBe(1);
    expect(snapshot.tables).toHaveLength(2);
    expect(snapshot.titleLines).toEqual([
      'Phụ lục',
      'THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ',
      'QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM',
    ]);
    expect(snapshot.tables[0]!.rows[2]!.cells.map((c) => c.text)).toEqual(['1', 'Số nhiệm vụ đề ra trong kế hoạch', '%', '12', '']);
  });

  it('readSnapshot_MergedCells_AcceptsUnequalRowsWithSpans', async () => {
    installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports: (s, v) => Office.context.requirements.isSetSupported(s, v) });
    const snapshot = await host.readSnapshot();
    const merged = snapshot.tables[1]!.rows[2]!.cells;
    expect(merged).toHaveLength(3);
    expect(merged.map((c) => c.span)).toEqual([1, 3, 1]);
  });

  it('readSnapshot_SyncCountDoesNotGrowWithTable', async () => {
    const small = installWord({ blocks: report(0), sets: modern });
    await createWordHost({ supports: () => true }).readSnapshot();
    const large = installWord({ blocks: report(400), sets: modern });
    await createWordHost({ supports: () => true }).readSnapshot();
    expect(large.counter.count).toBe(small.counter.count);
  });

  it('readSnapshot_NoAppendix_SaysSoInVietnamese', async () => {
    installWord({ blocks: ['Một văn bản', { rows: [['a', 'b']] }], sets: modern });
    await expect(createWordHost({ supports: () => true }).readSnapshot()).rejects.toMatchObject({ key: 'noAppendix' });
  });

  it('checkThenMark_AtMostThreeSyncs_CommentsAndHighlightOnFlaggedCells', async () => {
    const word = installWord({ blocks: report(50), sets: modern });
    const host = createWordHost({ supports: (s, v) => Office.context.requirements.isSetSupported(s, v) });
    await host.readSnapshot();
    await host.mark([
      { ref: { table: 0, tableRow: 2, cell: 2 }, severity: 'error', code: 'UNIT_MISMATCH', message: 'Đơn vị tính sai' },
      { ref: { table: 1, tableRow: 2, cell: 2 }, severity: 'warning', code: 'X', message: 'Kiểm tra' },
    ]);
    expect(word.counter.count).toBeLessThanOrEqual(3);
    const appendix = word.cells[1]!;
    expect(appendix[2]![2]!.highlight).toBe('Yellow');
    expect(word.comments.filter((c) => !c.deleted).map((c) => c.content)).toEqual([`${MARK_PREFIX} Đơn vị tính sai`, `${MARK_PREFIX} Kiểm tra`]);
  });

  it('clearMarks_RemovesOnlyOurCommentsAndRestoresTheOfficersHighlight', async () => {
    const blocks = report();
    const word = installWord({ blocks, sets: modern });
    word.cells[1]![2]![3]!.highlight = 'Green';
    word.comments.push({ content: 'Ý kiến của lãnh đạo', deleted: false, delete() { this.deleted = true; } });
    const host = createWordHost({ supports: () => true });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 2, cell: 3 }, severity: 'error', code: 'C', message: 'm' }]);
    expect(word.cells[1]![2]![3]!.highlight).toBe('Yellow');
    await host.clearMarks();
    expect(word.cells[1]![2]![3]!.highlight).toBe('Green');
    expect(word.comments.filter((c) => !c.deleted).map((c) => c.content)).toEqual(['Ý kiến của lãnh đạo']);
  });

  it('applyFixes_WordApi14_TracksOurEditsAndRestoresUserMode', async () => {
    const word = installWord({ blocks: report(), sets: modern, trackingMode: 'Off' });
    const host = createWordHost({ supports: (s, v) => Office.context.requirements.isSetSupported(s, v) });
    await host.readSnapshot();
    const outcome = await host.applyFixes([{ ref: { table: 1, tableRow: 2, cell: 2 }, value: '5.968', reason: 'Tổng không khớp' }]);
    expect(outcome).toEqual({ applied: 1, refused: [] });
    const cell = word.cells[2]![2]![2]!;
    expect(cell.writes).toEqual([{ text: '5.968', trackingMode: 'TrackAll' }]);
    expect(word.mock.document.changeTrackingMode).toBe('Off');
    expect(host.capabilities.trackChanges).toBe(true);
  });

  it('requirementSets_WordApi13Only_NoCommentsNoTracking_PlainEdits', async () => {
    const word = installWord({ blocks: report(), sets: { WordApi: '1.3' }, trackingMode: 'TrackMineOnly' });
    const host = createWordHost({ supports: (s, v) => Office.context.requirements.isSetSupported(s, v) });
    expect(host.capabilities).toEqual({ cellNotes: 'none', trackChanges: false, changeEvents: false });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 2, cell: 2 }, severity: 'error', code: 'C', message: 'm' }]);
    expect(word.comments).toHaveLength(0);
    expect(word.cells[1]![2]![2]!.highlight).toBe('Yellow');
    await host.applyFixes([{ ref: { table: 0, tableRow: 2, cell: 2 }, value: 'Nhiệm vụ', reason: 'r' }]);
    expect(word.cells[1]![2]![2]!.writes[0]!.text).toBe('Nhiệm vụ');
  });

  it('requirementSets_BelowWordApi13_RefusesWithHostTooOld', () => {
    installWord({ blocks: report(), sets: { WordApi: '1.2' } });
    expect(() => createWordHost({ supports: (s, v) => Office.context.requirements.isSetSupported(s, v) })).toThrow(
      expect.objectContaining({ key: 'errHostTooOld' }),
    );
  });

  it('select_ClickedFinding_SelectsThatCell', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports: () => true });
    await host.readSnapshot();
    await host.select({ table: 1, tableRow: 2, cell: -1 });
    expect(word.cells[2]![2]![0]!.selected).toBe(1);
  });
});
