import { FluentProvider, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { createApiClient, type ApiClient } from '../api/client';
import type { DocumentHost } from '../document';
import { langFromDisplayLanguage, translator } from '../i18n';
import { LocaleContext } from './context';
import { ErrorBar } from './ErrorBar';

const UploadPage = lazy(() => import('./consolidation/UploadPage').then((m) => ({ default: m.UploadPage })));
const TaskPane = lazy(() => import('./TaskPane').then((m) => ({ default: m.TaskPane })));

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface AppProps {
  /** 'waiting': Office opened the pane and office.js is still loading; nothing but a spinner until it is ready. */
  mode: 'office' | 'standalone' | 'waiting';
  displayLanguage: string | null;
  dark: boolean;
  /** Resolves to the document adapter in Office; rejects with a user-facing error when the host is too old. */
  loadHost?: () => Promise<DocumentHost>;
  acquireToken?: (forceRefresh: boolean) => Promise<string>;
  api?: ApiClient;
}

/** Marks the moment the real view has painted, for the first-render budget the e2e suite measures. */
function FirstRender() {
  useEffect(() => {
    if (performance.getEntriesByName('cchc:first-render').length === 0) performance.mark('cchc:first-render');
  }, []);
  return null;
}

export function App({ mode, displayLanguage, dark, loadHost, acquireToken, api: givenApi }: AppProps) {
  const styles = useStyles();
  const lang = langFromDisplayLanguage(displayLanguage);
  const locale = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const [localMode, setLocalMode] = useState(false);
  const api = useMemo(
    () => givenApi ?? createApiClient({ lang, acquireToken, onLocalMode: setLocalMode }),
    [givenApi, lang, acquireToken],
  );
  const [host, setHost] = useState<DocumentHost | null>(null);
  const [hostError, setHostError] = useState<unknown>(null);

  useEffect(() => {
    if (mode !== 'office' || !loadHost) return;
    loadHost().then(setHost, setHostError);
  }, [mode, loadHost]);

  // The local-mode banner belongs on the first screen, before any upload or check: one cheap request asks.
  // A host that does not answer is reported by the first real request, with what to do; this one stays quiet.
  useEffect(() => {
    if (mode === 'waiting') return;
    api.hello().catch(() => undefined);
  }, [api, mode]);

  const { t } = locale;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang}>
      <LocaleContext.Provider value={locale}>
        <main className={styles.root}>
          <Text as="h1" size={400} weight="semibold">
            {t('appTitle')}
          </Text>
          {localMode && (
            <MessageBar intent="info" data-testid="local-mode">
              <MessageBarBody>{t('localMode')}</MessageBarBody>
            </MessageBar>
          )}
          <ErrorBar error={hostError} />
          {mode === 'waiting' && <Spinner size="small" label={t('waitingForOffice')} data-testid="waiting" />}
          <Suspense fallback={<Spinner size="small" label={t('loading')} />}>
            {mode === 'standalone' && (
              <>
                <UploadPage api={api} />
                <FirstRender />
              </>
            )}
            {mode === 'office' && host && (
              <>
                <TaskPane host={host} api={api} />
                <FirstRender />
              </>
            )}
          </Suspense>
        </main>
      </LocaleContext.Provider>
    </FluentProvider>
  );
}
