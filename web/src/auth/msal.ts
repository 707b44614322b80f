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

let nested: Promise<IPublicClientApplication> | null = null;
let standard: Promise<IPublicClientApplication> | null = null;

function mapMsalError(error: unknown): UserFacingError {
  const code = (error as { errorCode?: string }).errorCode ?? '';
  if (code === BrowserAuthErrorCodes.userCancelled) return new UserFacingError('errSignInCancelled', undefined, null, error);
  if (code === BrowserAuthErrorCodes.popupWindowError || code === BrowserAuthErrorCodes.emptyWindowError)
    return new UserFacingError('errPopupBlocked', undefined, null, error);
  if (code === BrowserAuthErrorCodes.interactionInProgress) return new UserFacingError('errAuthBusy', undefined, null, error);
  if (code === 'consent_required' || code === 'invalid_grant') return new UserFacingError('errConsent', undefined, null, error);
  return new UserFacingError('errSignIn', undefined, null, error);
}

async function acquire(app: IPublicClientApplication, config: AuthConfig, forceRefresh: boolean): Promise<string> {
  const request = { scopes: [config.scope], forceRefresh };
  try {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    const result = await app.acquireTokenSilent(account ? { ...request, account } : request);
    return result.accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError) && !String((error as Error).message).includes('interaction')) throw mapMsalError(error);
  }
  try {
    const result = await app.acquireTokenPopup({ scopes: [config.scope] });
    app.setActiveAccount(result.account);
    return result.accessToken;
  } catch (error) {
    throw mapMsalError(error);
  }
}

/** Nested app authentication: Office brokers the token; no dialog of our own. */
export async function naaToken(config: AuthConfig, forceRefresh: boolean): Promise<string> {
  nested ??= createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  return acquire(await nested, config, forceRefresh);
}

/** A plain browser (standalone mode) signs in with a pop-up. */
export async function browserToken(config: AuthConfig, forceRefresh: boolean): Promise<string> {
  standard ??= createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${window.location.origin}/auth-dialog.html` },
  });
  return acquire(await standard, config, forceRefresh);
}
