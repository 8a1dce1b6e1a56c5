/** A company's policy over its life: draft, check, examples, publish as an immutable version. */
import { checkPolicy, type PolicyCheck } from '../../domain/policy/check/check-policy.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { diffPolicies } from '../../domain/policy/diff-policies.ts';
import { runExamples } from '../../domain/examples/run-examples.ts';
import type { PolicyProblem } from '../../domain/validator.ts';
import { companyAccess, requireRole } from '../access.ts';
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import {
  resolutionProblems,
  resolveDraft,
  templateFor,
  withPrefix,
  type ResolvedDraft,
} from './draft-resolution.ts';
import { extendsRefOf, isExtendsForm, type ExtendsRef } from '../../domain/policy/inheritance.ts';
import type { PolicyDraft, PublishedPolicy } from '../ports/ports.ts';
import type { CheckedProblem, ExampleSummary, PolicyProblemsDetails } from './policy-problems.ts';
import type { CheckProblem } from '../../domain/policy/check/check-codes.ts';
import { numberingOf, numberingWarnings } from './numbering-warnings.ts';

export { publishedPolicy } from './published-versions.ts';

/** The caller's access to a company they administer. @throws not_found, forbidden */
export async function adminOf(deps: AppDeps, context: RequestContext, companyId: string) {
  const access = await companyAccess(deps, context.principal, companyId);
  requireRole(access.roles, 'admin');
  return access;
}

/** The draft. @throws not_found when the company has none */
export async function getDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<PolicyDraft> {
  await adminOf(deps, context, companyId);
  const draft = await deps.store.policies.getDraft(companyId);
  if (!draft) throw notFound('draft');
  return draft;
}

/**
 * Saves a draft document as given; one in extends form keeps a snapshot of the template version it
 * extends, so that it resolves the same after the bundled template changes.
 * @throws stale_version, override_invalid, unknown_template, template_version_unavailable
 */
export async function saveDraftDocument(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  document: unknown,
  expectedVersion: number,
  prefix = '.document',
): Promise<PolicyDraft> {
  const current = await deps.store.policies.getDraft(companyId);
  let base: PolicyDraft['base'];
  if (isExtendsForm(document)) {
    const ref = withPrefix(prefix, () => extendsRefOf(document));
    base = templateFor(deps, ref, current?.base, prefix);
  }
  return deps.store.policies.saveDraft(
    {
      companyId,
      document,
      ...(base ? { base } : {}),
      version: expectedVersion + 1,
      updatedAt: deps.now(),
      updatedBy: context.principal.userId,
    },
    expectedVersion,
  );
}

/**
 * Replaces the draft; nothing changes for staff until it is published.
 * @throws stale_version, and for the extends form unknown_template, template_version_unavailable
 */
export async function replaceDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  document: unknown,
  expectedVersion: number,
): Promise<PolicyDraft> {
  await adminOf(deps, context, companyId);
  return saveDraftDocument(deps, context, companyId, document, expectedVersion);
}

/** The draft resolved, or the problems that keep it from resolving. */
export async function resolvedDraftOf(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<ResolvedDraft | { problems: PolicyProblem[] }> {
  const draft = await getDraft(deps, context, companyId);
  try {
    return resolveDraft(deps, draft);
  } catch (error) {
    const problems = resolutionProblems(error);
    if (!problems) throw error;
    return { problems };
  }
}

/** The policy a document is, or its problems (coded; shape problems in the context's language). */
export function checkDocument(
  deps: AppDeps,
  document: unknown,
  lang: RequestContext['lang'],
): PolicyCheck {
  return checkPolicy(document, deps.validator, lang);
}

/** The examples of a policy that checks clean, summarised. */
export async function runDocumentExamples(
  deps: AppDeps,
  policy: Policy,
  lang: RequestContext['lang'],
): Promise<ExampleSummary[]> {
  const results = await runExamples({ policy, validator: deps.validator, lang });
  return results.map(({ id, title, passed, failures, error }) => ({
    id,
    title,
    passed,
    failures,
    ...(error ? { error: { code: error.code, step: error.step } } : {}),
  }));
}

/**
 * Checks the draft: its problems, and warnings that do not keep it from being published (a change
 * of numbering that can repeat a number already given).
 */
export async function checkDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<{ problems: CheckedProblem[]; warnings: CheckProblem[] }> {
  const resolved = await resolvedDraftOf(deps, context, companyId);
  if ('problems' in resolved) return { problems: resolved.problems, warnings: [] };
  return {
    problems: checkDocument(deps, resolved.policy, context.lang).problems,
    warnings: await numberingWarnings(deps, companyId, numberingOf(resolved.policy)),
  };
}

/** The policy the draft resolves to, once it checks clean. @throws policy_has_problems */
export async function checkedDraftPolicy(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<Policy> {
  const resolved = await resolvedDraftOf(deps, context, companyId);
  const checked =
    'problems' in resolved
      ? { ok: false as const, problems: resolved.problems }
      : checkDocument(deps, resolved.policy, context.lang);
  if (!checked.ok)
    throw new AppError('policy_has_problems', 'The draft has problems', {
      problems: checked.problems,
    } satisfies PolicyProblemsDetails);
  return checked.policy;
}

/** Runs the draft's examples. @throws policy_has_problems when the draft does not check clean */
export async function runDraftExamples(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<ExampleSummary[]> {
  const policy = await checkedDraftPolicy(deps, context, companyId);
  return runDocumentExamples(deps, policy, context.lang);
}

/**
 * Publishes a document as the company's next version, if it checks clean and its examples pass.
 * @throws policy_has_problems with the problems and the failed examples
 */
export async function publishDocument(
  deps: AppDeps,
  companyId: string,
  document: unknown,
  note: string,
  by: string,
  lang: RequestContext['lang'],
  extendsRef?: ExtendsRef,
): Promise<PublishedPolicy> {
  const checked = checkDocument(deps, document, lang);
  const failed = checked.ok
    ? (await runDocumentExamples(deps, checked.policy, lang)).filter((r) => !r.passed)
    : [];
  if (!checked.ok || failed.length > 0) {
    throw new AppError(
      'policy_has_problems',
      'The policy has problems or failing examples and was not published',
      { problems: checked.problems, failedExamples: failed } satisfies PolicyProblemsDetails,
    );
  }
  const latest = await deps.store.policies.latestVersion(companyId);
  const version: PublishedPolicy = {
    companyId,
    number: (latest?.number ?? 0) + 1,
    policy: checked.policy,
    ...(extendsRef ? { extends: extendsRef } : {}),
    note,
    publishedAt: deps.now(),
    publishedBy: by,
    changes: latest ? diffPolicies(latest.policy, checked.policy) : [],
  };
  await deps.store.policies.publish(version);
  return version;
}

/** Publishes the draft with a note. */
export async function publishDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  note: string,
): Promise<Omit<PublishedPolicy, 'policy'>> {
  const resolved = await resolvedDraftOf(deps, context, companyId);
  if ('problems' in resolved)
    throw new AppError('policy_has_problems', 'The draft does not resolve and was not published', {
      problems: resolved.problems,
      failedExamples: [],
    } satisfies PolicyProblemsDetails);
  const { policy: _policy, ...version } = await publishDocument(
    deps,
    companyId,
    resolved.policy,
    note,
    context.principal.userId,
    context.lang,
    resolved.ref,
  );
  return version;
}
