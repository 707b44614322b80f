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
  /** Which Office this is, for messages ("Word 16.0.10730 (Windows)"); null outside Office. */
  officeName: string | null;
}

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export const standalone: OfficeEnvironment = { kind: 'standalone', displayLanguage: null, dark: false, supports: () => false, officeName: null };

/**
 * Whether Office opened this page: Office adds `_host_Info` to the task pane's address (Windows, Mac, iPad) and
 * frames it on the web; office.js keeps that host information in session storage when the pane reloads itself.
 * A plain browser tab has none of these, so it never loads office.js from Microsoft's CDN, which on a closed
 * government network may never answer.
 */
export function launchedByOffice(search: string, framed: boolean, storage: Pick<Storage, 'getItem'> | null = safeSessionStorage()): boolean {
  return framed || /[?&]_host_info=/i.test(search) || Boolean(storage?.getItem('hostInfoValue'));
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (privacy settings): the address and framing still tell.
    return null;
  }
}

/**
 * Adds office.js to the page. It is not in index.html: a plain browser never needs it, and a script tag there
 * could only report a failed load through an inline handler, which the host's Content-Security-Policy forbids.
 */
export function loadOfficeJs(doc: Document = document): Promise<void> {
  if (typeof Office !== 'undefined') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const tag = doc.createElement('script');
    tag.src = OFFICE_JS_URL;
    tag.addEventListener('load', () => resolve(), { once: true });
    tag.addEventListener('error', () => reject(new UserFacingError('errOfficeJs')), { once: true });
    doc.head.appendChild(tag);
  });
}

/**
 * Inside Office: waits for office.js and Office.onReady for as long as Office takes (a first start on a slow
 * machine can take well over five seconds); never falls back to the upload page there. Rejects only when the
 * script cannot be loaded at all. Resolves as standalone when onReady names no host we serve.
 */
export async function waitForOffice(load: () => Promise<void> = loadOfficeJs): Promise<OfficeEnvironment> {
  await load();
  const info = await Office.onReady();
  const kind: OfficeKind = info.host === Office.HostType.Word ? 'word' : info.host === Office.HostType.Excel ? 'excel' : 'standalone';
  if (kind === 'standalone') return standalone;
  const diagnostics = Office.context?.diagnostics as unknown as { host?: string; platform?: string; version?: string } | undefined;
  return {
    kind,
    displayLanguage: Office.context?.displayLanguage ?? null,
    dark: (Office.context?.officeTheme as { isDarkTheme?: boolean } | undefined)?.isDarkTheme ?? false,
    supports: (set, version) => Office.context?.requirements?.isSetSupported(set, version) ?? false,
    officeName: describeOffice(kind, diagnostics),
  };
}

const platforms: Record<string, string> = { PC: 'Windows', Mac: 'Mac', OfficeOnline: 'trên web', iOS: 'iPad', Universal: 'Windows' };

/** "Word 16.0.10730 (Windows)": the Office a message names, so the officer can tell IT which one it is. */
export function describeOffice(kind: 'word' | 'excel', diagnostics: { platform?: string; version?: string } | undefined): string {
  const name = kind === 'word' ? 'Word' : 'Excel';
  const platform = diagnostics?.platform ? (platforms[diagnostics.platform] ?? diagnostics.platform) : null;
  const version = diagnostics?.version ? diagnostics.version.split('.').slice(0, 3).join('.') : null;
  return [name, version, platform ? `(${platform})` : null].filter(Boolean).join(' ');
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

/**
 * Codes of Office.auth.getAccessToken after which the dialog sign-in may still work. Microsoft's SSO
 * troubleshooting says to fall back for these, 13005 (Office not pre-authorised for the API: invalid grant) and
 * 50001 (SSO not available to this add-in, e.g. an old cached office.js) included.
 */
const ssoFallbackCodes = new Set([13000, 13003, 13005, 13007, 13012, 50001]);

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
          else if (parsed.error === 'user_cancelled') reject(new UserFacingError('errSignInCancelled'));
          else if (parsed.error === 'not_configured') reject(new UserFacingError('errAuthConfig', { c: 'client-id' }));
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

/**
 * The signed-in user as Office knows them (NestedAppAuth 1.1), so MSAL signs in that account without asking
 * which one. Null where Office cannot say.
 */
export async function officeLoginHint(): Promise<string | null> {
  try {
    const context = await Office.auth.getAuthContext();
    return context.loginHint || context.userPrincipalName || null;
  } catch {
    // No account in Office, or a client without the call: MSAL then asks the user.
    return null;
  }
}

/** The dialog page has office.js in its own script tag and exists only inside Office: it waits as long as it takes. */
export async function officeReady(): Promise<void> {
  await Office.onReady();
}

/** Used by the dialog page to hand the token to the pane. */
export function messageParent(message: string): void {
  Office.context.ui.messageParent(message);
}
