import { Badge, makeStyles, tokens, Text } from '@fluentui/react-components';
import type { CheckResult } from '../api/types';
import { useLocale } from './context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function Summary({ result }: { result: CheckResult }) {
  const { t } = useLocale();
  const styles = useStyles();
  const s = result.summary;
  return (
    <section className={styles.root} aria-label={t('summaryLabel')} data-testid="summary">
      <div className={styles.counts}>
        <Badge color="danger" appearance={s.errors ? 'filled' : 'outline'} data-testid="count-errors">
          {t('summaryErrors')}: {s.errors}
        </Badge>
        <Badge color="warning" appearance={s.warnings ? 'filled' : 'outline'} data-testid="count-warnings">
          {t('summaryWarnings')}: {s.warnings}
        </Badge>
        <Badge color="informative" appearance="outline" data-testid="count-infos">
          {t('summaryInfos')}: {s.infos}
        </Badge>
        {s.readyToSign && s.errors === 0 ? (
          <Badge color="success" appearance="filled" data-testid="ready">
            {t('readyToSign')}
          </Badge>
        ) : (
          <Text size={200}>{t('notReadyToSign', { n: s.errors })}</Text>
        )}
      </div>
      <Text size={200} className={styles.meta}>
        {[result.unit, result.period?.text, result.template?.form === 'template' || (!result.template?.form && result.template?.id) ? `${t('template')}: ${result.template.name || result.template.id}` : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {/* Without a template the officer is told which rules were used, so a short list of findings is not mistaken for a clean bill. */}
      {result.template?.form && result.template.form !== 'template' && result.template.summary && (
        <Text size={200} data-testid="form-summary">
          {result.template.summary}
        </Text>
      )}
      {result.headerRow === false && (
        <Text size={200} className={styles.meta} data-testid="no-header-row">
          {t('noHeaderRow')}
        </Text>
      )}
    </section>
  );
}
