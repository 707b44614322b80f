import type { ProblemDetails } from './api/types';
import type { Lang, MessageKey, Translate } from './i18n';

/**
 * An error the user should read. Either a message from our catalogue (offline, sign-in, Office too old…)
 * or a Problem Details document from the host, whose Vietnamese title is shown as the host wrote it.
 */
export class UserFacingError extends Error {
  readonly key: MessageKey | null;
  readonly args: Record<string, string | number> | undefined;
  readonly problem: ProblemDetails | null;

  constructor(key: MessageKey | null, args?: Record<string, string | number>, problem?: ProblemDetails | null, cause?: unknown) {
    super(problem?.title ?? key ?? 'error', { cause });
    this.name = 'UserFacingError';
    this.key = key;
    this.args = args;
    this.problem = problem ?? null;
  }

  static problem(problem: ProblemDetails): UserFacingError {
    return new UserFacingError(null, undefined, problem);
  }
}

export interface ShownError {
  title: string;
  detail: string | null;
  code: string | null;
}

/** One sentence with what to do, plus the host's detail when it sent one. Nothing is swallowed: unknown errors keep their message. */
export function describeError(error: unknown, t: Translate, lang: Lang): ShownError {
  if (error instanceof UserFacingError) {
    if (error.problem) {
      const p = error.problem;
      const title = (lang === 'en' ? p.titleEn ?? p.title : p.title) ?? t('errServer', { s: p.status ?? '?' });
      const validation = p.errors ? Object.values(p.errors).flat().join(' ') : '';
      const detail = (lang === 'en' ? p.detailEn ?? p.detail : p.detail) ?? (validation || null);
      return { title, detail, code: p.code ?? null };
    }
    if (error.key) return { title: t(error.key, error.args), detail: null, code: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: t('errUnknown', { m: message }), detail: null, code: null };
}
