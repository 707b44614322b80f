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
    fontSize: tokens.fontSizeBase300,
    margin: 0,
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
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The whole finding is one button that selects its cell; the fix button sits beside it, never inside.
  select: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    textAlign: 'left',
    font: 'inherit',
    color: 'inherit',
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
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
  /** Section headings by Roman numeral ("V" → "Cải cách chế độ công vụ"), from the checked rows. */
  sectionTitles?: Readonly<Record<string, string>>;
}

export function FindingsList({ findings, filter, onFilter, selected, onSelect, onFix, busy, sectionTitles }: FindingsListProps) {
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
    if (order.length === 0) return null;
    const at = selected === null ? -1 : order.indexOf(selected);
    const next = order[at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length]!;
    onSelect(next);
    return next;
  };

  // Arrow keys on a finding move to the next one, focus included, so the keyboard walks the list as the buttons do.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const delta = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const next = step(delta);
    const list = e.currentTarget;
    if (next !== null) requestAnimationFrame(() => list.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const sectionTitle = (s: string) =>
    s === 'header' ? t('sectionHeader') : s === '' ? t('sectionOther') : sectionTitles?.[s] ? t('sectionNamed', { s, n: sectionTitles[s] }) : t('section', { s });
  const sourceText = (source: string) => {
    const key = `source${source.charAt(0).toUpperCase()}${source.slice(1)}` as MessageKey;
    return t(key) ?? source;
  };

  return (
    <section className={styles.root} aria-label={t('findingsLabel')}>
      <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => onFilter(d.value as SeverityFilter)} aria-label={t('filterLabel')}>
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
        <Button size="small" onClick={() => step(-1)} disabled={order.length === 0} aria-keyshortcuts="ArrowUp" aria-label={t('previousFinding')}>
          ↑ {t('previousFinding')}
        </Button>
        <Button size="small" onClick={() => step(1)} disabled={order.length === 0} aria-keyshortcuts="ArrowDown" aria-label={t('nextFinding')}>
          ↓ {t('nextFinding')}
        </Button>
      </div>
      {order.length === 0 ? (
        <Text>{t('noFindings')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('findingsLabel')} onKeyDown={onKeyDown} data-testid="findings">
          {groups.map((g) => (
            <li key={g.key}>
              <h3 className={styles.groupTitle} id={`group-${g.key}`}>
                {sectionTitle(g.section)}
              </h3>
              <ul className={styles.list} aria-labelledby={`group-${g.key}`}>
                {g.items.map(({ finding: f, index }) => (
                  <li
                    key={index}
                    aria-current={selected === index ? 'true' : undefined}
                    className={mergeClasses(styles.item, selected === index && styles.selected)}
                    data-testid="finding"
                    data-code={f.code}
                    data-severity={f.severity}
                    data-row={f.row}
                    data-column={f.column}
                    data-value-column={f.column === 'value' ? (f.valueColumn ?? 0) : undefined}
                    data-title-line={f.titleLine ?? undefined}
                    data-proposal={f.proposal ? 'true' : 'false'}
                    ref={selected === index ? (el) => el?.scrollIntoView?.({ block: 'nearest' }) : undefined}
                  >
                    {/* The rule's code is for support, so it is a tooltip and never part of what the officer reads. */}
                    <button
                      type="button"
                      className={styles.select}
                      onClick={() => onSelect(index)}
                      title={t('ruleCode', { c: f.code })}
                      data-testid="finding-select"
                      data-index={index}
                    >
                      <span className={styles.head}>
                        <Badge size="small" color={severityColor[f.severity]} className={styles.badge}>
                          {t(severityKey[f.severity])}
                        </Badge>
                        <span className={styles.label}>{f.label || (f.column === 'header' ? t('title') : '')}</span>
                      </span>
                      <Text size={200}>{lang === 'en' ? f.messageEn || f.message : f.message}</Text>
                      {f.column !== 'header' && (
                        <Text size={200} className={styles.muted}>
                          {f.valueHeader ? t('writtenIn', { c: f.valueHeader }) : t('written')}: {valueAsWritten(f, t('empty'))}
                        </Text>
                      )}
                    </button>
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
                            aria-label={t('fixOneLabel', { l: f.label || t('title') })}
                            onClick={() => onFix(f)}
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
