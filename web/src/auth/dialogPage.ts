// Runs in the Office sign-in dialog (the fallback where Office has neither nested app authentication nor SSO):
// an MSAL redirect sign-in through the redirect bridge, which brings the answer back here; then the token goes
// to the pane with messageParent.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { messageParent, officeReady } from '../office/host';
import { authConfig } from './config';
import { REDIRECT_BRIDGE } from './msal';

async function run(): Promise<void> {
  // office.js is this page's own script tag; the dialog exists only inside Office, so there is no timeout.
  await officeReady();
  const send = (message: object) => messageParent(JSON.stringify(message));
  const config = authConfig();
  if (!config) return send({ error: 'not_configured' });
  const app = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${window.location.origin}${REDIRECT_BRIDGE}` },
  });
  try {
    const result = await app.handleRedirectPromise();
    if (result) return send({ token: result.accessToken });
    await app.acquireTokenRedirect({ scopes: [config.scope] });
  } catch (error) {
    send({ error: (error as { errorCode?: string }).errorCode ?? 'sign_in_failed' });
  }
}

void run();
