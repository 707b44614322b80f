import { describe, expect, it, vi } from 'vitest';
import { describeOffice, dialogToken, launchedByOffice, SsoUnavailableError, ssoToken, waitForOffice } from '../src/office/host';

const noStorage = { getItem: () => null };

describe('launchedByOffice', () => {
  it.each([
    ['?_host_Info=Word$Win32$16.01$vi-VN$$$$0', false, true],
    ['?lang=en&_host_Info=Excel$Mac$16.01$en-US$$$$0', false, true],
    ['', true, true],
    ['', false, false],
    ['?lang=en', false, false],
    ['?x_host_Info=1', false, false],
  ])('search %j framed %s → %s', (search, framed, expected) => {
    expect(launchedByOffice(search, framed, noStorage)).toBe(expected);
  });

  it('launchedByOffice_PaneReloadedWithoutHostInfo_StillInOffice', () => {
    expect(launchedByOffice('', false, { getItem: (k) => (k === 'hostInfoValue' ? 'Word|Win32|16.01|vi-VN' : null) })).toBe(true);
  });
});

function stubOffice(host: string | null, extra: Record<string, unknown> = {}) {
  vi.stubGlobal('Office', {
    HostType: { Word: 'Word', Excel: 'Excel' },
    onReady: async () => ({ host }),
    context: { displayLanguage: 'vi-VN', diagnostics: { platform: 'PC', version: '16.0.10730.20102' }, requirements: { isSetSupported: () => true } },
    ...extra,
  });
}

describe('waitForOffice', () => {
  it('waitForOffice_OfficeJsSlowerThanFiveSeconds_StillWaitsForWord', async () => {
    vi.useFakeTimers();
    try {
      stubOffice('Word');
      let loaded!: () => void;
      const pending = waitForOffice(() => new Promise<void>((resolve) => (loaded = resolve)));
      let settled = false;
      void pending.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(30_000);
      expect(settled).toBe(false);
      loaded();
      await expect(pending).resolves.toMatchObject({ kind: 'word', officeName: 'Word 16.0.10730 (Windows)' });
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it('waitForOffice_OfficeJsUnreachable_RejectsInsteadOfShowingTheUploadPage', async () => {
    const { UserFacingError } = await import('../src/errors');
    await expect(waitForOffice(() => Promise.reject(new UserFacingError('errOfficeJs')))).rejects.toMatchObject({ key: 'errOfficeJs' });
  });

  it('describeOffice_NamesHostVersionAndPlatform', () => {
    expect(describeOffice('excel', { platform: 'Mac', version: '16.89.1' })).toBe('Excel 16.89.1 (Mac)');
    expect(describeOffice('word', undefined)).toBe('Word');
  });
});

describe('ssoToken', () => {
  // Microsoft's SSO troubleshooting: 13005 and 50001 mean "use another way to sign in".
  it.each([13005, 50001, 13012])('ssoToken_Code%s_LetsTheDialogTakeOver', async (code) => {
    stubOffice('Word', { auth: { getAccessToken: () => Promise.reject({ code, message: 'x' }) } });
    try {
      await expect(ssoToken()).rejects.toBeInstanceOf(SsoUnavailableError);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('ssoToken_UserClosedThePrompt_IsCancellationNotFailure', async () => {
    stubOffice('Word', { auth: { getAccessToken: () => Promise.reject({ code: 13002 }) } });
    try {
      await expect(ssoToken()).rejects.toMatchObject({ key: 'errSignInCancelled' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('dialogToken', () => {
  function stubDialog(events: (handlers: Record<string, (arg: unknown) => void>) => void) {
    const handlers: Record<string, (arg: unknown) => void> = {};
    stubOffice('Word', {
      AsyncResultStatus: { Succeeded: 'succeeded' },
      EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    });
    (Office as unknown as { context: Record<string, unknown> }).context.ui = {
      displayDialogAsync: (_url: string, _o: unknown, cb: (r: unknown) => void) => {
        cb({ status: 'succeeded', value: { close() {}, addEventHandler: (type: string, h: (arg: unknown) => void) => (handlers[type] = h) } });
        events(handlers);
      },
    };
  }

  it('dialogToken_UserClosesTheDialog_SaysSignInWasCancelled', async () => {
    stubDialog((h) => setTimeout(() => h.event!({ error: 12006 })));
    try {
      await expect(dialogToken('https://x/auth-dialog.html')).rejects.toMatchObject({ key: 'errSignInCancelled' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('dialogToken_MsalCancelledInsideTheDialog_SaysSignInWasCancelled', async () => {
    stubDialog((h) => setTimeout(() => h.message!({ message: JSON.stringify({ error: 'user_cancelled' }) })));
    try {
      await expect(dialogToken('https://x/auth-dialog.html')).rejects.toMatchObject({ key: 'errSignInCancelled' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
