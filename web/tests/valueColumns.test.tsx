import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CheckResult, Finding, ReportRow } from '../src/api/types';
import { AppendixTable } from '../src/ui/AppendixTable';
import { attachWritten } from '../src/ui/findings';
import { FindingsList } from '../src/ui/FindingsList';
import { Summary } from '../src/ui/Summary';

// A commune form with "Quý này | Lũy kế từ đầu năm", as the host answers for it.
const row: ReportRow = {
  row: 4, section: 'I', no: '3', label: 'Số tin, bài tuyên truyền CCHC đã đăng', unit: 'Tin, bài', value: '11', note: '',
  table: 0, tableRow: 6, cells: [0, 1, 2, 3, 5], values: ['11', '9'], valueCells: [3, 4],
};

const below: Finding = {
  row: 4, column: 'value', label: row.label, code: 'CUMULATIVE_BELOW_PERIOD', severity: 'error',
  message: 'Số lũy kế của “Số tin, bài tuyên truyền CCHC đã đăng” (9) nhỏ hơn số của kỳ này (11) [cột “Lũy kế từ đầu năm”].',
  messageEn: '…', section: 'I', indicatorId: null, titleLine: null, table: 0, tableRow: 6, cell: 4, proposal: null,
  valueColumn: 1, valueHeader: 'Lũy kế từ đầu năm',
};

const columns = [
  { index: 0, header: 'Quý này', role: 'period' as const },
  { index: 1, header: 'Lũy kế từ đầu năm', role: 'cumulative' as const },
];

const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe('value columns', () => {
  it('appendixTable_ShowsEveryValueColumn_AndColoursTheFindingsOwnCell', () => {
    wrap(<AppendixTable rows={[row]} findings={[below]} selected={below} valueColumns={columns} />);

    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Quý này', 'Lũy kế từ đầu năm', 'Ghi chú']);
    const cumulative = document.querySelector('td[data-value-column="1"]')!;
    expect(cumulative.textContent).toBe('9');
    expect(cumulative.getAttribute('data-severity')).toBe('error');
    expect(document.querySelector('td[data-value-column="0"]')!.getAttribute('data-severity')).toBeNull();
  });

  it('findingsList_SaysWhichColumnTheWrittenValueIsIn', () => {
    const [written] = attachWritten([below], [row]);
    wrap(<FindingsList findings={[written!]} filter="all" onFilter={() => {}} selected={null} onSelect={() => {}} />);

    expect(screen.getByText(/Đang ghi ở cột “Lũy kế từ đầu năm”/).textContent).toContain('9');
    expect(screen.getByTestId('finding').getAttribute('data-value-column')).toBe('1');
  });

  it('summary_WithoutATemplate_SaysWhichRulesWereUsed', () => {
    const result: CheckResult = {
      unit: 'UBND XÃ LONG PHÚ', period: { kind: 'quarter', number: 2, year: 2026, text: 'quý II năm 2026' }, reportNumber: null, reportDate: null,
      template: {
        id: null, version: null, name: null, matchedRows: 0, unmatchedRows: 38, form: 'document', checks: ['header', 'totals'],
        summary: 'Không khớp mẫu nào: đã kiểm tra theo quy tắc chung — tiêu đề, tổng và dòng con.',
      },
      previous: null, rows: [row], findings: [below], summary: { errors: 1, warnings: 0, infos: 0, readyToSign: false },
      valueColumns: columns, headerRow: true,
    };

    wrap(<Summary result={result} />);

    expect(screen.getByTestId('form-summary').textContent).toBe('Không khớp mẫu nào: đã kiểm tra theo quy tắc chung — tiêu đề, tổng và dòng con.');
    expect(screen.getByTestId('summary').textContent).not.toContain('Mẫu:');
  });
});
