/** Companies and their people: create a company (from a template), add users, issue and revoke tokens. */
import { companyAccess, requirePlatformAdmin, requireRole } from '../access.ts';
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, Principal, RequestContext } from '../ports/deps.ts';
import {
  checkDocument,
  publishDocument,
  runDocumentExamples,
} from '../policies/policy-lifecycle.ts';
import type { PolicyProblemsDetails } from '../policies/policy-problems.ts';
import {
  StoreError,
  type ApiToken,
  type Company,
  type PolicyDraft,
  type User,
} from '../ports/ports.ts';
import { resolveDraft } from '../policies/draft-resolution.ts';

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * Creates a company; from a template, its policy becomes the draft and version 1, and nothing is
 * written when the template cannot be published.
 * @throws already_exists (also when another request created it meanwhile), unknown_template,
 *   policy_has_problems
 */
export async function createCompany(
  deps: AppDeps,
  context: RequestContext,
  input: { id: string; name: string; template?: string },
): Promise<Company> {
  requirePlatformAdmin(context.principal);
  if (!ID.test(input.id))
    throw new AppError('invalid_request', 'Invalid company id', {}, [
      { property: '.id', message: 'a-z, 0-9 and -, 2–63 characters' },
    ]);
  if (await deps.store.companies.get(input.id))
    throw new AppError('already_exists', `Company ${input.id} exists`, { id: input.id });
  const document = input.template === undefined ? undefined : deps.templates.load(input.template);
  if (input.template !== undefined && document === undefined) {
    throw new AppError('unknown_template', `No template ${input.template}`, {}, [
      { property: '.template', message: 'unknown template' },
    ]);
  }
  const company: Company = {
    id: input.id,
    name: input.name,
    createdAt: deps.now(),
    ...(input.template ? { template: input.template } : {}),
  };
  if (document !== undefined) await assertPublishable(deps, document, context.lang);
  await deps.store.companies.create(company).catch((error: unknown) => {
    throw error instanceof StoreError && error.code === 'conflict'
      ? new AppError('already_exists', `Company ${input.id} exists`, { id: input.id })
      : error;
  });
  if (document !== undefined) {
    await deps.store.policies.saveDraft(
      {
        companyId: company.id,
        document,
        version: 1,
        updatedAt: deps.now(),
        updatedBy: context.principal.userId,
      },
      0,
    );
    await publishDocument(
      deps,
      company.id,
      document,
      `from template ${input.template}`,
      context.principal.userId,
      context.lang,
    );
  }
  return company;
}

/** Refuses a template whose policy has problems or failing examples, as publishing would. */
async function assertPublishable(
  deps: AppDeps,
  document: unknown,
  lang: RequestContext['lang'],
): Promise<void> {
  const checked = checkDocument(deps, document, lang);
  const failed = checked.ok
    ? (await runDocumentExamples(deps, checked.policy, lang)).filter((r) => !r.passed)
    : [];
  if (checked.ok && failed.length === 0) return;
  throw new AppError(
    'policy_has_problems',
    'The template has problems or failing examples; no company was created',
    { problems: checked.problems, failedExamples: failed } satisfies PolicyProblemsDetails,
  );
}

/** A company with its time zone: that of its latest published policy, when it has one. */
export type ListedCompany = Company & { timeZone?: string };

/** The companies the principal can reach, each with its time zone (company time). */
export async function listCompanies(deps: AppDeps, principal: Principal): Promise<ListedCompany[]> {
  const all = await deps.store.companies.list();
  const reachable =
    principal.platformRole === 'platformAdmin'
      ? all
      : all.filter(
          (c) => c.id === principal.companyId || (principal.companies ?? []).includes(c.id),
        );
  return Promise.all(
    reachable.map(async (company) => {
      const latest = await deps.store.policies.latestVersion(company.id);
      return latest ? { ...company, timeZone: latest.policy.timeZone } : company;
    }),
  );
}

/** The policy a draft stands for (resolved when it extends a template), if it resolves. */
function draftPolicy(deps: AppDeps, draft: PolicyDraft | undefined): unknown {
  if (!draft) return undefined;
  try {
    return resolveDraft(deps, draft).policy;
  } catch {
    return draft.document;
  }
}

