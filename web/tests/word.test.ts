import { describe, expect, it } from 'vitest';
import { FIX_PREFIX, MARK_PREFIX } from '../src/document';
import { createWordHost } from '../src/office/word';
import { installWord, officerComment, type WordDocSpec } from './officeFakes';

const header = ['THỨ TỰ', 'TÊN CHỈ TIÊU', 'ĐƠN VỊ TÍNH', 'Số lượng/ tỷ lệ', 'Ghi chú'];
const modern = { WordApi: '1.6' };
const supports = (s: string, v: string) => Office.context.requirements.isSetSupported(s, v);
const live = (word: { comments: { deleted: boolean; content: string }[] }) => word.comments.filter((c) => !c.deleted).map((c) => c.content);

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
    // Continuation after a page break: the header repeated, then a row whose value and note are one merged cell.
    {
      rows: [
        header,
        ['II', 'Xây dựng và tổ chức thực hiện văn bản', '', '', ''],
        ['1', 'Số VBQPPL ban hành', 'Văn bản', { text: '5.967', span: 2 }],
      ],
    },
    'Nơi nhận: Sở Nội vụ',
    { rows: [['Ký tên', 'Đóng dấu']] },
  ];
}

/** A section heading merged across the row, and the numbering cell of two sub-items merged down. */
function mergedReport(): WordDocSpec['blocks'] {
  return [
    'Phụ lục',
    'QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM',
    {
      rows: [
        header,
        ['I', { text: 'Công tác chỉ đạo điều hành CCHC', span: 4 }],
        [{ text: '1', vMerge: 'restart' }, 'Số nhiệm vụ đề ra trong kế hoạch', 'Nhiệm vụ', '12', ''],
        [{ text: '', vMerge: 'continue' }, 'Số nhiệm vụ đã hoàn thành', '%', '10', ''],
        ['2', 'Số văn bản chỉ đạo', 'Văn bản', { text: '3', span: 2 }],
      ],
    },
  ];
}

