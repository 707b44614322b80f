// The JSON of POST /api/consolidate and GET /api/consolidate/trend (docs/api.md, "Consolidation").

export interface ConsolidatedUnit {
  unit: string;
  /** Null for a unit that sent nothing. */
  file: string | null;
  template: string | null;
  errors: number;
  warnings: number;
  infos: number;
  readyToSign: boolean;
}

export interface ConsolidatedIndicator {
  id: string;
  label: string;
  unit: string;
  type: 'count' | 'percent' | 'yes-no' | 'code' | 'text';
  /** The total, the number of units answering yes, or the recomputed rate; null where only the spread is given. */
  value: number | null;
  reported: number;
  of: number;
  min: number | null;
  median: number | null;
  max: number | null;
}

export interface ExcludedFile {
  file: string;
  reason: string;
}

export interface TrendPoint {
  /** 2026-q2 */
  period: string;
  /** "quý II năm 2026" */
  name: string;
  value: number | null;
  reported: number;
  of: number;
}

export interface TrendSeries {
  id: string;
  label: string;
  unit: string;
  type: string;
  /** True where the points are medians, the indicator having no total. */
  median: boolean;
  points: TrendPoint[];
}

export interface ConsolidationResult {
  period: string | null;
  units: ConsolidatedUnit[];
  indicators: ConsolidatedIndicator[];
  excluded: ExcludedFile[];
  /** Only with include=trends. */
  trends?: TrendSeries[];
}

export interface UnitTrend {
  unit: string;
  period: string | null;
  series: TrendSeries[];
}

/** Bytes of the request body sent so far, of the total, as the browser reports them. */
export type UploadProgress = (loaded: number, total: number) => void;

/**
 * POSTs a form with XMLHttpRequest, the one browser API that reports upload progress, and hands back a standard
 * Response so the caller treats it as any fetch answer. Rejects only when no answer arrived, as fetch does.
 */
export function postWithProgress(url: string, body: FormData, headers: Headers, onProgress: UploadProgress): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'blob';
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      const responseHeaders = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) responseHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      // A Response cannot carry a status outside 200–599; XHR reports 0 only on a network failure, handled below.
      resolve(new Response(xhr.response as Blob, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders }));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new TypeError('aborted'));
    xhr.send(body);
  });
}
