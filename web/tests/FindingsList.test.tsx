import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../src/api/types';
import { App } from '../src/ui/App';
import { FindingsList } from '../src/ui/FindingsList';
import { sectionTitles, type SeverityFilter } from '../src/ui/findings';

const finding = (row: number, section: string, severity: Finding['severity'], label: string): Finding => ({
  row, column: 'value', label, code: `C${row}`, severity, message: `Thông báo ${row}`, messageEn: `Message ${row}`,
  section, indicatorId: null, titleLine: null, table: 0, tableRow: row, cell: 3,
  proposal: { value: '5.967', source: 'computed', previousValue: null },
});

const findings = [finding(9, 'II', 'warning', 'Số VBQPPL'), finding(2, 'I', 'error', 'Số nhiệm vụ'), finding(3, 'I', 'info', 'Tỷ lệ')];
const titles = { I: 'Công tác chỉ đạo điều hành CCHC', II: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật' };

function Harness({ onFix }: { onFix?: (f: Finding) => void }) {
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <FluentProvider theme={webLightTheme}>
      <FindingsList findings={findings} filter={filter} onFilter={setFilter} selected={selected} onSelect={setSelected} onFix={onFix} sectionTitles={titles} />
    </FluentProvider>
  );
}

const current = () => document.querySelector('[data-testid="finding"][aria-current="true"]')?.getAttribute('data-code');

describe('FindingsList', () => {
  it('groupsBySectionInOrder_AndArrowKeysWalkThem', () => {
    render(<Harness />);
    expect(screen.getAllByTestId('finding').map((e) => e.getAttribute('data-code'))).toEqual(['C2', 'C3', 'C9']);
    const list = screen.getByTestId('findings');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(current()).toBe('C3');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(current()).toBe('C2');
  });

  it('sectionGroups_ShowTheSectionsName_AsTheCommandLineDoes', () => {
    render(<Harness />);
    expect(screen.getByRole('heading', { name: 'Mục I — Công tác chỉ đạo điều hành CCHC' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mục II — Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật' })).toBeTruthy();
  });

  it('ruleCodes_AreATooltipNeverText', () => {
    render(<Harness />);
    const list = screen.getByTestId('findings');
    expect(list.textContent).not.toMatch(/\bC[239]\b/);
    expect(screen.getAllByTestId('finding-select')[0]!.getAttribute('title')).toBe('Mã quy tắc: C2');
  });

  it('filterBySeverity_ShowsOnlyErrors', () => {
    render(<Harness />);
    // Each tab names how many it holds, so the officer sees the split before clicking.
    fireEvent.click(screen.getByRole('tab', { name: 'Lỗi (1)' }));
    expect(screen.getAllByTestId('finding').map((e) => e.getAttribute('data-code'))).toEqual(['C2']);
  });

  it('withFixButtons_NoSeriousOrCriticalAxeViolations_VietnameseNames', async () => {
    const { container } = render(<Harness onFix={() => undefined} />);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(screen.getByRole('region', { name: 'Các phát hiện' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Sửa: Số nhiệm vụ' })).toHaveLength(1);
  });
});

describe('sectionTitles', () => {
  it('sectionTitles_FirstRowNumberedWithTheNumeral', () => {
    const row = (no: string, label: string) => ({ row: 0, section: null, no, label, unit: '', value: '', note: '', table: 0, tableRow: 0, cells: [] });
    expect(sectionTitles([row('V.', 'Cải cách chế độ công vụ'), row('1', 'Số công chức'), row('V', 'Lặp lại')])).toEqual({ V: 'Cải cách chế độ công vụ' });
  });
});

describe('App', () => {
  it('localModeBanner_ShowsOnTheFirstScreen_BeforeAnyUpload', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"status":"Healthy"}', { headers: { 'X-Cchc-Local-Mode': 'true' } })));
    // jsdom has no layout: Fluent's overflow handling asks for a ResizeObserver.
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    try {
      render(<App mode="standalone" displayLanguage="vi" dark={false} />);
      await waitFor(() => expect(screen.getByTestId('local-mode')).toBeTruthy());
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
