import { UserFacingError } from '../errors';
import type { CheckResult, DocumentSnapshot, PrefillResult, ProblemDetails } from './types';
import { postWithProgress, type ConsolidationResult, type UnitTrend, type UploadProgress } from './consolidation';

export interface ApiOptions {
  /** Where the API lives; the pane is served by the host, so the default is its own origin. */
  baseUrl?: string;
  lang: 'vi' | 'en';
  /** Called only after the host answers 401, so local mode never loads the sign-in code. */
  acquireToken?: (forceRefresh: boolean) => Promise<string>;
  onLocalMode?: (localMode: boolean) => void;
  fetchImpl?: typeof fetch;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  /** Edits the host wrote and refused (X-Cchc-Applied / X-Cchc-Skipped); null when it did not say. */
  applied: number | null;
  skipped: number | null;
}

export interface ApiClient {
  /** Asks the host nothing but whether it runs in local mode (every answer says so), for the first screen. */
  hello(): Promise<void>;
  check(snapshot: DocumentSnapshot, options?: { previousArchive?: boolean }): Promise<CheckResult>;
  prefill(snapshot: DocumentSnapshot): Promise<PrefillResult>;
  checkFile(file: File): Promise<CheckResult>;
  fixFile(file: File, options?: { only?: string[]; track?: boolean }): Promise<DownloadedFile>;
  /** Every unit's appendix of a period in one upload; the province's staff only. */
  consolidate(files: File[], options?: ConsolidateOptions): Promise<ConsolidationResult>;
  /** The same consolidation as the workbook (Tình trạng, Tổng hợp, Chi tiết, Lỗi, Xu hướng). */
  consolidationWorkbook(files: File[], options?: ConsolidateOptions): Promise<DownloadedFile>;
  /** One unit's indicators over its last periods in the archive. */
  unitTrend(unit: string, period?: string): Promise<UnitTrend>;
}

export interface ConsolidateOptions {
  /** The units expected to report; those without a file are listed as missing. */
  units?: string[];
  onProgress?: UploadProgress;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createApiClient(options: ApiOptions): ApiClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let token: string | null = null;

  /** <paramref name="onProgress"/> sends through XMLHttpRequest to hear the upload's progress; the answer is handled the same. */
  async function send(path: string, init: RequestInit, onProgress?: UploadProgress): Promise<Response> {
    const attempt = async (): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json, */*');
      if (token) headers.set('Authorization', `Bearer ${token}`);
      try {
        if (onProgress && init.body instanceof FormData) return await postWithProgress(`${base}${path}`, init.body, headers, onProgress);
        return await doFetch(`${base}${path}`, { ...init, headers });
      } catch (cause) {
        // fetch rejects only when no response arrived at all: offline, host down, TLS refused.
        throw new UserFacingError('errOffline', undefined, null, cause);
      }
    };
    let response = await attempt();
    if (response.status === 401 && options.acquireToken) {
      token = await options.acquireToken(token !== null);
      response = await attempt();
    }
    options.onLocalMode?.(response.headers.get('X-Cchc-Local-Mode')?.toLowerCase() === 'true');
    if (!response.ok) throw await toError(response);
    return response;
  }

  async function json<T>(path: string, init: RequestInit, onProgress?: UploadProgress): Promise<T> {
    const response = await send(path, init, onProgress);
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new UserFacingError('errBadResponse', undefined, null, cause);
    }
  }

  const lang = `lang=${options.lang}`;
  return {
    hello: async () => {
      await send('/health/live', { method: 'GET' });
    },
    // The pane holds the table it sent: it asks for the rows the findings point at and the section headings only,
    // which keeps the answer small (the browser asks for it compressed as well).
    check: (snapshot, opts) =>
      json<CheckResult>(`/api/check?rows=findings&${opts?.previousArchive ? 'previous=archive&' : ''}${lang}`, jsonBody(snapshot)),
    prefill: (snapshot) => json<PrefillResult>(`/api/prefill?previous=archive&${lang}`, jsonBody(snapshot)),
    checkFile: (file) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return json<CheckResult>(`/api/files/check?${lang}`, { method: 'POST', body: form });
    },
    fixFile: async (file, opts) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (opts?.only?.length) form.append('only', opts.only.join(','));
      form.append('track', String(opts?.track ?? true));
      const response = await send(`/api/files/fix?${lang}`, { method: 'POST', body: form });
      return {
        blob: await response.blob(),
        fileName: fileNameOf(response) ?? correctedName(file.name),
        applied: countHeader(response, 'X-Cchc-Applied'),
        skipped: countHeader(response, 'X-Cchc-Skipped'),
      };
    },
    consolidate: (files, opts) =>
      json<ConsolidationResult>(`/api/consolidate?include=trends&${lang}`, { method: 'POST', body: consolidationForm(files, opts?.units) }, opts?.onProgress),
    consolidationWorkbook: async (files, opts) => {
      const response = await send(
        `/api/consolidate?${lang}`,
        { method: 'POST', body: consolidationForm(files, opts?.units), headers: { Accept: `${XLSX}, application/problem+json` } },
        opts?.onProgress,
      );
      return { blob: await response.blob(), fileName: fileNameOf(response) ?? 'tong-hop.xlsx', applied: null, skipped: null };
    },
    unitTrend: (unit, period) =>
      json<UnitTrend>(`/api/consolidate/trend?unit=${encodeURIComponent(unit)}${period ? `&period=${encodeURIComponent(period)}` : ''}&${lang}`, { method: 'GET' }),
  };
}

/** The files in order (the upload's progress is told by their sizes in this order) and the list of units, one a line. */
function consolidationForm(files: File[], units?: string[]): FormData {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (units?.length) form.append('units', units.join('\n'));
  return form;
}

function jsonBody(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

async function toError(response: Response): Promise<UserFacingError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as ProblemDetails;
      if (problem && typeof problem === 'object' && (problem.title || problem.detail)) {
        return UserFacingError.problem({ ...problem, status: problem.status ?? response.status });
      }
    } catch {
      // A body that claims JSON but is not: fall through to the status-based message below.
    }
  }
  if (response.status === 401) return new UserFacingError('errSession');
  if (response.status === 403) return new UserFacingError('errConsent');
  return new UserFacingError('errServer', { s: response.status });
}

/** RFC 6266: prefer filename* (UTF-8, Vietnamese names) over the ASCII filename. */
export function fileNameOf(response: Response): string | null {
  const header = response.headers.get('Content-Disposition');
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Malformed percent-encoding: use the plain filename instead.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

function countHeader(response: Response, name: string): number | null {
  const value = response.headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

export function correctedName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-da-sua${name.slice(dot)}` : `${name}-da-sua`;
}