describe('Word adapter: reading', () => {
  it('readSnapshot_SplitTables_ReadsAppendixAndContinuationInTwoSyncs', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const snapshot = await createWordHost({ supports }).readSnapshot();
    expect(word.counter.count).toBeLessThanOrEqual(2);
    expect(snapshot.tables).toHaveLength(2);
    expect(snapshot.titleLines).toEqual([
      'Phụ lục',
      'THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ',
      'QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM',
    ]);
    expect(snapshot.tables[0]!.rows[2]!.cells.map((c) => c.text)).toEqual(['1', 'Số nhiệm vụ đề ra trong kế hoạch', '%', '12', '']);
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

  // Word.TableCell.columnWidth is documented for uniform tables only; a merged row is exactly the other kind.
  it('readSnapshot_HorizontallyMergedCells_SpansFromTheTableItself', async () => {
    installWord({ blocks: report(), sets: modern });
    const snapshot = await createWordHost({ supports }).readSnapshot();
    const merged = snapshot.tables[1]!.rows[2]!.cells;
    expect(merged.map((c) => [c.text, c.span ?? 1])).toEqual([['1', 1], ['Số VBQPPL ban hành', 1], ['Văn bản', 1], ['5.967', 2]]);
  });

  it('readSnapshot_VerticallyAndHorizontallyMerged_EveryRowLinesUpWithTheHeader', async () => {
    installWord({ blocks: mergedReport(), sets: modern });
    const snapshot = await createWordHost({ supports }).readSnapshot();
    const rows = snapshot.tables[0]!.rows.map((r) => r.cells.reduce((n, c) => n + (c.span ?? 1), 0));
    expect(rows).toEqual([5, 5, 5, 5, 5]);
    expect(snapshot.tables[0]!.rows[1]!.cells).toEqual([{ text: 'I', span: 1 }, { text: 'Công tác chỉ đạo điều hành CCHC', span: 4 }]);
    expect(snapshot.tables[0]!.rows[3]!.cells[0]).toEqual({ text: '', span: 1 });
  });

  it('readMarkFix_WordListsNoCellForTheMergedPart_RowsStillLineUpAndRefsStillHit', async () => {
    const word = installWord({ blocks: mergedReport(), sets: modern, listsContinuationCells: false });
    const host = createWordHost({ supports });
    const snapshot = await host.readSnapshot();
    expect(snapshot.tables[0]!.rows[3]!.cells.map((c) => c.text)).toEqual(['', 'Số nhiệm vụ đã hoàn thành', '%', '10', '']);
    const outcome = await host.mark([
      { ref: { table: 0, tableRow: 3, cell: 0 }, severity: 'warning', code: 'N', message: 'Thiếu số thứ tự' },
      { ref: { table: 0, tableRow: 3, cell: 2 }, severity: 'error', code: 'U', message: 'Đơn vị tính sai' },
    ]);
    expect(outcome.unmarked.map((u) => u.key)).toEqual(['cellMerged']);
    expect(word.cells[0]![3]![2]!.highlight).toBe('#FFFF00');
    await host.applyFixes([{ ref: { table: 0, tableRow: 3, cell: 2 }, value: 'Nhiệm vụ', reason: 'r' }]);
    expect(word.cells[0]![3]![2]!.spec.text).toBe('Nhiệm vụ');
  });

  // Office-js issues 1267 and 5874: a tracked deletion stays in the document and in `value`.
  it.each([
    ['WordApi 1.4: getReviewedText', { WordApi: '1.4' }],
    ['WordApi 1.3: the table OOXML without w:del', { WordApi: '1.3' }],
  ])('readSnapshot_TrackedDeletion_ReadsOnlyTheCurrentText (%s)', async (_, sets) => {
    const blocks = mergedReport();
    const table = blocks[2] as { rows: unknown[][] };
    table.rows[2]![3] = { text: '15', deleted: '12' };
    installWord({ blocks, sets });
    const snapshot = await createWordHost({ supports }).readSnapshot();
    expect(snapshot.tables[0]!.rows[2]!.cells[3]!.text).toBe('15');
  });
});

describe('Word adapter: marks', () => {
  it('mark_FlaggedCells_HighlightedThenOneCommentPerCell', async () => {
    const word = installWord({ blocks: report(50), sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    const outcome = await host.mark([
      { ref: { table: 0, tableRow: 2, cell: 2 }, severity: 'error', code: 'UNIT_MISMATCH', message: 'Đơn vị tính sai' },
      { ref: { table: 1, tableRow: 2, cell: 2 }, severity: 'warning', code: 'X', message: 'Kiểm tra' },
    ]);
    expect(outcome.unmarked).toEqual([]);
    expect(word.cells[1]![2]![2]!.highlight).toBe('#FFFF00');
    expect(live(word)).toEqual([`${MARK_PREFIX} Đơn vị tính sai`, `${MARK_PREFIX} Kiểm tra`]);
  });

  // Office-js issue 3200: loading cellIndex fails the whole batch when any table has a vertically merged cell.
  it('markSelectClear_VerticallyMergedTable_NeverLoadCellIndex', async () => {
    const word = installWord({ blocks: mergedReport(), sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    const ref = { table: 0, tableRow: 3, cell: 2 };
    await host.mark([{ ref, severity: 'error', code: 'UNIT_MISMATCH', message: 'Đơn vị tính sai' }]);
    await host.select(ref);
    expect(word.cells[0]![3]![2]!.highlight).toBe('#FFFF00');
    expect(word.cells[0]![3]![2]!.selected).toBe(1);
    await host.clearMarks();
    expect(word.cells[0]![3]![2]!.highlight).toBeNull();
  });

  // Office-js issue 6746: insertComment answers NotAllowed on some Word on the web tenants.
  it('mark_InsertCommentNotAllowed_HighlightsStayAndThePaneHearsWhichCells', async () => {
    const word = installWord({ blocks: report(), sets: modern, commentsRefused: true });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    const outcome = await host.mark([
      { ref: { table: 0, tableRow: 2, cell: 2 }, severity: 'error', code: 'UNIT_MISMATCH', message: 'Đơn vị tính sai' },
      { ref: { table: 1, tableRow: 2, cell: 3 }, severity: 'warning', code: 'X', message: 'Kiểm tra' },
    ]);
    expect(word.cells[1]![2]![2]!.highlight).toBe('#FFFF00');
    expect(word.cells[2]![2]![3]!.highlight).toBe('#FFFF00');
    expect(outcome.unmarked.map((u) => [u.ref, u.key])).toEqual([
      [{ table: 0, tableRow: 2, cell: 2 }, 'commentRefused'],
      [{ table: 1, tableRow: 2, cell: 3 }, 'commentRefused'],
    ]);
  });

  // Word.Comment.delete deletes the comment and its replies.
  it('mark_OurOldCommentWithReplies_IsResolvedNeverDeleted', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 2, cell: 2 }, severity: 'error', code: 'C', message: 'Đơn vị tính sai' }]);
    word.comments[0]!.replies.push('Đã hỏi lại phòng Nội vụ, giữ nguyên.');
    await host.mark([{ ref: { table: 0, tableRow: 2, cell: 3 }, severity: 'error', code: 'C', message: 'Thiếu số liệu' }]);
    await host.clearMarks();
    const thread = word.comments[0]!;
    expect(thread.deleted).toBe(false);
    expect(thread.resolved).toBe(true);
    expect(word.comments.flatMap((c) => c.repliesLost)).toEqual([]);
  });

  // Word.Font.highlightColor reads '' when the cell is highlighted in several colours.
  it('markThenClear_OfficersMixedHighlight_IsLeftAsItWas', async () => {
    const blocks = report();
    (blocks[7] as { rows: unknown[][] }).rows[2]![3] = { text: '12', highlight: 'mixed' };
    const word = installWord({ blocks, sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    const outcome = await host.mark([{ ref: { table: 0, tableRow: 2, cell: 3 }, severity: 'error', code: 'C', message: 'Sai' }]);
    await host.clearMarks();
    expect(word.cells[1]![2]![3]!.highlight).toBe('mixed');
    expect(word.cells[1]![2]![3]!.highlightSets).toEqual([]);
    // The comment still marks the cell, and the pane says why it is not highlighted.
    expect(outcome.unmarked.map((u) => u.key)).toEqual(['highlightKept']);
  });

  it('clearMarks_RemovesOnlyOurCommentsAndRestoresTheOfficersHighlight', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    word.cells[1]![2]![3]!.highlight = '#00FF00';
    word.comments.push(officerComment('Ý kiến của lãnh đạo'));
    const host = createWordHost({ supports });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 2, cell: 3 }, severity: 'error', code: 'C', message: 'm' }]);
    expect(word.cells[1]![2]![3]!.highlight).toBe('#FFFF00');
    await host.clearMarks();
    expect(word.cells[1]![2]![3]!.highlight).toBe('#00FF00');
    expect(live(word)).toEqual(['Ý kiến của lãnh đạo']);
  });

  it('clearMarks_OfficerRecolouredAMarkedCell_KeepsTheirColour', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    await host.mark([{ ref: { table: 0, tableRow: 2, cell: 3 }, severity: 'error', code: 'C', message: 'm' }]);
    word.cells[1]![2]![3]!.highlight = '#FF0000';
    await host.clearMarks();
    expect(word.cells[1]![2]![3]!.highlight).toBe('#FF0000');
  });

  it('requirementSets_WordApi13Only_HighlightWithoutCommentsOrTracking', async () => {
    const word = installWord({ blocks: report(), sets: { WordApi: '1.3' } });
    const host = createWordHost({ supports });
    expect(host.capabilities).toEqual({ cellNotes: 'none', trackChanges: false, changeEvents: false });
    await host.readSnapshot();
    const outcome = await host.mark([{ ref: { table: 0, tableRow: 2, cell: 2 }, severity: 'error', code: 'C', message: 'm' }]);
    expect(outcome.unmarked).toEqual([]);
    expect(word.comments).toHaveLength(0);
    expect(word.cells[1]![2]![2]!.highlight).toBe('#FFFF00');
    await host.applyFixes([{ ref: { table: 0, tableRow: 2, cell: 2 }, value: 'Nhiệm vụ', reason: 'r' }]);
    expect(word.cells[1]![2]![2]!.writes[0]!.text).toBe('Nhiệm vụ');
  });

  it('requirementSets_BelowWordApi13_RefusesWithHostTooOld', () => {
    installWord({ blocks: report(), sets: { WordApi: '1.2' } });
    expect(() => createWordHost({ supports })).toThrow(expect.objectContaining({ key: 'errHostTooOld' }));
  });

  it('select_ClickedFinding_SelectsThatCell', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports: () => true });
    await host.readSnapshot();
    await host.select({ table: 1, tableRow: 2, cell: -1 });
    expect(word.cells[2]![2]![0]!.selected).toBe(1);
  });
});

