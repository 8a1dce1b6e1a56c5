import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useAsync } from '../../components/useAsync.ts';
import { formatTime } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

type User = { id: string; name: string; roles: string[]; department?: string; createdAt: string };

/** Today's date in the company's time zone (the browser's without one), as "YYYY-MM-DD". */
function today(timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', timeZone ? { timeZone } : {}).format(new Date());
}

/**
 * A user's access tokens: issue one (shown once), list and revoke; times in the company's zone.
 */
export function UserTokens({ user, timeZone }: { user: User; timeZone?: string }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const tokens = useAsync(() => api.get(`/users/${user.id}/tokens`), [api, user.id]);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, failure: error, setFailure: setError, run } = useSubmit();

  const issue = () =>
    run(async () => {
      const issued = await api.post(`/users/${user.id}/tokens`, {
        label: today(timeZone),
      });
      setSecret(issued.token);
      setCopied(false);
      tokens.reload();
    });

  // Revoking does not disable the issue button: only the failure is shared.
  async function revoke(id: string) {
    setError(undefined);
    try {
      await api.del(`/users/${user.id}/tokens/${id}`);
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="admin-tokens">
      {error != null && <ErrorPanel error={error} />}
      {secret && (
        <p className="admin-secret" data-testid={`token-${user.id}`}>
          {t('users.issued', { name: user.name })} <code>{secret}</code>{' '}
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(secret);
              setCopied(true);
            }}
          >
            {copied ? t('users.copied') : t('users.copy')}
          </button>
        </p>
      )}
      <ul>
        {(tokens.value?.items ?? []).map((token) => (
          <li key={token.id}>
            {token.label ?? token.id} · {formatTime(token.createdAt, i18n.language, timeZone)} ·{' '}
            {token.revokedAt ? (
              <span className="badge">{t('users.revoked')}</span>
            ) : (
              <>
                <span className="badge ok">{t('users.active')}</span>{' '}
                <button type="button" className="danger" onClick={() => void revoke(token.id)}>
                  {t('users.revoke')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void issue()} disabled={busy}>
        {t('users.issue')}
      </button>
    </div>
  );
}
