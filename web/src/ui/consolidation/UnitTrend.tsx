import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { UnitTrend as Trend } from '../../api/consolidation';
import type { Period } from '../../api/types';
import { ErrorBar } from '../ErrorBar';
import { useText } from './strings';

const TrendChart = lazy(() => import('./TrendChart'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** 2026-q2, 2026-6-thang: the period as the API's query writes it. */
function slugOf(period: Period | null): string | undefined {
  if (!period) return undefined;
  const kind = period.kind === 'quarter' ? `q${period.number}` : period.kind === 'six-months' ? '6-thang' : period.kind === 'nine-months' ? '9-thang' : 'nam';
  return `${period.year}-${kind}`;
}

/**
 * In the task pane: this unit's chosen indicators over its periods in the archive, on request. The chart's code is
 * fetched only then, so the pane's first screen stays within its budget.
 */
export function UnitTrend({ api, unit, period }: { api: ApiClient; unit: string | null; period: Period | null }) {
  const text = useText();
  const styles = useStyles();
  const [trend, setTrend] = useState<Trend | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      setTrend(await api.unitTrend(unit, slugOf(period)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={text('trendUnitTitle')} data-testid="unit-trend">
      {!trend && (
        <Button onClick={() => void load()} disabled={busy || !unit} title={unit ? undefined : text('trendNoUnit')}>
          {text('trendShow')}
        </Button>
      )}
      {busy && <Spinner size="tiny" label={text('trendLoading')} />}
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      {trend && (
        <>
          <Text weight="semibold">{text('trendUnitTitle')}</Text>
          {trend.series.length === 0 && <Text>{text('trendNone')}</Text>}
          <Suspense fallback={<Spinner size="tiny" label={text('trendLoading')} />}>
            {trend.series.map((s) => (
              <TrendChart key={s.id} series={s} />
            ))}
          </Suspense>
        </>
      )}
    </section>
  );
}
