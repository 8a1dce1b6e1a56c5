/**
 * The studio shell: sign-in, the caller's companies, navigation by role, the language switch,
 * and the routed page — each page loads its own data and shows its own loading and error states.
 */
import { Suspense, lazy, useEffect, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from './api/client.ts';
import type { Company, Principal } from './api/types.ts';
import { ErrorPanel } from './components/ErrorPanel.tsx';
import { Loading } from './components/Loading.tsx';
import { LanguageSelect } from './components/LanguageSelect.tsx';
import { addMessages, type Lang } from './i18n/index.ts';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { GalleryPage } from './pages/consultant/GalleryPage.tsx';
import { SignInPage } from './pages/signin/SignInPage.tsx';
import { CasePage } from './pages/staff/CasePage.tsx';
import { InboxPage } from './pages/staff/InboxPage.tsx';
import { NewCasePage } from './pages/staff/NewCasePage.tsx';
import type { PageProps } from './pages/types.ts';
import { matchPath, navigate, pathQuery, usePath } from './router.ts';
import { SessionContext, TOKEN_KEY, isAdminIn, type Session } from './session.tsx';

// The administrator's editor and the reports load on first use, each with its messages: staff
// reach their inbox sooner.
const PolicyEditorPage = lazy(async () => {
  const [page, text] = await Promise.all([
    import('./pages/policy/PolicyEditorPage.tsx'),
    import('./pages/policy/messages/index.ts'),
  ]);
  addMessages('policy', text.messages);
  return { default: page.PolicyEditorPage };
});
const ReportsPage = lazy(async () => {
  const [page, text] = await Promise.all([
    import('./pages/reports/ReportsPage.tsx'),
    import('./pages/reports/messages.ts'),
  ]);
  addMessages('reports', text.messages);
  return { default: page.ReportsPage };
});

type Route = { pattern: string; page: ComponentType<PageProps>; adminOnly?: boolean };

const ROUTES: Route[] = [
  { pattern: '/c/:company/inbox', page: InboxPage },
  { pattern: '/c/:company/new', page: NewCasePage },
  { pattern: '/c/:company/cases/:id', page: CasePage },
  { pattern: '/c/:company/policy', page: PolicyEditorPage, adminOnly: true },
  { pattern: '/c/:company/policy/:section', page: PolicyEditorPage, adminOnly: true },
  { pattern: '/c/:company/reports', page: ReportsPage },
  { pattern: '/c/:company/users', page: UsersPage, adminOnly: true },
  { pattern: '/gallery', page: GalleryPage },
];

/** Where a signed-in caller lands: platform staff in the gallery, company staff in their inbox. */
export function homePath(me: Principal, companies: Company[]): string {
  if (me.platformRole) return '/gallery';
  const company = me.companyId ?? companies[0]?.id;
  return company ? `/c/${company}/inbox` : '/gallery';
}

function Shell({ session }: { session: Session }) {
  const { t } = useTranslation();
  const path = usePath();
  const { me, companies } = session;
  const found = ROUTES.map((route) => ({ route, params: matchPath(route.pattern, path) })).find(
    (m) => m.params,
  );
  const company = found?.params?.company ?? me.companyId ?? companies[0]?.id ?? '';
  useEffect(() => {
    if (path === '/' || path === '') navigate(homePath(me, companies));
  }, [path, me, companies]);
  const admin = company ? isAdminIn(me, company) : false;
  const links = [
    ...(company
      ? [
          { to: `/c/${company}/inbox`, label: t('nav.inbox') },
          { to: `/c/${company}/new`, label: t('nav.newCase') },
          ...(admin ? [{ to: `/c/${company}/policy`, label: t('nav.policy') }] : []),
          { to: `/c/${company}/reports`, label: t('nav.reports') },
          ...(admin ? [{ to: `/c/${company}/users`, label: t('nav.users') }] : []),
        ]
      : []),
    ...(me.platformRole ? [{ to: '/gallery', label: t('nav.gallery') }] : []),
  ];
  const Page = found?.route.page;
  const allowed = !found?.route.adminOnly || admin;
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={`#${homePath(me, companies)}`}>
          {t('appName')}
        </a>
        <nav aria-label="main">
          {links.map((link) => (
            <a
              key={link.to}
              href={`#${link.to}`}
              className={path.split('?')[0]?.startsWith(link.to) ? 'active' : undefined}
            >
              {link.label}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          {companies.length > 1 && (
            <label>
              <span className="sr-only">{t('nav.company')}</span>
              <select
                aria-label={t('nav.company')}
                value={company}
                onChange={(e) => navigate(`/c/${e.target.value}/inbox`)}
              >
                {companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <LanguageSelect />
          <span className="who" title={`${t('roles')}: ${me.roles.join(', ')}`}>
            {me.name}
          </span>
          <button type="button" onClick={session.signOut}>
            {t('signIn.signOut')}
          </button>
        </div>
      </header>
      <main className="page">
        {Page && found?.params && allowed ? (
          <Suspense fallback={<Loading />}>
            <Page
              key={`${found.route.pattern}:${found.params.company ?? ''}`}
              company={found.params.company ?? ''}
              params={found.params}
              query={pathQuery(path)}
            />
          </Suspense>
        ) : path === '/' ? (
          <Loading />
        ) : (
          <p>{t('notFound')}</p>
        )}
      </main>
    </div>
  );
}

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
