import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Finding, ReportRow, Severity, ValueColumn } from '../api/types';
import { useLocale } from './context';
import { cellText } from './findings';

const useStyles = makeStyles({
  wrap: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, textAlign: 'left', padding: tokens.spacingVerticalXS },
  td: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  error: { backgroundColor: tokens.colorPaletteRedBackground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  section: { fontWeight: tokens.fontWeightSemibold },
});

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A column of the table as shown: one of the five, a value column by its index among several. */
interface Shown {
  key: string;
  column: 'no' | 'label' | 'unit' | 'value' | 'note';
  valueColumn: number;
  header: string;
}

const cellKey = (row: number, column: string, valueColumn: number | null | undefined) => `${row}:${column}:${column === 'value' ? (valueColumn ?? 0) : 0}`;

/** The appendix as the host read it from the file, every value column shown, worst finding per cell coloured. */
export function AppendixTable({
  rows,
  findings,
  selected,
  valueColumns,
}: {
  rows: readonly ReportRow[];
  findings: readonly Finding[];
  selected: Finding | null;
  valueColumns?: readonly ValueColumn[];
}) {
  const { t } = useLocale();
  const styles = useStyles();
  const worst = useMemo(() => {
    const map = new Map<string, Severity>();
    for (const f of findings) {
      const key = cellKey(f.row, f.column, f.valueColumn);
      const had = map.get(key);
      if (!had || rank[f.severity] > rank[had]) map.set(key, f.severity);
    }
    return map;
  }, [findings]);
  const values: Shown[] =
    valueColumns && valueColumns.length > 1
      ? valueColumns.map((c) => ({ key: `value${c.index}`, column: 'value', valueColumn: c.index, header: c.header || t('colValue') }))
      : [{ key: 'value', column: 'value', valueColumn: 0, header: t('colValue') }];
  const COLUMNS: Shown[] = [
    { key: 'no', column: 'no', valueColumn: 0, header: t('colNo') },
    { key: 'label', column: 'label', valueColumn: 0, header: t('colLabel') },
    { key: 'unit', column: 'unit', valueColumn: 0, header: t('colUnit') },
    ...values,
    { key: 'note', column: 'note', valueColumn: 0, header: t('colNote') },
  ];
  return (
    // A region the keyboard can reach: the table scrolls on its own, so it must be focusable to be scrolled without a mouse.
    <div className={styles.wrap} role="region" aria-label={t('appendixTable')} tabIndex={0}>
      <table className={styles.table} aria-label={t('appendixTable')} data-testid="appendix">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} className={styles.th} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-row={r.row}>
              {COLUMNS.map((c) => {
                const severity = worst.get(cellKey(r.row, c.column, c.valueColumn));
                const isCurrent =
                  selected !== null && selected.row === r.row && selected.column === c.column && (c.column !== 'value' || (selected.valueColumn ?? 0) === c.valueColumn);
                return (
                  <td
                    key={c.key}
                    data-severity={severity}
                    data-column={c.column}
                    data-value-column={c.column === 'value' ? c.valueColumn : undefined}
                    className={mergeClasses(styles.td, severity && styles[severity], isCurrent && styles.current, r.no === r.section && styles.section)}
                    ref={isCurrent ? (el) => el?.scrollIntoView?.({ block: 'center' }) : undefined}
                  >
                    {cellText(r, c.column, c.valueColumn)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