describe('Word adapter: fixes', () => {
  it('applyFixes_WordApi14_TracksOurEditsAndRestoresUserMode', async () => {
    const word = installWord({ blocks: report(), sets: modern, trackingMode: 'Off' });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    const outcome = await host.applyFixes([{ ref: { table: 1, tableRow: 2, cell: 2 }, value: 'Nhiệm vụ', reason: 'Đơn vị tính sai' }]);
    expect(outcome).toEqual({ applied: 1, refused: [], unmarked: [] });
    expect(word.cells[2]![2]![2]!.writes).toEqual([{ text: 'Nhiệm vụ', trackingMode: 'TrackAll' }]);
    expect(word.mock.document.changeTrackingMode).toBe('Off');
    expect(live(word)).toEqual([`${FIX_PREFIX} Đơn vị tính sai`]);
  });

  it('applyFixes_ThenRecheck_KeepsTheReasonCommentAndReadsTheNewValue', async () => {
    const word = installWord({ blocks: report(), sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    await host.applyFixes([{ ref: { table: 0, tableRow: 2, cell: 3 }, value: '15', reason: 'Tổng không khớp' }]);
    const again = await host.readSnapshot();
    await host.mark([]);
    await host.clearMarks();
    expect(again.tables[0]!.rows[2]!.cells[3]!.text).toBe('15');
    expect(live(word)).toEqual([`${FIX_PREFIX} Tổng không khớp`]);
  });

  it('applyFixes_InsertCommentNotAllowed_EditsAreStillWritten', async () => {
    const word = installWord({ blocks: report(), sets: modern, commentsRefused: true });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    const outcome = await host.applyFixes([{ ref: { table: 0, tableRow: 2, cell: 2 }, value: 'Nhiệm vụ', reason: 'Đơn vị tính sai' }]);
    expect(word.cells[1]![2]![2]!.writes.map((w) => w.text)).toEqual(['Nhiệm vụ']);
    expect(outcome.applied).toBe(1);
    expect(outcome.unmarked.map((u) => u.key)).toEqual(['commentRefused']);
    expect(word.mock.document.changeTrackingMode).toBe('Off');
  });

  it('applyFixes_VerticallyMergedTable_WritesIntoTheRightCell', async () => {
    const word = installWord({ blocks: mergedReport(), sets: modern });
    const host = createWordHost({ supports });
    await host.readSnapshot();
    await host.applyFixes([{ ref: { table: 0, tableRow: 3, cell: 2 }, value: 'Nhiệm vụ', reason: 'r' }]);
    expect(word.cells[0]![3]![2]!.spec.text).toBe('Nhiệm vụ');
  });
});
