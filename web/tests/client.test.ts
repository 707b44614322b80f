import { describe, expect, it, vi } from 'vitest';
import { createApiClient, fileNameOf } from '../src/api/client';
import { describeError, UserFacingError } from '../src/errors';
import { translator } from '../src/i18n';

const snapshot = { host: 'word' as const, titleLines: [], tables: [], documentUrl: null, previous: null };
const t = translator('vi');

describe('API client', () => {
  it('check_ProblemDetails_ShowsTheHostsVietnameseTitle', async () => {
    const fetchImpl = vi.fn(async () =>
      new Response(JSON.stringify({ type: 'https://cchc.vn/problems/no-appendix', title: 'Không tìm thấy phụ lục', detail: 'Tệp không có bảng', code: 'no-appendix', status: 422 }), {
        status: 422,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    const api = createApiClient({ lang: 'vi', fetchImpl });
    const error = await api.check(snapshot).catch((e: unknown) => e);
    expect(describeError(error, t, 'vi')).toEqual({ title: 'Không tìm thấy phụ lục', detail: 'Tệp không có bảng', code: 'no-appendix' });
  });

  it('check_Offline_SaysWhatToDo', async () => {
    const api = createApiClient({ lang: 'vi', fetchImpl: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await api.check(snapshot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(describeError(error, t, 'vi').title).toContain('Không kết nối được máy chủ');
  });

  it('check_LocalModeHeader_IsReported', async () => {
    const onLocalMode = vi.fn();
    const api = createApiClient({
      lang: 'vi',
      onLocalMode,
      fetchImpl: async () => new Response('{"findings":[]}', { headers: { 'X-Cchc-Local-Mode': 'true', 'Content-Type': 'application/json' } }),
    });
    await api.check(snapshot);
    expect(onLocalMode).toHaveBeenCalledWith(true);
  });

  it('check_401_AcquiresATokenOnceAndRetries', async () => {
    const seen: (string | null)[] = [];
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('Authorization');
      seen.push(auth);
      return auth ? new Response('{}', { headers: { 'Content-Type': 'application/json' } }) : new Response('', { status: 401 });
    });
    const api = createApiClient({ lang: 'vi', fetchImpl, acquireToken: async () => 'tok' });
    await api.check(snapshot);
    await api.check(snapshot);
    expect(seen).toEqual([null, 'Bearer tok', 'Bearer tok']);
  });

  it('check_AsksForTheRowsFindingsPointAtOnly', async () => {
    const urls: string[] = [];
    const fetchImpl = vi.fn(async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return new Response('{"rows":[],"findings":[]}', { headers: { 'Content-Type': 'application/json' } });
    });
    const api = createApiClient({ lang: 'en', fetchImpl });
    await api.check(snapshot, { previousArchive: true });
    expect(urls).toEqual(['/api/check?rows=findings&previous=archive&lang=en']);
  });

  it('fileNameOf_PrefersTheUtf8Name', () => {
    const r = new Response('', { headers: { 'Content-Disposition': `attachment; filename="bao-cao.docx"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.docx` } });
    expect(fileNameOf(r)).toBe('báo-cáo.docx');
  });

  it('fixFile_HostAnswer_GivesTheVietnameseNameAndTheCounts', async () => {
    let sent: FormData | null = null;
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent = init?.body as FormData;
      return new Response('PK', {
        headers: {
          'Content-Disposition': `attachment; filename="Bao cao-da-sua.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o-da-sua.docx`,
          'X-Cchc-Applied': '12',
          'X-Cchc-Skipped': '1',
        },
      });
    });
    const api = createApiClient({ lang: 'vi', fetchImpl });
    const file = new File(['x'], 'Báo cáo.docx');
    const result = await api.fixFile(file, { only: ['UNIT_MISMATCH', 'VALUE_MISSING'] });
    expect(result).toMatchObject({ fileName: 'Báo cáo-da-sua.docx', applied: 12, skipped: 1 });
    expect(sent!.get('only')).toBe('UNIT_MISMATCH,VALUE_MISSING');
    expect(sent!.get('track')).toBe('true');
  });
});
