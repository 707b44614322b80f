import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './office/boot';
import { App } from './ui/App';

const root = createRoot(document.getElementById('root')!);

// Rendering waits for Office.onReady inside boot(); outside Office boot() falls back to standalone quickly.
// The upload page is Vietnamese unless ?lang=en asks otherwise; in Office, Office's display language decides.
void boot().then(({ env, loadHost, acquireToken }) => {
  root.render(
    <StrictMode>
      <App
        mode={env.kind === 'standalone' ? 'standalone' : 'office'}
        displayLanguage={env.kind === 'standalone' ? new URLSearchParams(window.location.search).get('lang') ?? 'vi' : env.displayLanguage}
        dark={env.dark}
        loadHost={loadHost}
        acquireToken={acquireToken}
      />
    </StrictMode>,
  );
});
