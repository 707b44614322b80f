// Loaded only when the host asks for a token, so local mode and the first render never pay for MSAL.
import {
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { UserFacingError } from '../errors';
import type { AuthConfig } from './config';

/**
 * MSAL's redirect bridge (msal-browser 5): Entra sends its answer to this page, which hands it to the pane's
 * pop-up or silent request, or, in a redirect flow, back to the page that started it. Registered as an SPA
 * redirect URI; docs/sharepoint.md lists it.
 */
export const REDIRECT_BRIDGE = '/auth-redirect.html';

let nested: Promise<IPublicClientApplication> | null = null;
let standard: Promise<IPublicClientApplication> | null = null;

export function mapMsalError(error: unknown): UserFacingError {
  const code = (error as { errorCode?: string }).errorCode ?? '';
  if (code === BrowserAuthErrorCodes.userCancelled) return new UserFacingError('errSignInCancelled', undefined, null, error);
  if (code === BrowserAuthErrorCodes.popupWindowError || code === BrowserAuthErrorCodes.emptyWindowError)
    return new UserFacingError('errPopupBlocked', undefined, null, error);
  if (code === BrowserAuthErrorCodes.interactionInProgress) return new UserFacingError('errAuthBusy', undefined, null, error);
  if (code === 'consent_required' || code === 'invalid_grant') return new UserFacingError('errConsent', undefined, null, error);
  return new UserFacingError('errSignIn', undefined, null, error);
}

const needsInteraction = (error: unknown) =>
  error instanceof InteractionRequiredAuthError || (error as { errorCode?: string }).errorCode === BrowserAuthErrorCodes.noAccountError;

/**
 * Silently when MSAL can (a cached account, else the account Office names), interactively otherwise. Without an
 * account acquireTokenSilent fails with no_account_error, which is no reason to give up: ssoSilent with the
 * login hint is the silent path then.
 */
export async function acquire(app: IPublicClientApplication, config: AuthConfig, forceRefresh: boolean, loginHint: string | null): Promise<string> {
  const scopes = [config.scope];
  const hint = loginHint ? { loginHint } : {};
  try {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    const result = account ? await app.acquireTokenSilent({ scopes, account, forceRefresh }) : await app.ssoSilent({ scopes, ...hint });
    app.setActiveAccount(result.account);
    return result.accessToken;
  } catch (error) {
    if (!needsInteraction(error) && !String((error as Error).message).includes('interaction')) throw mapMsalError(error);
  }
  try {
    const result = await app.acquireTokenPopup({ scopes, ...hint });
    app.setActiveAccount(result.account);
    return result.accessToken;
  } catch (error) {
    throw mapMsalError(error);
  }
}

/** Nested app authentication: Office brokers the token, so there is no redirect URI of ours. */
export async function naaToken(config: AuthConfig, forceRefresh: boolean, loginHint: string | null): Promise<string> {
  nested ??= createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  return acquire(await nested, config, forceRefresh, loginHint);
}

/** A plain browser (standalone mode) signs in with a pop-up that lands on the redirect bridge. */
export async function browserToken(config: AuthConfig, forceRefresh: boolean): Promise<string> {
  standard ??= createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${window.location.origin}${REDIRECT_BRIDGE}` },
  });
  return acquire(await standard, config, forceRefresh, null);
}
