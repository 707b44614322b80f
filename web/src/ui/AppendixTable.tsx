import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Column, Finding, ReportRow, Severity } from '../api/types';
import { useLocale } from './context';

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

const COLUMNS: Exclude<Column, 'header'>[] = ['no', 'label', 'unit', 'value', 'note'];
const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The appendix as the host read it from the file, worst finding per cell coloured. */
export function AppendixTable({ rows, findings, selected }: { rows: readonly ReportRow[]; findings: readonly Finding[]; selected: Finding | null }) {
  const { t } = useLocale();
  const styles = useStyles();
  const worst = useMemo(() => {
    const map = new Map<string, Severity>();
    for (const f of findings) {
      const key = `${f.row}:${f.column}`;
      const had = map.get(key);
      if (!had || rank[f.severity] > rank[had]) map.set(key, f.severity);
    }
    return map;
  }, [findings]);
  const headers: Record<(typeof COLUMNS)[number], string> = {
    no: t('colNo'),
    label: t('colLabel'),
    unit: t('colUnit'),
    value: t('colValue'),
    note: t('colNote'),
  };
  return (
    // A region the keyboard can reach: the table scrolls on its own, so it must be focusable to be scrolled without a mouse.
    <div className={styles.wrap} role="region" aria-label={t('appendixTable')} tabIndex={0}>
      <table className={styles.table} aria-label={t('appendixTable')} data-testid="appendix">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} className={styles.th} scope="col">
                {headers[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-row={r.row}>
              {COLUMNS.map((c) => {
                const severity = worst.get(`${r.row}:${c}`);
                const isCurrent = selected !== null && selected.row === r.row && selected.column === c;
                return (
                  <td
                    key={c}
                    data-severity={severity}
                    className={mergeClasses(styles.td, severity && styles[severity], isCurrent && styles.current, r.no === r.section && styles.section)}
                    ref={isCurrent ? (el) => el?.scrollIntoView?.({ block: 'center' }) : undefined}
                  >
                    {r[c]}
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
