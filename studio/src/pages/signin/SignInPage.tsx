/** Sign-in with a token: checked against /api/me before it is kept. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from '../../api/client.ts';
import type { Principal } from '../../api/types.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import type { Lang } from '../../i18n/index.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (token: string, me: Principal) => void }) {
  const { t, i18n } = useTranslation();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await createApi(token.trim(), i18n.language as Lang).get('/me');
      onSignedIn(token.trim(), me);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'unauthorized'
          ? t('signIn.invalid')
          : failure instanceof ApiError && failure.code === 'network_error'
            ? t('error.network')
            : (failure as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <form onSubmit={submit} className="card">
        <div className="signin-lang">
          <LanguageSelect />
        </div>
        <h1>{t('signIn.title')}</h1>
        <label htmlFor="token">{t('signIn.token')}</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
        <p className="help">{t('signIn.tokenHelp')}</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !token.trim()}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
