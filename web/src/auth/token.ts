import { UserFacingError } from '../errors';
import { authConfig } from './config';

export interface TokenSources {
  /** Office's NestedAppAuth 1.1 requirement set. */
  supportsNaa: boolean;
  sso: (() => Promise<string>) | null;
  dialog: ((url: string) => Promise<string>) | null;
  /** SsoUnavailableError from host.ts: the codes after which the dialog may still work. */
  isSsoUnavailable: (error: unknown) => boolean;
}

/**
 * The order Microsoft recommends: nested app authentication, then Office SSO, then a sign-in dialog.
 * Each path's own errors are mapped where they occur; only "this path is unavailable" moves on to the next.
 */
export function tokenProvider(sources: TokenSources): (forceRefresh: boolean) => Promise<string> {
  return async (forceRefresh) => {
    const config = authConfig();
    if (sources.supportsNaa && config) {
      const { naaToken } = await import('./msal');
      return naaToken(config, forceRefresh);
    }
    if (sources.sso) {
      try {
        return await sources.sso();
      } catch (error) {
        if (!sources.isSsoUnavailable(error)) throw error;
      }
    }
    if (sources.dialog && config) return sources.dialog(`${window.location.origin}/auth-dialog.html`);
    if (!sources.sso && !sources.dialog && config) {
      const { browserToken } = await import('./msal');
      return browserToken(config, forceRefresh);
    }
    throw new UserFacingError('errAuthConfig', { c: 'client-id' });
  };
}
