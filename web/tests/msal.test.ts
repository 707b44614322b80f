import type { IPublicClientApplication } from '@azure/msal-browser';
import { InteractionRequiredAuthError } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { acquire } from '../src/auth/msal';

const config = { clientId: 'c', authority: 'https://login.microsoftonline.com/organizations', scope: 'api://h/c/access_as_user' };
const account = { username: 'can.bo@ngannam.gov.vn' };

function app(over: Partial<Record<keyof IPublicClientApplication, unknown>>): IPublicClientApplication {
  return {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: vi.fn(),
    ...over,
  } as unknown as IPublicClientApplication;
}

describe('MSAL token', () => {
  it('acquire_NoCachedAccount_SignsInSilentlyWithOfficesLoginHint', async () => {
    const ssoSilent = vi.fn(async () => ({ accessToken: 't', account }));
    const acquireTokenSilent = vi.fn();
    const token = await acquire(app({ ssoSilent, acquireTokenSilent }), config, false, 'can.bo@ngannam.gov.vn');
    expect(token).toBe('t');
    expect(acquireTokenSilent).not.toHaveBeenCalled();
    expect(ssoSilent).toHaveBeenCalledWith({ scopes: [config.scope], loginHint: 'can.bo@ngannam.gov.vn' });
  });

  it('acquire_SilentNeedsTheUser_PopUpWithTheSameHint', async () => {
    const acquireTokenPopup = vi.fn(async () => ({ accessToken: 'p', account }));
    const token = await acquire(
      app({ ssoSilent: () => Promise.reject(new InteractionRequiredAuthError('login_required', 'correlation')), acquireTokenPopup }),
      config,
      false,
      'can.bo@ngannam.gov.vn',
    );
    expect(token).toBe('p');
    expect(acquireTokenPopup).toHaveBeenCalledWith({ scopes: [config.scope], loginHint: 'can.bo@ngannam.gov.vn' });
  });

  it('acquire_UserClosesThePopup_SaysSignInWasCancelled', async () => {
    const error = await acquire(
      app({
        ssoSilent: () => Promise.reject(new InteractionRequiredAuthError('login_required', 'correlation')),
        acquireTokenPopup: () => Promise.reject(Object.assign(new Error('cancelled'), { errorCode: 'user_cancelled' })),
      }),
      config,
      false,
      null,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'errSignInCancelled' });
  });
});
