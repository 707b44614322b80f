import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, ConsolidateOptions } from '../src/api/client';
import type { ConsolidatedUnit, ConsolidationResult } from '../src/api/consolidation';
import { ConsolidationView } from '../src/ui/consolidation/ConsolidationView';
import { StatusTable } from '../src/ui/consolidation/StatusTable';

const unit = (name: string, file: string | null, errors = 0, warnings = 0): ConsolidatedUnit => ({
  unit: name, file, template: null, errors, warnings, infos: 0, readyToSign: file !== null && errors === 0 && warnings === 0,
});

const units = [unit('Xã An Bình', 'a.docx'), unit('Xã Bình Minh', 'b.xlsx', 2), unit('Xã Cái Tắc', null), unit('Xã Đông Phước', 'd.docx', 0, 1)];

const rendered = () => screen.getAllByTestId('status-row').map((r) => `${r.getAttribute('data-unit')}:${r.getAttribute('data-state')}`);

describe('StatusTable', () => {
  it('sortsByStatus_MissingAndErrorsFirst_ThenBackOnASecondClick', () => {
    render(<FluentProvider theme={webLightTheme}><StatusTable units={units} /></FluentProvider>);
    expect(rendered()).toEqual(['Xã An Bình:ready', 'Xã Bình Minh:errors', 'Xã Cái Tắc:missing', 'Xã Đông Phước:warnings']);

    fireEvent.click(screen.getByTestId('sort-state'));
    expect(rendered()).toEqual(['Xã Cái Tắc:missing', 'Xã Bình Minh:errors', 'Xã Đông Phước:warnings', 'Xã An Bình:ready']);

    fireEvent.click(screen.getByTestId('sort-state'));
    expect(rendered()[0]).toBe('Xã An Bình:ready');
    expect(screen.getByTestId('sort-state').getAttribute('aria-sort')).toBe('descending');
  });

  it('sortsByUnitInVietnameseOrder', () => {
    const shuffled = [units[3]!, units[0]!, units[2]!, units[1]!];
    render(<FluentProvider theme={webLightTheme}><StatusTable units={shuffled} /></FluentProvider>);
    fireEvent.click(screen.getByTestId('sort-unit'));
    // "Đ" sorts after "C" in Vietnamese, not after "Z" as in code-point order.
    expect(rendered().map((r) => r.split(':')[0])).toEqual(['Xã An Bình', 'Xã Bình Minh', 'Xã Cái Tắc', 'Xã Đông Phước']);
  });
});

describe('ConsolidationView', () => {
  const result: ConsolidationResult = {
    period: 'quý II năm 2026',
    units: [unit('Xã An Bình', 'a.docx'), unit('Xã Cái Tắc', null)],
    indicators: [
      { id: 'so-ho-so', label: 'Số hồ sơ', unit: 'Hồ sơ', type: 'count', value: 1730, reported: 1, of: 2, min: 1730, median: 1730, max: 1730 },
      { id: 'ty-le', label: 'Tỷ lệ văn bản ký số', unit: '%', type: 'percent', value: null, reported: 1, of: 2, min: 97.5, median: 97.5, max: 97.5 },
    ],
    excluded: [{ file: 'b.docx', reason: 'Báo cáo quý I năm 2026, không phải quý II năm 2026.' }],
  };

  it('showsEachFilesProgressThenWhatBecameOfIt_AndTheConsolidatedFigures', async () => {
    // jsdom has no layout: Fluent's message bar asks for a ResizeObserver to reflow.
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    let finish: (r: ConsolidationResult) => void = () => undefined;
    const consolidate = vi.fn((files: File[], options?: ConsolidateOptions) => {
      // The first file's bytes are all sent, the second's half.
      const a = files[0]!.size;
      const b = files[1]!.size;
      options?.onProgress?.(a + b / 2, a + b);
      return new Promise<ConsolidationResult>((resolve) => (finish = resolve));
    });
    const api = { consolidate } as unknown as ApiClient;
    render(<FluentProvider theme={webLightTheme}><ConsolidationView api={api} /></FluentProvider>);

    const input = screen.getByTestId('files-input');
    fireEvent.change(input, {
      target: { files: [new File(['x'.repeat(100)], 'a.docx'), new File(['y'.repeat(100)], 'b.docx'), new File(['z'], 'ghi-chu.txt')] },
    });
    expect(screen.getByTestId('consolidation-notice').textContent).toContain('ghi-chu.txt');
    fireEvent.change(screen.getByTestId('units-input'), { target: { value: 'Xã An Bình\n# bình luận\nXã Cái Tắc\n' } });
    fireEvent.click(screen.getByTestId('consolidate'));

    await waitFor(() => expect(screen.getAllByTestId('file').map((f) => f.getAttribute('data-state'))).toEqual(['reading', 'sending']));
    expect(consolidate.mock.calls[0]![1]!.units).toEqual(['Xã An Bình', 'Xã Cái Tắc']);

    finish(result);
    await waitFor(() => expect(screen.getAllByTestId('file').map((f) => f.getAttribute('data-state'))).toEqual(['counted', 'excluded']));
    expect(screen.getByTestId('consolidation-summary').textContent).toContain('Đã nhận 1/2 đơn vị');
    const figures = screen.getAllByTestId('indicator');
    expect(figures[0]!.textContent).toContain('1.730');
    expect(figures[0]!.textContent).toContain('1/2');
    expect(figures[1]!.textContent).toContain('không cộng');
    expect(figures[1]!.textContent).toContain('97,5');
  });
});
