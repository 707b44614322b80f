import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { ConsolidatedIndicator } from '../../api/consolidation';
import { figure, spread } from './format';
import { useText } from './strings';

const useStyles = makeStyles({
  scroll: { maxHeight: '70vh', overflow: 'auto' },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The consolidated appendix: each figure with how many units it covers, rates without counts only as a spread. */
export function IndicatorTable({ indicators }: { indicators: ConsolidatedIndicator[] }) {
  const text = useText();
  const styles = useStyles();
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={text('appendixTitle')}>
      <Table size="small" aria-label={text('appendixTitle')} data-testid="indicator-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text('colIndicator')}</TableHeaderCell>
            <TableHeaderCell>{text('colMeasure')}</TableHeaderCell>
            <TableHeaderCell>{text('colValue')}</TableHeaderCell>
            <TableHeaderCell>{text('colReported')}</TableHeaderCell>
            <TableHeaderCell>{text('colSpread')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {indicators.map((i) => (
            <TableRow key={i.id} data-testid="indicator" data-id={i.id} data-value={i.value ?? ''} data-reported={i.reported} data-of={i.of}>
              <TableCell>{i.label}</TableCell>
              <TableCell>{i.unit}</TableCell>
              <TableCell className={styles.number}>
                {i.value === null ? <Text className={styles.muted}>{text('noTotal')}</Text> : figure(i.value, i.unit)}
              </TableCell>
              <TableCell className={styles.number}>
                {i.reported}/{i.of}
              </TableCell>
              <TableCell className={styles.number}>{spread(i)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
