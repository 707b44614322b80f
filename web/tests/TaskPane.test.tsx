import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../src/api/client';
import type { CheckResult, Finding } from '../src/api/types';
import type { DocumentHost } from '../src/document';
import { TaskPane } from '../src/ui/TaskPane';

const finding: Finding = {
  row: 3, column: 'unit', label: 'Số nhiệm vụ đề ra trong kế hoạch', code: 'UNIT_MISMATCH', severity: 'error',
  message: 'Đơn vị tính sai', messageEn: 'Wrong unit', section: 'I', indicatorId: null, titleLine: null,
  table: 0, tableRow: 2, cell: 2, proposal: null,
};
const result: CheckResult = {
  unit: 'UBND THỊ XÃ NGÃ NĂM', period: null, reportNumber: null, reportDate: null, template: null, previous: null,
  rows: [{ row: 3, section: 'I', no: '', label: finding.label, unit: '%', value: '25', note: '', table: 0, tableRow: 2, cells: [0, 1, 2, 3, 4] }],
  findings: [finding],
  summary: { errors: 1, warnings: 0, infos: 0, readyToSign: false },
};

function host(over: Partial<DocumentHost>): DocumentHost {
  return {
    kind: 'word',
    capabilities: { cellNotes: 'comments', trackChanges: true, changeEvents: true },
    readSnapshot: async () => ({ host: 'word', titleLines: [], tables: [], documentUrl: null, previous: null }),
    select: async () => undefined,
    mark: async () => ({ unmarked: [] }),
    clearMarks: async () => undefined,
    applyFixes: async () => ({ applied: 0, refused: [], unmarked: [] }),
    onChanged: async () => async () => undefined,
    ...over,
  };
}

const api = { check: vi.fn(async () => result) } as unknown as ApiClient;

describe('TaskPane', () => {
  it('cellsThatCouldNotBeMarked_AreListedByIndicator', async () => {
    const word = host({ mark: async (marks) => ({ unmarked: marks.map((m) => ({ ref: m.ref, key: 'commentRefused' as const, args: {} })) }) });
    render(<FluentProvider theme={webLightTheme}><TaskPane host={word} api={api} /></FluentProvider>);
    const list = await screen.findByTestId('unmarked');
    expect(list.textContent).toContain('Số nhiệm vụ đề ra trong kế hoạch: Word ở đây không cho tiện ích thêm nhận xét');
  });

  it('olderOffice_SaysWhatItLeavesOut', async () => {
    const word = host({ capabilities: { cellNotes: 'none', trackChanges: false, changeEvents: false } });
    render(<FluentProvider theme={webLightTheme}><TaskPane host={word} api={api} /></FluentProvider>);
    await waitFor(() => expect(screen.getByTestId('degraded').textContent).toContain('các ô chỉ được tô màu'));
    expect(screen.getByTestId('degraded').textContent).toContain('Kiểm tra lại');
  });
});
