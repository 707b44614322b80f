import { UserFacingError } from '../errors';
import { authConfig } from './config';

export interface TokenSources {
  /** Office's NestedAppAuth 1.1 requirement set. */
  naa: boolean;
  /** The account Office is signed in with (Office.auth.getAuthContext, NestedAppAuth 1.1). */
  loginHint: (() => Promise<string | null>) | null;
  /** Office single sign-on (IdentityAPI 1.3). */
  sso: (() => Promise<string>) | null;
  /** MSAL in an Office dialog (DialogApi 1.1). */
  dialog: ((url: string) => Promise<string>) | null;
  /** SsoUnavailableError from host.ts: the codes after which the dialog may still work. */
  isSsoUnavailable: (error: unknown) => boolean;
  /** The Office in use ("Word 16.0.10730 (Windows)"); null in a plain browser. */
  officeName: string | null;
}

/** The page the sign-in dialog opens; it comes back to itself through the redirect bridge. */
export const DIALOG_PAGE = '/auth-dialog.html';

/**
 * The order Microsoft recommends: nested app authentication, then Office SSO, then a sign-in dialog; in a plain
 * browser a pop-up. Each path's own errors are mapped where they occur; only "this path is unavailable" moves on
 * to the next, and when no path exists the message names the Office version, because configuration is not what
 * is wrong then.
 */
export function tokenProvider(sources: TokenSources): (forceRefresh: boolean) => Promise<string> {
  return async (forceRefresh) => {
    // The pane's app registration (build settings); Office SSO alone can do without, through the manifest's.
    const config = authConfig();
    if (sources.officeName === null) {
      if (!config) throw new UserFacingError('errAuthConfig', { c: 'client-id' });
      const { browserToken } = await import('./msal');
      return browserToken(config, forceRefresh);
    }
    if (sources.naa && config) {
      const { naaToken } = await import('./msal');
      return naaToken(config, forceRefresh, (await sources.loginHint?.()) ?? null);
    }
    if (sources.sso) {
      try {
        return await sources.sso();
      } catch (error) {
        if (!sources.isSsoUnavailable(error)) throw error;
      }
    }
    if (sources.dialog && config) return sources.dialog(`${window.location.origin}${DIALOG_PAGE}`);
    if (!config) throw new UserFacingError('errAuthConfig', { c: 'client-id' });
    throw new UserFacingError('errNoSignIn', { v: sources.officeName });
  };
}
