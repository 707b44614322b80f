import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TrendSeries } from '../../api/consolidation';
import { useLocale } from '../context';
import { figure } from './format';
import { useText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Each period as a date at its end, so the chart's time axis keeps the periods in order and evenly apart. */
function periodEnd(slug: string): Date {
  const [year = '1970', kind = 'nam'] = slug.split(/-(.+)/);
  const month = kind.startsWith('q') ? Number(kind.slice(1)) * 3 : kind === '6-thang' ? 6 : kind === '9-thang' ? 9 : 12;
  return new Date(Date.UTC(Number(year), month - 1, 28));
}

/**
 * One indicator over the periods, Fluent UI's line chart, this period's point marked in the brand colour and its value
 * written under the chart: loaded only when a chart is shown, so the pane's first screen stays light.
 */
export default function TrendChart({ series, width }: { series: TrendSeries; width?: number }) {
  const text = useText();
  const { lang } = useLocale();
  const styles = useStyles();
  const points = series.points.filter((p) => p.value !== null);
  const last = series.points[series.points.length - 1];
  if (points.length < 2) {
    return (
      <div className={styles.root} data-testid="trend" data-id={series.id}>
        <Text weight="semibold">{series.label}</Text>
        <Text>{text('trendNone')}</Text>
      </div>
    );
  }

  const names = new Map(series.points.map((p) => [periodEnd(p.period).getTime(), p.name]));
  const line: LineChartPoints = {
    legend: `${series.label}${series.median ? ` ${text('trendMedian')}` : ''}`,
    color: tokens.colorPaletteBlueForeground2,
    data: points.map((p) => ({
      x: periodEnd(p.period),
      y: p.value!,
      xAxisCalloutData: p.name,
      yAxisCalloutData: `${figure(p.value, series.unit)} (${p.reported}/${p.of})`,
      markerColor: p === last ? tokens.colorBrandBackground : undefined,
    })),
  };
  return (
    <div className={styles.root} data-testid="trend" data-id={series.id}>
      <Text weight="semibold">
        {series.label} ({series.unit}){series.median ? ` ${text('trendMedian')}` : ''}
      </Text>
      <LineChart
        data={{ chartTitle: series.label, lineChartData: [line] }}
        height={220}
        width={width}
        culture={lang === 'en' ? 'en-GB' : 'vi-VN'}
        tickValues={points.map((p) => periodEnd(p.period))}
        customDateTimeFormatter={(d: Date) => names.get(d.getTime()) ?? ''}
        hideLegend
      />
      {last && (
        <Text data-testid="trend-this">
          {text('trendThis', { p: last.name, v: last.value === null ? '—' : figure(last.value, series.unit) })}
        </Text>
      )}
    </div>
  );
}
