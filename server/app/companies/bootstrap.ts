/**
 * First start: a platform administrator with one token and a one-time link to set a password
 * (login "admin"), and a demo company from the manufacturing
 * template with an administrator of its own. Nothing happens on later starts.
 */
import { inviteUser } from '../accounts/invitations.ts';
import { createCompany, createUser } from './companies.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';

export const PLATFORM_ADMIN_ID = 'platform-admin';
export const DEMO_COMPANY = {
  id: 'demo',
  name: '演示制造公司 (Demo Manufacturing Co.)',
  template: 'manufacturing-quality',
};

export type BootstrapResult =
  | { created: false }
  | {
      created: true;
      adminToken: string;
      /** The secret of the administrator's first sign-in link (#/invitation/<secret>). */
      invitation: string;
      company: string;
    };

/** The platform administrator's login name. */
export const PLATFORM_ADMIN_LOGIN = 'admin';

/** Sets up a fresh store; `adminToken` (e.g. from KESU_ADMIN_TOKEN) becomes the administrator's token. */
export async function bootstrap(deps: AppDeps, adminToken?: string): Promise<BootstrapResult> {
  if (await deps.store.users.get(PLATFORM_ADMIN_ID)) return { created: false };
  const now = deps.now();
  await deps.store.users.save({
    id: PLATFORM_ADMIN_ID,
    name: 'Platform administrator',
    roles: [],
    platformRole: 'platformAdmin',
    createdAt: now,
  });
  const secret = adminToken ?? deps.newSecret();
  await deps.store.tokens.save({
    id: deps.newId(),
    userId: PLATFORM_ADMIN_ID,
    hash: deps.hashSecret(secret),
    label: 'first start',
    createdAt: now,
  });
  const context: RequestContext = {
    principal: {
      userId: PLATFORM_ADMIN_ID,
      name: 'Platform administrator',
      roles: [],
      platformRole: 'platformAdmin',
    },
    lang: 'zh-CN',
  };
  const invitation = await inviteUser(deps, context, PLATFORM_ADMIN_ID, {
    login: PLATFORM_ADMIN_LOGIN,
  });
  if (
    !(await deps.store.companies.get(DEMO_COMPANY.id)) &&
    deps.templates.load(DEMO_COMPANY.template) !== undefined
  ) {
    try {
      await createCompany(deps, context, DEMO_COMPANY);
      await createUser(deps, context, DEMO_COMPANY.id, {
        name: 'Demo administrator',
        roles: ['admin'],
      });
    } catch (error) {
      // Runtimes started at once on one empty database: the first to create the demo company
      // gives it its administrator; the others go on.
      if (!(await deps.store.companies.get(DEMO_COMPANY.id))) throw error;
    }
  }
  return {
    created: true,
    adminToken: secret,
    invitation: invitation.secret,
    company: DEMO_COMPANY.id,
  };
}
