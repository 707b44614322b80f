// Wiring between Office and the app: which adapter, which token sources. Lives here because it names Office.js.
import type { DocumentHost } from '../document';
import { tokenProvider } from '../auth/token';
import { dialogToken, launchedByOffice, SsoUnavailableError, ssoToken, standalone, waitForOffice, type OfficeEnvironment } from './host';

export interface Boot {
  env: OfficeEnvironment;
  loadHost?: () => Promise<DocumentHost>;
  acquireToken: (forceRefresh: boolean) => Promise<string>;
}

export async function boot(): Promise<Boot> {
  const env = launchedByOffice(window.location.search, window.self !== window.top) ? await waitForOffice() : standalone;
  if (env.kind === 'standalone') {
    return { env, acquireToken: tokenProvider({ supportsNaa: false, sso: null, dialog: null, isSsoUnavailable: () => false }) };
  }
  const acquireToken = tokenProvider({
    supportsNaa: env.supports('NestedAppAuth', '1.1'),
    sso: ssoToken,
    dialog: env.supports('DialogApi', '1.1') ? dialogToken : null,
    isSsoUnavailable: (e) => e instanceof SsoUnavailableError,
  });
  const loadHost =
    env.kind === 'word'
      ? () => import('./word').then((m) => m.createWordHost(env))
      : () => import('./excel').then((m) => m.createExcelHost(env));
  return { env, loadHost, acquireToken };
}
