/**
 * Sign-in: a login name (or e-mail) and password, which start a session kept in an HttpOnly
 * cookie; or, for scripts and consultants, an API token (checked against /api/me before it is kept).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from '../../api/client.ts';
import type { Principal } from '../../api/types.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import type { Lang } from '../../i18n/index.ts';

/** Told who signed in, with the token when it was by token (null: by password, in the cookie). */
export type OnSignedIn = (token: string | null, me: Principal) => void;

export function SignInPage({ onSignedIn }: { onSignedIn: OnSignedIn }) {
  const { t, i18n } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const lang = i18n.language as Lang;
    if (!token.trim() && (!login.trim() || !password)) {
      setError(t('signin:needLogin'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (token.trim()) {
        const me = await createApi(token.trim(), lang).get('/me');
        onSignedIn(token.trim(), me);
      } else {
        const signedIn = await createApi(null, lang).post('/session', {
          login: login.trim(),
          password,
        });
        onSignedIn(null, signedIn.me);
      }
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
      <form onSubmit={submit} className="card" noValidate>
        <div className="signin-lang">
          <LanguageSelect />
        </div>
        <h1>{t('signIn.title')}</h1>
        <label htmlFor="login">{t('signin:login')}</label>
        <input
          id="login"
          name="username"
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <label htmlFor="password">{t('signin:password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <fieldset className="signin-token">
          <legend>{t('signin:tokenSection')}</legend>
          <label htmlFor="token">{t('signIn.token')}</label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <p className="help">{t('signIn.tokenHelp')}</p>
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
