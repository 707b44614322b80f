import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './office/boot';
import { launchedByOffice } from './office/host';
import { App } from './ui/App';

const root = createRoot(document.getElementById('root')!);
const launched = launchedByOffice(window.location.search, window.self !== window.top);

// Inside Office the pane waits for office.js for as long as Office takes, saying so; a plain browser gets the
// upload page at once. The upload page is Vietnamese unless ?lang=en asks otherwise; in Office, Office's display
// language decides.
if (launched) root.render(<App mode="waiting" displayLanguage={navigator.language} dark={false} />);
void boot(launched).then(({ env, loadHost, acquireToken }) => {
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
