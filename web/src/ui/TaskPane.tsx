import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { CheckResult, Finding, PrefillProposal, PrefillResult } from '../api/types';
import type { CellRef, DocumentHost, Fix, Refusal } from '../document';
import { useLocale } from './context';
import { ErrorBar } from './ErrorBar';
import { attachWritten, isFixable, sectionTitles, type SeverityFilter } from './findings';
import { FindingsList } from './FindingsList';
import { PrefillPanel } from './PrefillPanel';
import { Summary } from './Summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  unmarked: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Document edits settle for this long before the pane re-checks by itself. */
const RECHECK_DEBOUNCE_MS = 1500;
/** Our own marks and fixes raise change events too; those must not start another check. */
const OWN_EDIT_QUIET_MS = 2500;

const refOf = (f: { table: number; tableRow: number; cell: number }): CellRef => ({ table: f.table, tableRow: f.tableRow, cell: f.cell });

export function TaskPane({ host, api }: { host: DocumentHost; api: ApiClient }) {
  const { t, lang } = useLocale();
  const styles = useStyles();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  /** Cells a mark or a fix's reason could not reach: shown until the next check, never dropped. */
  const [unmarked, setUnmarked] = useState<Refusal[]>([]);
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const [prefill, setPrefill] = useState<PrefillResult | null>(null);
  const [confirm, setConfirm] = useState<{ fixes: Fix[]; resolve(ok: boolean): void } | null>(null);
  const quietUntil = useRef(0);
  const running = useRef(false);

  const guard = useCallback(async (label: string, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      quietUntil.current = Date.now() + OWN_EDIT_QUIET_MS;
      running.current = false;
      setBusy(null);
    }
  }, []);

  const check = useCallback(async () => {
    const snapshot = await host.readSnapshot();
    const checked = await api.check(snapshot);
    setResult(checked);
    setSelected(null);
    const marks = checked.findings
      .filter((f) => f.table >= 0 && f.tableRow >= 0 && f.column !== 'header')
      .map((f) => ({ ref: refOf(f), severity: f.severity, code: f.code, message: lang === 'en' ? f.messageEn || f.message : f.message }));
    setUnmarked((await host.mark(marks)).unmarked);
  }, [host, api, lang]);

  const recheck = useCallback(() => guard(t('checking'), check), [guard, check, t]);

  useEffect(() => {
    // Check at once when the pane opens; a timer rather than a direct call so React's double mount in
    // development cancels the first one instead of reading the document twice.
    const id = setTimeout(() => void recheck(), 0);
    return () => clearTimeout(id);
  }, [recheck]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let disposed = false;
    host
      .onChanged(() => {
        if (Date.now() < quietUntil.current || running.current) return;
        clearTimeout(timer);
        timer = setTimeout(() => void recheck(), RECHECK_DEBOUNCE_MS);
      })
      .then((off) => (disposed ? void off() : (unsubscribe = off)))
      .catch(setError);
    return () => {
      disposed = true;
      clearTimeout(timer);
      void unsubscribe?.();
    };
  }, [host, recheck]);

  const findings = useMemo(() => (result ? attachWritten(result.findings, result.rows) : []), [result]);
  const titles = useMemo(() => sectionTitles(result?.rows ?? []), [result]);
  /** "Số nhiệm vụ đề ra trong kế hoạch: …": the officer finds a cell by its indicator, not by an index. */
  const labelOf = (ref: CellRef) => result?.rows.find((r) => r.table === ref.table && r.tableRow === ref.tableRow)?.label ?? '';
  const fixable = useMemo(() => findings.filter(isFixable), [findings]);

  const askUntracked = (fixes: Fix[]) =>
    host.kind === 'word' && !host.capabilities.trackChanges
      ? new Promise<boolean>((resolve) => setConfirm({ fixes, resolve }))
      : Promise.resolve(true);

  const apply = (fixes: Fix[], doneKey: 'fixedN' | 'wroteN') =>
    guard(t('fixing'), async () => {
      setNotice(null);
      setRefusals([]);
      setUnmarked([]);
      if (!(await askUntracked(fixes))) return;
      const outcome = await host.applyFixes(fixes);
      setRefusals(outcome.refused);
      setNotice(t(doneKey, { n: outcome.applied }));
      await check();
      if (outcome.unmarked.length > 0) setUnmarked((now) => [...outcome.unmarked, ...now]);
    });

  const toFix = (f: Finding): Fix => ({
    ref: refOf(f),
    value: f.proposal?.value ?? '',
    reason: lang === 'en' ? f.messageEn || f.message : f.message,
  });

  const onSelect = (index: number) => {
    setSelected(index);
    const f = findings[index];
    if (f && f.table >= 0 && f.tableRow >= 0) host.select(refOf(f)).catch(setError);
  };

  const openPrefill = () =>
    guard(t('checking'), async () => {
      const snapshot = await host.readSnapshot();
      setPrefill(await api.prefill(snapshot));
    });

  const writePrefill = (proposals: PrefillProposal[]) => {
    const rows = new Map((result?.rows ?? []).map((r) => [r.row, r]));
    const fixes: Fix[] = [];
    for (const p of proposals) {
      const row = rows.get(p.row);
      // Without the host's pointer, the row's cells are no, label, unit, value, note in that order, and a later
      // value column's cell is among its value cells.
      const fallback = p.column === 'note' ? row?.cells[4] : p.valueColumn ? row?.valueCells?.[p.valueColumn] : row?.cells[3];
      const ref = p.table !== undefined && p.tableRow !== undefined && p.cell !== undefined && p.cell >= 0
        ? { table: p.table, tableRow: p.tableRow, cell: p.cell }
        : row && fallback !== undefined && fallback >= 0
          ? { table: row.table, tableRow: row.tableRow, cell: fallback }
          : null;
      if (ref && p.proposed) fixes.push({ ref, value: p.proposed, reason: `${t('prefillTitle')}: ${p.previous ?? ''}` });
    }
    setPrefill(null);
    void apply(fixes, 'wroteN');
  };

  return (
    <div className={styles.root}>
      <div className={styles.toolbar} role="toolbar" aria-label={t('toolbarLabel')}>
        <Button appearance="primary" onClick={() => void recheck()} disabled={busy !== null}>
          {t('recheck')}
        </Button>
        <Button onClick={() => void apply(fixable.map(toFix), 'fixedN')} disabled={busy !== null || fixable.length === 0}>
          {t('fixAll', { n: fixable.length })}
        </Button>
        <Button onClick={() => void openPrefill()} disabled={busy !== null || !result}>
          {t('prefill')}
        </Button>
        <Button appearance="subtle" onClick={() => void guard(t('fixing'), () => host.clearMarks())} disabled={busy !== null}>
          {t('clearMarks')}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {refusals.map((r, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{t(r.key, r.args)}</MessageBarBody>
        </MessageBar>
      ))}
      {(host.capabilities.cellNotes === 'none' || !host.capabilities.changeEvents) && (
        <MessageBar intent="info" layout="multiline" data-testid="degraded">
          <MessageBarBody>
            {[host.capabilities.cellNotes === 'none' ? t('marksUnsupported') : null, host.capabilities.changeEvents ? null : t('noAutoRecheck')]
              .filter(Boolean)
              .join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {unmarked.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="unmarked">
          <MessageBarBody>
            <MessageBarTitle>{t('unmarkedTitle')}</MessageBarTitle>
            <ul className={styles.unmarked}>
              {unmarked.map((u, i) => (
                <li key={i}>
                  {[labelOf(u.ref), t(u.key, u.args)].filter(Boolean).join(': ')}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {prefill && <PrefillPanel result={prefill} busy={busy !== null} onWrite={writePrefill} onClose={() => setPrefill(null)} />}
      {result && <Summary result={result} />}
      {result && (
        <FindingsList
          findings={findings}
          filter={filter}
          onFilter={setFilter}
          selected={selected}
          onSelect={onSelect}
          onFix={(f) => void apply([toFix(f)], 'fixedN')}
          busy={busy !== null}
          sectionTitles={titles}
        />
      )}
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && (confirm?.resolve(false), setConfirm(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('confirmTitle')}</DialogTitle>
            <DialogContent>{t('confirmBody', { n: confirm?.fixes.length ?? 0 })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => (confirm?.resolve(true), setConfirm(null))}>
                {t('confirmOk')}
              </Button>
              <Button onClick={() => (confirm?.resolve(false), setConfirm(null))}>{t('confirmCancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
