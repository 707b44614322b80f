import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../src/errors';

const msal = vi.hoisted(() => ({ naaToken: vi.fn(), browserToken: vi.fn() }));
vi.mock('../src/auth/msal', () => msal);

import { tokenProvider, type TokenSources } from '../src/auth/token';

const unavailable = new Error('sso unavailable');
const sources = (over: Partial<TokenSources>): TokenSources => ({
  naa: false,
  loginHint: null,
  sso: null,
  dialog: null,
  isSsoUnavailable: (e) => e === unavailable,
  officeName: 'Word 16.0.10730 (Windows)',
  ...over,
});

describe('tokenProvider', () => {
  beforeEach(() => {
    vi.stubEnv('VITE_AAD_CLIENT_ID', '11111111-2222-3333-4444-555555555555');
    msal.naaToken.mockReset();
    msal.browserToken.mockReset();
  });
  afterEach(() => vi.unstubAllEnvs());

  it('tokenProvider_Naa_UsesTheAccountOfficeIsSignedInWith', async () => {
    msal.naaToken.mockResolvedValue('naa-token');
    const get = tokenProvider(sources({ naa: true, loginHint: async () => 'can.bo@ngannam.gov.vn', dialog: vi.fn() }));
    await expect(get(false)).resolves.toBe('naa-token');
    expect(msal.naaToken).toHaveBeenCalledWith(expect.objectContaining({ clientId: '11111111-2222-3333-4444-555555555555' }), false, 'can.bo@ngannam.gov.vn');
  });

  it('tokenProvider_NoNaaAndSsoUnavailable_FallsBackToTheDialog', async () => {
    const dialog = vi.fn(async (_url: string) => 'dialog-token');
    const get = tokenProvider(sources({ sso: () => Promise.reject(unavailable), dialog }));
    await expect(get(false)).resolves.toBe('dialog-token');
    expect(dialog.mock.calls[0]![0]).toMatch(/\/auth-dialog\.html$/);
  });

  it('tokenProvider_NoNaaNoSso_GoesStraightToTheDialog', async () => {
    const dialog = vi.fn(async () => 'dialog-token');
    await expect(tokenProvider(sources({ dialog }))(false)).resolves.toBe('dialog-token');
  });

  it('tokenProvider_NoMethodInThisOffice_NamesTheOfficeVersionNotConfiguration', async () => {
    const error = await tokenProvider(sources({}))(false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ key: 'errNoSignIn', args: { v: 'Word 16.0.10730 (Windows)' } });
  });

  it('tokenProvider_CancelledOnce_TriesAgainOnTheNextRequest', async () => {
    const dialog = vi.fn().mockRejectedValueOnce(new UserFacingError('errSignInCancelled')).mockResolvedValueOnce('dialog-token');
    const get = tokenProvider(sources({ dialog }));
    await expect(get(false)).rejects.toMatchObject({ key: 'errSignInCancelled' });
    await expect(get(false)).resolves.toBe('dialog-token');
  });

  it('tokenProvider_PlainBrowser_SignsInWithAPopup', async () => {
    msal.browserToken.mockResolvedValue('popup-token');
    await expect(tokenProvider(sources({ officeName: null }))(false)).resolves.toBe('popup-token');
  });

  it('tokenProvider_NoRegistrationAndNoSso_SaysConfiguration', async () => {
    vi.stubEnv('VITE_AAD_CLIENT_ID', '');
    await expect(tokenProvider(sources({ dialog: vi.fn() }))(false)).rejects.toMatchObject({ key: 'errAuthConfig' });
  });
});
