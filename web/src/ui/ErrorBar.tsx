import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeError } from '../errors';
import { useLocale } from './context';

/** Shows any error in one sentence with what to do; the host's detail and code stay visible for support. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t, lang } = useLocale();
  if (error === null || error === undefined) return null;
  const shown = describeError(error, t, lang);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{shown.title}</MessageBarTitle>
        {shown.detail && <span> {shown.detail}</span>}
        {shown.code && <span> ({shown.code})</span>}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {t('dismiss')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
