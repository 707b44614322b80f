import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/api/types';
import { FindingsList } from '../src/ui/FindingsList';
import type { SeverityFilter } from '../src/ui/findings';

const finding = (row: number, section: string, severity: Finding['severity'], label: string): Finding => ({
  row, column: 'value', label, code: `C${row}`, severity, message: `Thông báo ${row}`, messageEn: `Message ${row}`,
  section, indicatorId: null, titleLine: null, table: 0, tableRow: row, cell: 3,
  proposal: { value: '5.967', source: 'computed', previousValue: null },
});

const findings = [finding(9, 'II', 'warning', 'Số VBQPPL'), finding(2, 'I', 'error', 'Số nhiệm vụ'), finding(3, 'I', 'info', 'Tỷ lệ')];

function Harness() {
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <FluentProvider theme={webLightTheme}>
      <FindingsList findings={findings} filter={filter} onFilter={setFilter} selected={selected} onSelect={setSelected} />
    </FluentProvider>
  );
}

describe('FindingsList', () => {
  it('groupsBySectionInOrder_AndArrowKeysWalkThem', () => {
    render(<Harness />);
    expect(screen.getAllByTestId('finding').map((e) => e.getAttribute('data-code'))).toEqual(['C2', 'C3', 'C9']);
    const list = screen.getByTestId('findings');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option', { selected: true })[0]!.getAttribute('data-code')).toBe('C3');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(screen.getAllByRole('option', { selected: true })[0]!.getAttribute('data-code')).toBe('C2');
    expect(screen.getByText('Mục I')).toBeTruthy();
    expect(screen.getByText('Mục II')).toBeTruthy();
  });

  it('filterBySeverity_ShowsOnlyErrors', () => {
    render(<Harness />);
    // Each tab names how many it holds, so the officer sees the split before clicking.
    fireEvent.click(screen.getByRole('tab', { name: 'Lỗi (1)' }));
    expect(screen.getAllByTestId('finding').map((e) => e.getAttribute('data-code'))).toEqual(['C2']);
  });
});
