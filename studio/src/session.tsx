/**
 * The signed-in session: the token (kept in localStorage) or, signed in by password, none (the
 * session is in an HttpOnly cookie the studio cannot read), the caller, the companies they may
 * reach and the API; every page reads it through useSession().
 */
import { createContext, useContext } from 'react';
import type { Api } from './api/client.ts';
import type { Company, Principal } from './api/types.ts';
import type { Lang } from './i18n/index.ts';

export type Session = {
  /** The API token signed in with; null when signed in by password (the cookie). */
  token: string | null;
  me: Principal;
  companies: Company[];
  api: Api;
  lang: Lang;
  signOut: () => void;
  /** Reads the caller's companies again (after one is created). */
  refreshCompanies: () => Promise<void>;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in studio');
  return session;
}

/**
 * The roles the caller holds in a company: their policy roles in their own company, "admin" for
 * platform staff in any other, none for a company's staff in another company.
 */
export function rolesIn(me: Principal, companyId: string): string[] {
  if (me.companyId === companyId) return me.roles;
  return me.platformRole ? ['admin'] : [];
}

export function isAdminIn(me: Principal, companyId: string): boolean {
  return rolesIn(me, companyId).includes('admin');
}

export const TOKEN_KEY = 'kesu.token';

/** Set while signed in by password: the studio asks the server on start instead of showing sign-in. */
export const COOKIE_KEY = 'kesu.signedIn';
