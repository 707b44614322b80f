// App registration values come from the build environment; none are secrets. Without them the pane works only
// against a host in local mode, and says so when the host asks for a token.
export interface AuthConfig {
  clientId: string;
  authority: string;
  /** The host API's scope, e.g. api://localhost:7190/<client id>/access_as_user. */
  scope: string;
}

export function authConfig(): AuthConfig | null {
  const clientId = import.meta.env.VITE_AAD_CLIENT_ID as string | undefined;
  if (!clientId) return null;
  return {
    clientId,
    authority: (import.meta.env.VITE_AAD_AUTHORITY as string | undefined) ?? 'https://login.microsoftonline.com/organizations',
    scope: (import.meta.env.VITE_API_SCOPE as string | undefined) ?? `api://${window.location.host}/${clientId}/access_as_user`,
  };
}
