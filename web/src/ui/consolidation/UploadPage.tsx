import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { Standalone } from '../Standalone';
import { useText } from './strings';

const ConsolidationView = lazy(() => import('./ConsolidationView').then((m) => ({ default: m.ConsolidationView })));

type View = 'check' | 'consolidate';

const viewOf = (hash: string): View => (hash === '#tong-hop' ? 'consolidate' : 'check');

/** The upload page: check one file, or (#tong-hop) consolidate every unit's; the address keeps the view, so it can be bookmarked. */
export function UploadPage({ api }: { api: ApiClient }) {
  const text = useText();
  const [view, setView] = useState<View>(() => viewOf(window.location.hash));

  useEffect(() => {
    const onHash = () => setView(viewOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const choose = (next: View) => {
    setView(next);
    history.replaceState(null, '', next === 'consolidate' ? '#tong-hop' : window.location.pathname + window.location.search);
  };

  return (
    <>
      <TabList selectedValue={view} onTabSelect={(_, d) => choose(d.value as View)}>
        <Tab value="check" data-testid="tab-check">
          {text('tabCheck')}
        </Tab>
        <Tab value="consolidate" data-testid="tab-consolidate">
          {text('tabConsolidate')}
        </Tab>
      </TabList>
      {view === 'check' ? (
        <Standalone api={api} />
      ) : (
        <Suspense fallback={<Spinner size="small" />}>
          <ConsolidationView api={api} />
        </Suspense>
      )}
    </>
  );
}
