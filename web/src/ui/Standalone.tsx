import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { ApiClient } from '../api/client';
import type { CheckResult } from '../api/types';
import { useLocale } from './context';
import { AppendixTable } from './AppendixTable';
import { ErrorBar } from './ErrorBar';
import { attachWritten, sectionTitles, type SeverityFilter } from './findings';
import { FindingsList } from './FindingsList';
import { Summary } from './Summary';
import { UserFacingError } from '../errors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  picker: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  layout: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)', '@media (max-width: 900px)': { gridTemplateColumns: '1fr' } },
  hidden: { display: 'none' },
  // Beside the table (itself 70vh high), the findings scroll on their own so both stay in view.
  side: { display: 'flex', flexDirection: 'column', maxHeight: '70vh', minHeight: 0, '@media (max-width: 900px)': { maxHeight: 'none' } },
});

const ACCEPTED = ['.docx', '.xlsx'];

/** The same checks for people without Office: upload, see the appendix and findings, download the corrected file. */
export function Standalone({ api }: { api: ApiClient }) {
  const { t } = useLocale();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const [selected, setSelected] = useState<number | null>(null);

  const findings = useMemo(() => (result ? attachWritten(result.findings, result.rows) : []), [result]);
  const titles = useMemo(() => sectionTitles(result?.rows ?? []), [result]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    setError(null);
    setNotice(null);
    if (!ACCEPTED.some((ext) => chosen.name.toLowerCase().endsWith(ext))) {
      setError(new UserFacingError('uploadWrongType', { f: chosen.name }));
      return;
    }
    setBusy(t('uploading'));
    setResult(null);
    setSelected(null);
    try {
      setResult(await api.checkFile(chosen));
      setFile(chosen);
    } catch (err) {
      setError(err);
      setFile(null);
    } finally {
      setBusy(null);
    }
  };

  const fixAndDownload = async () => {
    if (!file) return;
    setBusy(t('fixing'));
    setError(null);
    try {
      const { blob, fileName, applied, skipped } = await api.fixFile(file);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoked later: some browsers start reading the blob only after the click handler returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const counts = applied !== null ? ` ${t('downloadedCounts', { a: applied, s: skipped ?? 0 })}` : '';
      setNotice(`${t('downloaded', { f: fileName })}${counts}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={styles.root}>
      <Text as="h2" size={500} weight="semibold">
        {t('uploadTitle')}
      </Text>
      <Text>{t('uploadHint')}</Text>
      <div className={styles.picker}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept={`${ACCEPTED.join(',')},application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`}
          onChange={(e) => void onFile(e)}
          data-testid="file-input"
        />
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy !== null}>
          {t('uploadChoose')}
        </Button>
        {file && <Text data-testid="file-name">{file.name}</Text>}
        {result && file && (
          <Button onClick={() => void fixAndDownload()} disabled={busy !== null} data-testid="fix-download">
            {t('fixDownload')}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={busy} />}
      </div>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody data-testid="notice">{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && <Summary result={result} />}
      {result && (
        <div className={styles.layout}>
          <AppendixTable rows={result.rows} findings={result.findings} selected={selected === null ? null : (findings[selected] ?? null)} valueColumns={result.valueColumns} />
          <div className={styles.side}>
            <FindingsList findings={findings} filter={filter} onFilter={setFilter} selected={selected} onSelect={setSelected} sectionTitles={titles} />
          </div>
        </div>
      )}
    </div>
  );
}
