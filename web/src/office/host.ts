// Detecting Office and talking to the parts of Office.js that are not about the document: requirement sets,
// display language, settings, SSO and the sign-in dialog. The document itself is word.ts and excel.ts.
import { UserFacingError } from '../errors';

export type OfficeKind = 'word' | 'excel' | 'standalone';

export interface OfficeEnvironment {
  kind: OfficeKind;
  displayLanguage: string | null;
  /** Office's own theme, so the pane matches a dark Office. */
  dark: boolean;
  supports(set: string, version: string): boolean;
}

declare global {
  interface Window {
    /** Set by the office.js script tag's onerror in index.html, which may fire before any module runs. */
    __officeJsFailed?: boolean;
  }
}

export const standalone: OfficeEnvironment = { kind: 'standalone', displayLanguage: null, dark: false, supports: () => false };

/**
 * Whether Office opened this page: Office adds `_host_Info` to the task pane's address (Windows, Mac, iPad) and
 * frames it on the web. A plain browser tab has neither, so it need not wait for office.js from Microsoft's CDN,
 * which on a closed government network may never answer.
 */
export function launchedByOffice(search: string, framed: boolean): boolean {
  return framed || /[?&]_host_info=/i.test(search);
}

/**
 * Resolves once Office says which host we are in, or as standalone when office.js cannot load (plain browser
 * without internet) or onReady reports no host. Never hangs: a plain browser must still get the upload page.
 */
export function waitForOffice(timeoutMs = 5000): Promise<OfficeEnvironment> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (env: OfficeEnvironment) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(env);
    };
    const timer = setTimeout(() => finish(standalone), timeoutMs);

    const whenLoaded = () => {
      if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return finish(standalone);
      Office.onReady((info) => {
        const kind: OfficeKind =
          info.host === Office.HostType.Word ? 'word' : info.host === Office.HostType.Excel ? 'excel' : 'standalone';
        if (kind === 'standalone') return finish(standalone);
        finish({
          kind,
          displayLanguage: Office.context?.displayLanguage ?? null,
          dark: (Office.context?.officeTheme as { isDarkTheme?: boolean } | undefined)?.isDarkTheme ?? false,
          supports: (set, version) => Office.context?.requirements?.isSetSupported(set, version) ?? false,
        });
      }).catch(() => finish(standalone));
    };

    if (window.__officeJsFailed) return finish(standalone);
    if (typeof Office !== 'undefined') return whenLoaded();
    const tag = document.getElementById('office-js');
    if (!tag) return finish(standalone);
    tag.addEventListener('load', whenLoaded, { once: true });
    tag.addEventListener('error', () => finish(standalone), { once: true });
  });
}

/** The OfficeExtension error code of a failed call ('NotAllowed', 'GeneralException', …), or null. */
export function officeErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Per-document state that must survive closing the pane, such as which highlights are ours. */
export const documentSettings = {
  get<T>(name: string): T | null {
    const value = Office.context.document.settings.get(name) as T | null | undefined;
    return value ?? null;
  },
  async set(name: string, value: unknown): Promise<void> {
    const settings = Office.context.document.settings;
    if (value === null) settings.remove(name);
    else settings.set(name, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? 'saveAsync failed')),
      ),
    );
  },
};

/** Codes of Office.auth.getAccessToken after which the dialog sign-in may still work. */
const ssoFallbackCodes = new Set([13000, 13003, 13007, 13012]);

export class SsoUnavailableError extends Error {
  constructor(readonly code: number) {
    super(`SSO unavailable (${code})`);
  }
}

/** Office single sign-on (the manifest's WebApplicationInfo). Maps Microsoft's documented 13xxx codes. */
export async function ssoToken(): Promise<string> {
  if (typeof Office === 'undefined' || !Office.auth?.getAccessToken) throw new SsoUnavailableError(13000);
  try {
    return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
  } catch (error) {
    const code = Number((error as { code?: number | string }).code);
    if (ssoFallbackCodes.has(code)) throw new SsoUnavailableError(code);
    switch (code) {
      case 13001:
        throw new UserFacingError('errSignIn', undefined, null, error);
      case 13002:
        throw new UserFacingError('errSignInCancelled', undefined, null, error);
      case 13005:
        throw new UserFacingError('errConsent', undefined, null, error);
      case 13004:
        throw new UserFacingError('errAuthConfig', { c: code }, null, error);
      case 13008:
      case 13013:
        throw new UserFacingError('errAuthBusy', undefined, null, error);
      case 13006:
      case 13010:
        throw new UserFacingError('errRestartOffice', { c: code }, null, error);
      default:
        throw new UserFacingError('errUnknown', { m: `${code} ${(error as Error).message ?? ''}`.trim() }, null, error);
    }
  }
}

/** Last resort: a sign-in page in an Office dialog that sends back the token with messageParent. */
export function dialogToken(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        const code = result.error.code;
        // 12009: the user declined the dialog prompt; 12011: the browser blocks pop-ups.
        if (code === 12009 || code === 12011) return reject(new UserFacingError('errPopupBlocked'));
        if (code === 12007) return reject(new UserFacingError('errAuthBusy'));
        return reject(new UserFacingError('errAuthConfig', { c: code }));
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? arg.message : '';
        try {
          const parsed = JSON.parse(message) as { token?: string; error?: string };
          if (parsed.token) resolve(parsed.token);
          else reject(new UserFacingError(parsed.error === 'consent_required' ? 'errConsent' : 'errSignIn'));
        } catch {
          reject(new UserFacingError('errSignIn'));
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = 'error' in arg ? arg.error : 0;
        // 12006: the user closed the dialog; 12002/12003: the page could not be shown.
        reject(new UserFacingError(code === 12006 ? 'errSignInCancelled' : 'errAuthConfig', { c: code }));
      });
    });
  });
}

/** Used by the dialog page to hand the token to the pane. */
export function messageParent(message: string): void {
  Office.context.ui.messageParent(message);
}
