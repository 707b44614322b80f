import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ApiClient } from '../../api/client';
import type { ConsolidationResult } from '../../api/consolidation';
import { ErrorBar } from '../ErrorBar';
import { saveBlob } from '../download';
import { IndicatorTable } from './IndicatorTable';
import { StatusTable } from './StatusTable';
import { stateOf } from './format';
import { useText } from './strings';

const TrendChart = lazy(() => import('./TrendChart'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  files: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS, maxHeight: '30vh', overflow: 'auto' },
  file: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(120px, 1fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  trends: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' },
});

const ACCEPTED = ['.docx', '.xlsx'];

type FileState = { kind: 'queued' } | { kind: 'sending'; fraction: number } | { kind: 'reading' } | { kind: 'counted' } | { kind: 'excluded'; reason: string };

/** The server names an uploaded file by its own name, without any folder a browser may send along. */
const serverName = (file: File) => file.name.replace(/\\/g, '/').split('/').pop() ?? file.name;

/**
 * The province's view on the upload page: drop every unit's appendix, see each file go up and what became of it, the
 * status of every unit (sortable, coloured), the consolidated appendix, the trend of the recomputed rates, and
 * download the workbook.
 */
export function ConsolidationView({ api }: { api: ApiClient }) {
  const text = useText();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [states, setStates] = useState<FileState[]>([]);
  const [unitList, setUnitList] = useState('');
  const [result, setResult] = useState<ConsolidationResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const units = useMemo(() => unitList.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#')), [unitList]);

  const add = (chosen: File[]) => {
    const wanted = chosen.filter((f) => ACCEPTED.some((ext) => f.name.toLowerCase().endsWith(ext)));
    const refused = chosen.filter((f) => !wanted.includes(f));
    setNotice(refused.length > 0 ? text('wrongType', { n: refused.length, f: refused.map((f) => f.name).join(', ') }) : null);
    setFiles((now) => [...now, ...wanted.filter((f) => !now.some((n) => n.name === f.name && n.size === f.size))]);
    setResult(null);
    setStates([]);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(Array.from(e.dataTransfer.files));
  };

  /** Which file the bytes sent so far are in: the form carries the files in order, so their sizes tell. */
  const progress = (loaded: number, total: number) => {
    const sizes = files.map((f) => f.size);
    const all = sizes.reduce((a, b) => a + b, 0) || 1;
    const sent = (loaded / (total || 1)) * all;
    let start = 0;
    setStates(
      sizes.map((size) => {
        const fraction = Math.max(0, Math.min(1, (sent - start) / (size || 1)));
        start += size;
        return fraction >= 1 ? { kind: 'reading' } : fraction > 0 ? { kind: 'sending', fraction } : { kind: 'queued' };
      }),
    );
  };

  const consolidate = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setStates(files.map(() => ({ kind: 'queued' })));
    try {
      const answer = await api.consolidate(files, { units, onProgress: progress });
      setResult(answer);
      const counted = new Set(answer.units.map((u) => u.file).filter((f): f is string => f !== null));
      const excluded = new Map(answer.excluded.map((e) => [e.file, e.reason]));
      setStates(files.map((f) => (excluded.has(serverName(f)) ? { kind: 'excluded', reason: excluded.get(serverName(f))! } : counted.has(serverName(f)) ? { kind: 'counted' } : { kind: 'reading' })));
    } catch (e) {
      setError(e);
      setStates([]);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await api.consolidationWorkbook(files, { units });
      saveBlob(blob, fileName);
      setNotice(text('downloaded', { f: fileName }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const stateText = (s: FileState | undefined) => {
    switch (s?.kind) {
      case 'sending':
        return text('fileSending', { p: Math.round(s.fraction * 100) });
      case 'reading':
        return text('fileReading');
      case 'counted':
        return text('fileCounted');
      case 'excluded':
        return `${text('fileExcluded')}: ${s.reason}`;
      default:
        return text('fileQueued');
    }
  };

  const received = result?.units.filter((u) => u.file !== null).length ?? 0;
  return (
    <div className={styles.root} data-testid="consolidation">
      <Text as="h2" size={500} weight="semibold">
        {text('title')}
      </Text>
      <Text>{text('hint')}</Text>
      <div
        className={dragging ? `${styles.drop} ${styles.dragging}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={ACCEPTED.join(',')}
          onChange={(e) => {
            add(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
          data-testid="files-input"
        />
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {text('choose')}
        </Button>
        <Text>{text('drop')}</Text>
      </div>
      <Field label={text('unitsLabel')}>
        <Textarea value={unitList} onChange={(_, d) => setUnitList(d.value)} resize="vertical" rows={3} data-testid="units-input" />
      </Field>
      {files.length > 0 && (
        <ul className={styles.files} aria-label={text('filesLabel')} data-testid="file-list" tabIndex={0}>
          {files.map((f, i) => {
            const s = states[i];
            return (
              <li key={`${f.name}-${f.size}`} className={styles.file} data-testid="file" data-name={f.name} data-state={s?.kind ?? 'queued'}>
                <Text truncate wrap={false} title={f.name}>
                  {f.name}
                </Text>
                <ProgressBar
                  value={s?.kind === 'sending' ? s.fraction : s && s.kind !== 'queued' ? 1 : 0}
                  color={s?.kind === 'excluded' ? 'warning' : s?.kind === 'counted' ? 'success' : 'brand'}
                  aria-label={`${f.name}: ${stateText(s)}`}
                />
                <Text size={200}>{stateText(s)}</Text>
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void consolidate()} disabled={busy || files.length === 0} data-testid="consolidate">
          {text('consolidate', { n: files.length })}
        </Button>
        {files.length > 0 && (
          <Button
            onClick={() => {
              setFiles([]);
              setStates([]);
              setResult(null);
            }}
            disabled={busy}
          >
            {text('clear')}
          </Button>
        )}
        {result && (
          <Button onClick={() => void download()} disabled={busy} data-testid="download-workbook">
            {text('download')}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={text('busy')} />}
      </div>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="consolidation-notice">{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Text weight="semibold" data-testid="consolidation-summary">
            {result.period ? `${text('period', { p: result.period })} · ` : ''}
            {text('counts', {
              r: received,
              n: result.units.length,
              s: result.units.filter((u) => u.readyToSign).length,
              e: result.units.filter((u) => stateOf(u) === 'errors').length,
              m: result.units.length - received,
            })}
          </Text>
          <Text as="h3" size={400} weight="semibold">
            {text('statusTitle')}
          </Text>
          <StatusTable units={result.units} />
          {result.excluded.length > 0 && (
            <>
              <Text as="h3" size={400} weight="semibold">
                {text('excludedTitle')}
              </Text>
              <ul data-testid="excluded">
                {result.excluded.map((e) => (
                  <li key={e.file} data-file={e.file}>
                    <Text weight="semibold">{e.file}</Text>: {e.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Text as="h3" size={400} weight="semibold">
            {text('appendixTitle')}
          </Text>
          <IndicatorTable indicators={result.indicators} />
          {result.trends && result.trends.length > 0 && (
            <>
              <Text as="h3" size={400} weight="semibold">
                {text('trendTitle')}
              </Text>
              <Suspense fallback={<Spinner size="tiny" label={text('trendLoading')} />}>
                <div className={styles.trends}>
                  {result.trends.map((s) => (
                    <TrendChart key={s.id} series={s} width={360} />
                  ))}
                </div>
              </Suspense>
            </>
          )}
        </>
      )}
    </div>
  );
}
