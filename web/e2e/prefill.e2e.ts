// Pre-fill through the pane's own API client against the real host in local mode, its folder archive holding Q2:
// the same request the task pane sends from Word when the officer clicks "Lấy số liệu quý trước".
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createApiClient } from '../src/api/client';
import type { DocumentSnapshot, PrefillProposal } from '../src/api/types';
import { describeError } from '../src/errors';
import { translator } from '../src/i18n';

const samples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');
const hostUrl = inject('hostUrl');
const q3 = JSON.parse(readFileSync(join(samples, 'q3-snapshot.json'), 'utf8')) as DocumentSnapshot;

async function archiveQ2(): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(join(samples, 'ngan-nam-2022-q2.docx'))]), 'ngan-nam-2022-q2.docx');
  const response = await fetch(`${hostUrl}/api/archive`, { method: 'POST', body: form });
  // The host of this run archives into a fresh folder (global-setup), so Q2 is new there.
  expect(response.status, await response.clone().text()).toBe(201);
}

describe('pre-fill against the host', () => {
  const api = createApiClient({ baseUrl: hostUrl, lang: 'vi' });

  it('reports no previous report while the archive is empty', async () => {
    const result = await api.prefill(q3);
    expect(result.previous).toBeNull();
    expect(result.reason).toBe('no-previous-report');
    expect(result.proposals).toEqual([]);
  });

  it('proposes Q2 values for the blank cells of Q3 once Q2 is in the archive', async () => {
    await archiveQ2();

    const result = await api.prefill(q3);

    expect(result.reason).toBeNull();
    expect(result.previous?.source).toBe('archive');
    expect(result.previous?.fileName).toBe('ngan-nam-2022-q2.docx');
    expect(result.previous?.period?.text).toBe('quý II năm 2022');
    const byRow = new Map<number, PrefillProposal>(result.proposals.filter((p) => p.column === 'value').map((p) => [p.row, p]));
    const mail = byRow.get(186);
    expect(mail).toMatchObject({ current: '', previous: '95', proposed: '95', source: 'previous-period', preselected: true, kind: 'stock' });
    expect(mail?.label).toMatch(/^Số lượng công chức, viên chức có tài khoản thư điện tử/);
    // The pointer the task pane writes through is the value cell of that row in the snapshot it sent.
    expect(q3.tables[mail!.table!]!.rows[mail!.tableRow!]!.cells[mail!.cell!]!.text).toBe('');
    expect(q3.tables[mail!.table!]!.rows[mail!.tableRow!]!.cells[1]!.text).toBe(mail!.label);
    // Nothing already written is ticked for overwriting.
    expect(result.proposals.filter((p) => p.preselected && p.current !== '')).toEqual([]);
  });

  it('turns a bad request into the host\'s Vietnamese Problem Details', async () => {
    const error = await api.prefill({ ...q3, tables: [] }).catch((e: unknown) => e);
    const shown = describeError(error, translator('vi'), 'vi');
    expect(shown.code).toBe('no-appendix');
    expect(shown.title).toBe('Không tìm thấy bảng phụ lục');
  });
});
