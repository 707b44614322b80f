import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PrefillProposal, PrefillResult } from '../api/types';
import { useLocale } from './context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalXXS, textAlign: 'left', verticalAlign: 'top' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Only proposals with a value to write can be ticked. */
const writable = (p: PrefillProposal) => p.proposed !== null && p.proposed !== '' && p.proposed !== p.current;

export function PrefillPanel({
  result,
  onWrite,
  onClose,
  busy,
}: {
  result: PrefillResult;
  onWrite(proposals: PrefillProposal[]): void;
  onClose(): void;
  busy: boolean;
}) {
  const { t } = useLocale();
  const styles = useStyles();
  const [ticked, setTicked] = useState<Set<number>>(
    () => new Set(result.proposals.map((p, i) => (p.preselected && writable(p) ? i : -1)).filter((i) => i >= 0)),
  );
  const toggle = (i: number, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });

  if (!result.previous) {
    return (
      <section className={styles.root} data-testid="prefill">
        <Text data-testid="prefill-none">
          {t(result.reason === 'header-incomplete' ? 'prefillNoneHeader' : result.reason === 'archive-not-configured' ? 'prefillNoneArchive' : 'prefillNone')}
        </Text>
        <div className={styles.actions}>
          <Button onClick={onClose}>{t('prefillCancel')}</Button>
        </div>
      </section>
    );
  }
  return (
    <section className={styles.root} data-testid="prefill" aria-label={t('prefillTitle')}>
      <Text weight="semibold">{t('prefillFrom', { p: result.previous.period?.text ?? '?', f: result.previous.fileName ?? result.previous.source })}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} />
            <th className={styles.cell}>{t('colLabel')}</th>
            <th className={styles.cell}>{t('colCurrent')}</th>
            <th className={styles.cell}>{t('colPrevious')}</th>
            <th className={styles.cell}>{t('colProposed')}</th>
          </tr>
        </thead>
        <tbody>
          {result.proposals.map((p, i) => (
            <tr key={i}>
              <td className={styles.cell}>
                <Checkbox
                  checked={ticked.has(i)}
                  disabled={!writable(p)}
                  onChange={(_, d) => toggle(i, d.checked === true)}
                  aria-label={p.label}
                />
              </td>
              <td className={styles.cell}>
                {p.column === 'note' ? `${p.label} (${t('prefillNoteOf')})` : p.valueHeader ? `${p.label} (${p.valueHeader})` : p.label}
              </td>
              <td className={styles.cell}>{p.current || t('empty')}</td>
              <td className={styles.cell}>{p.previous ?? ''}</td>
              <td className={styles.cell}>{p.proposed ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || ticked.size === 0} onClick={() => onWrite(result.proposals.filter((_, i) => ticked.has(i)))}>
          {t('prefillWrite', { n: ticked.size })}
        </Button>
        <Button onClick={onClose}>{t('prefillCancel')}</Button>
      </div>
    </section>
  );
}
