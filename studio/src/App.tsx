/**
 * The studio: the public complaint form and follow page (no sign-in), sign-in (or an invitation
 * link), the caller's companies, then the shell — each page loads its own data and shows its own
 * loading and error states.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from './api/client.ts';
import type { Company, Principal } from './api/types.ts';
import { ErrorPanel } from './components/ErrorPanel.tsx';
import { Loading } from './components/Loading.tsx';
import type { Lang } from './i18n/index.ts';
import { InvitationPage } from './pages/signin/InvitationPage.tsx';
import { FollowPage } from './pages/public/FollowPage.tsx';
import { PublicFormPage } from './pages/public/PublicFormPage.tsx';
import { SignInPage } from './pages/signin/SignInPage.tsx';
import { matchPath, navigate, usePath } from './router.ts';
import { COOKIE_KEY, SessionContext, TOKEN_KEY, type Session } from './session.tsx';
import { Shell } from './Shell.tsx';

/** How the studio is signed in: by an API token, by the session cookie, or not at all. */
type SignedIn = { token: string | null } | null;

function storedSignIn(): SignedIn {
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) return { token };
  return localStorage.getItem(COOKIE_KEY) ? { token: null } : null;
}

/** The studio's root: signs in, loads who the caller is and their companies, then shows the shell. */
export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const path = usePath();
  const [signedIn, setSignedIn] = useState<SignedIn>(storedSignIn);
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'ready'; me: Principal; companies: Company[] }
    | { status: 'failed'; error: unknown }
  >({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const token = signedIn?.token ?? null;
  const api = useMemo(() => createApi(token, lang), [token, lang]);

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    setState({ status: 'loading' });
    Promise.all([api.get('/me'), api.get('/companies')]).then(
      ([me, companies]) => live && setState({ status: 'ready', me, companies: companies.items }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.code === 'unauthorized') {
          localStorage.removeItem(TOKEN_KEY);
          localStorage.removeItem(COOKIE_KEY);
          setSignedIn(null);
        } else setState({ status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [api, signedIn, attempt]);

  const start = (next: string | null) => {
    if (next) localStorage.setItem(TOKEN_KEY, next);
    else {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.setItem(COOKIE_KEY, '1');
    }
    setSignedIn({ token: next });
    setAttempt((n) => n + 1);
    navigate('/');
  };

  // The public complaint form and its follow page are for anyone: outside sign-in and the shell.
  const publicForm = matchPath('/public/:company', path);
  if (publicForm) return <PublicFormPage company={publicForm.company!} />;
  const follow = matchPath('/public/:company/follow/:token', path);
  if (follow) return <FollowPage company={follow.company!} token={follow.token!} />;
  const invitation = matchPath('/invitation/:secret', path);
  if (invitation)
    return <InvitationPage secret={invitation.secret!} onSignedIn={() => start(null)} />;
  if (!signedIn) return <SignInPage onSignedIn={(next) => start(next)} />;
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
      // The server ends the cookie's session; a token stays valid (it is for scripts too).
      void api.del('/session').catch(() => {});
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(COOKIE_KEY);
      setSignedIn(null);
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
