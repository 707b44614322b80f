// Wiring between Office and the app: which adapter, which token sources. Lives here because it names Office.js.
import type { DocumentHost } from '../document';
import { tokenProvider } from '../auth/token';
import { dialogToken, launchedByOffice, officeLoginHint, SsoUnavailableError, ssoToken, standalone, waitForOffice, type OfficeEnvironment } from './host';

export interface Boot {
  env: OfficeEnvironment;
  loadHost?: () => Promise<DocumentHost>;
  acquireToken: (forceRefresh: boolean) => Promise<string>;
}

export async function boot(launched = launchedByOffice(window.location.search, window.self !== window.top)): Promise<Boot> {
  if (!launched) return browserBoot();
  let env: OfficeEnvironment;
  try {
    env = await waitForOffice();
  } catch (error) {
    // Inside Office without office.js the pane can do nothing with the document: say so, and do not pretend to
    // be the upload page.
    return { env: { ...standalone, kind: 'word' }, loadHost: () => Promise.reject(error), acquireToken: () => Promise.reject(error) };
  }
  if (env.kind === 'standalone') return browserBoot();
  const naa = env.supports('NestedAppAuth', '1.1');
  const acquireToken = tokenProvider({
    naa,
    loginHint: naa ? officeLoginHint : null,
    // Office.auth.getAccessToken needs IdentityAPI 1.3; the dialog needs DialogApi 1.1 (not in Office 2016/2019
    // volume-licensed, for instance).
    sso: env.supports('IdentityAPI', '1.3') ? ssoToken : null,
    dialog: env.supports('DialogApi', '1.1') ? dialogToken : null,
    isSsoUnavailable: (e) => e instanceof SsoUnavailableError,
    officeName: env.officeName,
  });
  const loadHost =
    env.kind === 'word'
      ? () => import('./word').then((m) => m.createWordHost(env))
      : () => import('./excel').then((m) => m.createExcelHost(env));
  return { env, loadHost, acquireToken };
}

function browserBoot(): Boot {
  return {
    env: standalone,
    acquireToken: tokenProvider({ naa: false, loginHint: null, sso: null, dialog: null, isSsoUnavailable: () => false, officeName: null }),
  };
}
