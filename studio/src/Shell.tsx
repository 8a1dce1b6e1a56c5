/** The studio shell: navigation by role, the language switch, and the routed page (each page loads its own data). */
import { Suspense, lazy, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company, Principal } from './api/types.ts';
import { Loading } from './components/Loading.tsx';
import { NoAccess } from './components/NoAccess.tsx';
import { LanguageSelect } from './components/LanguageSelect.tsx';
import { addMessages } from './i18n/index.ts';
import { ChannelsPage } from './pages/admin/ChannelsPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { GalleryPage } from './pages/consultant/GalleryPage.tsx';
import { CasePage } from './pages/staff/CasePage.tsx';
import { InboxPage } from './pages/staff/InboxPage.tsx';
import { NewCasePage } from './pages/staff/NewCasePage.tsx';
import { NotificationsPage } from './pages/notifications/NotificationsPage.tsx';
import { UnreadBadge } from './pages/notifications/UnreadBadge.tsx';
import type { PageProps } from './pages/types.ts';
import { matchPath, navigate, pathQuery, usePath } from './router.ts';
import { isAdminIn, type Session } from './session.tsx';
import { personName } from './components/person-name.ts';

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
  { pattern: '/c/:company/notifications', page: NotificationsPage },
  { pattern: '/c/:company/users', page: UsersPage, adminOnly: true },
  { pattern: '/c/:company/channels', page: ChannelsPage, adminOnly: true },
  { pattern: '/gallery', page: GalleryPage },
];

/** Where a signed-in caller lands: platform staff in the gallery, company staff in their inbox. */
export function homePath(me: Principal, companies: Company[]): string {
  if (me.platformRole) return '/gallery';
  const company = me.companyId ?? companies[0]?.id;
  return company ? `/c/${company}/inbox` : '/gallery';
}

/** The signed-in studio: navigation by role, the language switch and the routed page. */
export function Shell({ session }: { session: Session }) {
  const { t } = useTranslation();
  const path = usePath();
  const { me, companies } = session;
  const found = ROUTES.map((route) => ({ route, params: matchPath(route.pattern, path) })).find(
    (m) => m.params,
  );
  // A company the caller cannot reach (another company's, or none) and an administrator's page
  // for staff show one "no access" page; the navigation stays the caller's own.
  const routeCompany = found?.params?.company;
  const reachable = !routeCompany || companies.some((c) => c.id === routeCompany);
  const company = (reachable ? routeCompany : undefined) ?? me.companyId ?? companies[0]?.id ?? '';
  useEffect(() => {
    if (path === '/' || path === '') navigate(homePath(me, companies));
  }, [path, me, companies]);
  const admin = company ? isAdminIn(me, company) : false;
  const noAccess = !reachable || (found?.route.adminOnly === true && !admin);
  const links = [
    ...(company
      ? [
          { to: `/c/${company}/inbox`, label: t('nav.inbox') },
          { to: `/c/${company}/new`, label: t('nav.newCase') },
          ...(admin ? [{ to: `/c/${company}/policy`, label: t('nav.policy') }] : []),
          { to: `/c/${company}/reports`, label: t('nav.reports') },
          ...(admin
            ? [
                { to: `/c/${company}/users`, label: t('nav.users') },
                { to: `/c/${company}/channels`, label: t('nav.channels') },
              ]
            : []),
        ]
      : []),
    ...(me.platformRole ? [{ to: '/gallery', label: t('nav.gallery') }] : []),
  ];
  const Page = found?.route.page;
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
          {company && <UnreadBadge company={company} />}
          <LanguageSelect />
          <span className="who" title={`${t('roles')}: ${me.roles.join(', ')}`}>
            {personName(me.name)}
          </span>
          <button type="button" onClick={session.signOut}>
            {t('signIn.signOut')}
          </button>
        </div>
      </header>
      <main className="page">
        {noAccess ? (
          <NoAccess home={homePath(me, companies)} />
        ) : Page && found?.params ? (
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
