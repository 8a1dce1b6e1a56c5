/**
 * The studio: sign-in, the caller's companies, then the shell — each page loads its own data and
 * shows its own loading and error states.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from './api/client.ts';
import type { Company, Principal } from './api/types.ts';
import { ErrorPanel } from './components/ErrorPanel.tsx';
import { Loading } from './components/Loading.tsx';
import type { Lang } from './i18n/index.ts';
import { SignInPage } from './pages/signin/SignInPage.tsx';
import { navigate } from './router.ts';
import { SessionContext, TOKEN_KEY, type Session } from './session.tsx';
import { Shell } from './Shell.tsx';

/** The studio's root: signs in, loads who the caller is and their companies, then shows the shell. */
export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(TOKEN_KEY));
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'ready'; me: Principal; companies: Company[] }
    | { status: 'failed'; error: unknown }
  >({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const api = useMemo(() => createApi(token, lang), [token, lang]);

  useEffect(() => {
    if (!token) return;
    let live = true;
    setState({ status: 'loading' });
    Promise.all([api.get('/me'), api.get('/companies')]).then(
      ([me, companies]) => live && setState({ status: 'ready', me, companies: companies.items }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.code === 'unauthorized') {
          localStorage.removeItem(TOKEN_KEY);
          setToken(null);
        } else setState({ status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [api, token, attempt]);

  if (!token)
    return (
      <SignInPage
        onSignedIn={(next) => {
          localStorage.setItem(TOKEN_KEY, next);
          setToken(next);
          navigate('/');
        }}
      />
    );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed')
    return <ErrorPanel error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  const session: Session = {
    token,
    me: state.me,
    companies: state.companies,
    api,
    lang,
    signOut: () => {
      localStorage.removeItem(TOKEN_KEY);
      setToken(null);
      navigate('/');
    },
    refreshCompanies: async () => {
      const companies = await api.get('/companies');
      setState((current) =>
        current.status === 'ready' ? { ...current, companies: companies.items } : current,
      );
    },
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} />
    </SessionContext.Provider>
  );
}
