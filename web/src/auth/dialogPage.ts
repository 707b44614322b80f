// Runs in the Office sign-in dialog (the last fallback): MSAL redirect sign-in, then the token goes to the pane.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { messageParent, waitForOffice } from '../office/host';
import { authConfig } from './config';

async function run(): Promise<void> {
  const env = await waitForOffice();
  const send = (message: object) => (env.kind === 'standalone' ? undefined : messageParent(JSON.stringify(message)));
  const config = authConfig();
  if (!config) return send({ error: 'not_configured' });
  const app = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${window.location.origin}/auth-dialog.html` },
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