async function policyRoles(deps: AppDeps, companyId: string): Promise<string[]> {
  const latest = await deps.store.policies.latestVersion(companyId);
  const draft = latest ? undefined : await deps.store.policies.getDraft(companyId);
  const roles =
    latest?.policy.roles ??
    (draftPolicy(deps, draft) as { roles?: Record<string, unknown> } | undefined)?.roles ??
    {};
  return ['admin', ...Object.keys(roles)];
}

/** Adds a user to a company with roles from its policy. @throws unknown_role */
export async function createUser(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  input: { name: string; roles: string[]; department?: string; email?: string },
): Promise<User> {
  const access = await companyAccess(deps, context.principal, companyId);
  requireRole(access.roles, 'admin');
  const known = await policyRoles(deps, companyId);
  const unknown = input.roles.filter((role) => !known.includes(role));
  if (unknown.length > 0) {
    throw new AppError(
      'unknown_role',
      `Roles not in the policy: ${unknown.join(', ')}`,
      { known },
      unknown.map((role) => ({ property: '.roles', message: `unknown role ${role}` })),
    );
  }
  const user: User = {
    id: deps.newId(),
    name: input.name,
    companyId,
    roles: input.roles,
    createdAt: deps.now(),
    ...(input.department ? { department: input.department } : {}),
    ...(input.email ? { email: input.email } : {}),
  };
  await deps.store.users.save(user);
  return user;
}

/** Adds a platform user (a consultant) with access to some companies. */
export async function createConsultant(
  deps: AppDeps,
  context: RequestContext,
  input: { name: string; companies: string[] },
): Promise<User> {
  requirePlatformAdmin(context.principal);
  for (const id of input.companies)
    if (!(await deps.store.companies.get(id))) throw notFound('company');
  const user: User = {
    id: deps.newId(),
    name: input.name,
    roles: [],
    platformRole: 'consultant',
    companies: input.companies,
    createdAt: deps.now(),
  };
  await deps.store.users.save(user);
  return user;
}

/** The users of a company. */
export async function listUsers(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<User[]> {
  const access = await companyAccess(deps, context.principal, companyId);
  requireRole(access.roles, 'admin');
  return deps.store.users.list(companyId);
}

async function tokenOwner(deps: AppDeps, context: RequestContext, userId: string): Promise<User> {
  const user = await deps.store.users.get(userId);
  if (!user) throw notFound('user');
  if (user.id === context.principal.userId || context.principal.platformRole === 'platformAdmin')
    return user;
  if (!user.companyId) throw notFound('user');
  const access = await companyAccess(deps, context.principal, user.companyId).catch(() => {
    throw notFound('user');
  });
  requireRole(access.roles, 'admin');
  return user;
}

/** Issues an API token; its secret is returned this once and stored only as a hash. */
export async function issueToken(
  deps: AppDeps,
  context: RequestContext,
  userId: string,
  label?: string,
): Promise<{ token: string; id: string }> {
  await tokenOwner(deps, context, userId);
  const secret = deps.newSecret();
  const record: ApiToken = {
    id: deps.newId(),
    userId,
    hash: deps.hashSecret(secret),
    createdAt: deps.now(),
    ...(label ? { label } : {}),
  };
  await deps.store.tokens.save(record);
  return { token: secret, id: record.id };
}

/** The user's tokens, without their hashes: id, label, when issued and revoked. */
export async function listTokens(
  deps: AppDeps,
  context: RequestContext,
  userId: string,
): Promise<Omit<ApiToken, 'hash'>[]> {
  await tokenOwner(deps, context, userId);
  return (await deps.store.tokens.listForUser(userId)).map(({ hash: _hash, ...rest }) => rest);
}

/** Revokes a token of the user. */
export async function revokeToken(
  deps: AppDeps,
  context: RequestContext,
  userId: string,
  tokenId: string,
): Promise<void> {
  await tokenOwner(deps, context, userId);
  const token = (await deps.store.tokens.listForUser(userId)).find((t) => t.id === tokenId);
  if (!token) throw notFound('token');
  await deps.store.tokens.save({ ...token, revokedAt: deps.now() });
}
