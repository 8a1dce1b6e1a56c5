/** A failed call shown in the user's language, with its code and request id, never a blank screen. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const api = error instanceof ApiError ? error : null;
  const message =
    api?.code === 'network_error'
      ? t('error.network')
      : (api?.message ?? (error instanceof Error ? error.message : String(error)));
  return (
    <div className="error-panel" role="alert">
      <strong>{t('error.title')}</strong>
      <p>{message}</p>
      {api && api.fieldErrors.length > 0 && (
        <ul>
          {api.fieldErrors.map((f, i) => (
            <li key={i}>
              <code>{f.property || '/'}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
      {api && (
        <small>
          {t('error.code')}: <code>{api.code}</code>
          {api.requestId ? (
            <>
              {' · '}
              {t('error.requestId')}: <code>{api.requestId}</code>
            </>
          ) : null}
        </small>
      )}
      {onRetry && (
        <div>
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
      )}
    </div>
  );
}
