import { Badge, Button, makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useMemo, type KeyboardEvent } from 'react';
import type { Finding, Severity } from '../api/types';
import type { MessageKey } from '../i18n';
import { useLocale } from './context';
import { groupFindings, isFixable, visibleOrder, type SeverityFilter } from './findings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { listStyle: 'none', margin: 0, padding: 0, outline: 'none', overflowY: 'auto' },
  groupTitle: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    color: tokens.colorNeutralForeground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid transparent`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  // The badge keeps its one line ("Cảnh báo" must not break into two) and the label takes what is left.
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  label: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  proposal: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const severityColor: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const severityKey: Record<Severity, MessageKey> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };

export interface FindingsListProps {
  findings: readonly Finding[];
  filter: SeverityFilter;
  onFilter(filter: SeverityFilter): void;
  selected: number | null;
  onSelect(index: number): void;
  /** Absent in views that cannot write single cells (the upload page fixes the whole file). */
  onFix?: (finding: Finding) => void;
  busy?: boolean;
}

export function FindingsList({ findings, filter, onFilter, selected, onSelect, onFix, busy }: FindingsListProps) {
  const { t, lang } = useLocale();
  const styles = useStyles();
  const groups = useMemo(() => groupFindings(findings, filter), [findings, filter]);
  const order = useMemo(() => visibleOrder(groups), [groups]);
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity] += 1;
    return c;
  }, [findings]);

  const step = (delta: number) => {
    if (order.length === 0) return;
    const at = selected === null ? -1 : order.indexOf(selected);
    const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
    onSelect(order[next]!);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'j') step(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') step(-1);
    else return;
    e.preventDefault();
  };

  const sectionTitle = (s: string) => (s === 'header' ? t('sectionHeader') : s === '' ? t('sectionOther') : t('section', { s }));
  const sourceText = (source: string) => {
    const key = `source${source.charAt(0).toUpperCase()}${source.slice(1)}` as MessageKey;
    return t(key) ?? source;
  };

  return (
    <section className={styles.root} aria-label="findings">
      <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => onFilter(d.value as SeverityFilter)}>
        <Tab value="all">{t('filterAll')} ({findings.length})</Tab>
        <Tab value="error">
          {t('filterErrors')} ({counts.error})
        </Tab>
        <Tab value="warning">
          {t('filterWarnings')} ({counts.warning})
        </Tab>
        <Tab value="info">
          {t('filterInfos')} ({counts.info})
        </Tab>
      </TabList>
      <div className={styles.nav}>
        <Button size="small" onClick={() => step(-1)} disabled={order.length === 0} aria-keyshortcuts="ArrowUp">
          ↑ {t('previousFinding')}
        </Button>
        <Button size="small" onClick={() => step(1)} disabled={order.length === 0} aria-keyshortcuts="ArrowDown">
          ↓ {t('nextFinding')}
        </Button>
      </div>
      {order.length === 0 ? (
        <Text>{t('noFindings')}</Text>
      ) : (
        <ul className={styles.list} tabIndex={0} role="listbox" aria-label="findings" onKeyDown={onKeyDown} data-testid="findings">
          {groups.map((g) => (
            <li key={g.key} role="presentation">
              <div className={styles.groupTitle}>{sectionTitle(g.section)}</div>
              <ul className={styles.list} role="presentation">
                {g.items.map(({ finding: f, index }) => (
                  <li
                    key={index}
                    role="option"
                    aria-selected={selected === index}
                    className={mergeClasses(styles.item, selected === index && styles.selected)}
                    onClick={() => onSelect(index)}
                    data-testid="finding"
                    data-code={f.code}
                    data-severity={f.severity}
                    data-row={f.row}
                    data-column={f.column}
                    data-title-line={f.titleLine ?? undefined}
                    data-proposal={f.proposal ? 'true' : 'false'}
                    ref={selected === index ? (el) => el?.scrollIntoView?.({ block: 'nearest' }) : undefined}
                  >
                    <div className={styles.head}>
                      <Badge size="small" color={severityColor[f.severity]} className={styles.badge}>
                        {t(severityKey[f.severity])}
                      </Badge>
                      <span className={styles.label}>{f.label || (f.column === 'header' ? t('title') : '')}</span>
                      <span className={styles.muted}>{f.code}</span>
                    </div>
                    <Text size={200}>{lang === 'en' ? f.messageEn || f.message : f.message}</Text>
                    {f.column !== 'header' && (
                      <Text size={200} className={styles.muted}>
                        {t('written')}: {valueAsWritten(f, t('empty'))}
                      </Text>
                    )}
                    {f.proposal && (
                      <div className={styles.proposal}>
                        <Text size={200}>
                          {t('proposal')}: <strong>{f.proposal.value === '' ? t('empty') : f.proposal.value}</strong> ({sourceText(f.proposal.source)}
                          {f.proposal.previousValue ? `, ${t('colPrevious').toLowerCase()}: ${f.proposal.previousValue}` : ''})
                        </Text>
                        {onFix && isFixable(f) && (
                          <Button
                            size="small"
                            appearance="primary"
                            disabled={busy}
                            onClick={(e) => {
                              e.stopPropagation();
                              onFix(f);
                            }}
                          >
                            {t('fixOne')}
                          </Button>
                        )}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The engine reports the cell's text in `value` of its row; findings carry it only through the row, so the caller fills it in. */
function valueAsWritten(f: Finding & { written?: string }, empty: string): string {
  const v = f.written;
  return v === undefined || v === '' ? empty : v;
}
