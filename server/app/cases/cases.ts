/** Cases of a company: intake (numbered, evaluated, clocks started), read, act, list. */
import { applyAction, availableTransitions } from '../../domain/case/apply-action.ts';
import { readClock, type ClockReading } from '../../domain/clocks/clocks.ts';
import type { ApproverChainExplanation } from '../../domain/case/explain-case.ts';
import { formatCaseNumber, numberingPeriod } from '../../domain/numbering/numbering.ts';
import { maskIntake, seesConfidential } from '../../domain/case/mask.ts';
import { openCase } from '../../domain/case/open-case.ts';
import type { Label } from '../../domain/policy/format.ts';
import { parseInstant } from '../../domain/time/time.ts';
import { companyAccess } from '../access.ts';
import { approverChain, explainDecisions, type ExplainedDecision } from './case-explanation.ts';
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import type { AuditEntry, PublishedPolicy, StoredCase } from '../ports/ports.ts';

/**
 * A case as its readers see it: the stored case, its clocks read now, what the reader may do, each
 * decision with why it was made, the approver chain, and (when read) the audit trail with the
 * names of the people in it.
 */
export type CaseView = StoredCase & {
  clocks: ClockReading[];
  actions: { id: string; label: Label; form?: string }[];
  decisions: ExplainedDecision[];
  approverChain: ApproverChainExplanation | null;
  audit?: AuditEntry[];
  /** User id → name, for everyone in the audit trail and the approval chain. */
  people?: Record<string, string>;
};

function context(deps: AppDeps, version: PublishedPolicy, lang: RequestContext['lang']) {
  return { policy: version.policy, validator: deps.validator, lang };
}

function view(
  version: PublishedPolicy,
  stored: StoredCase,
  roles: string[],
  user: string,
  nowMs: number,
  deps: AppDeps,
  lang: RequestContext['lang'],
): CaseView {
  const clocks = Object.values(stored.case.clocks).map((clock) =>
    readClock(version.policy, clock, nowMs),
  );
  const actions = availableTransitions(context(deps, version, 'zh-CN'), stored.case, {
    user,
    roles,
  }).map((t) => ({
    id: t.id,
    label: t.label,
    ...(t.form ? { form: t.form } : {}),
  }));
  const masked = {
    ...stored,
    case: { ...stored.case, intake: maskIntake(version.policy, stored.case.intake, roles) },
  };
  return {
    ...masked,
    clocks,
    actions,
    decisions: explainDecisions(version.policy, stored.case, lang),
    approverChain: approverChain(context(deps, version, lang), stored.case),
  };
}

/** The names of the users (of this company, or platform staff) behind these ids. */
async function peopleOf(
  deps: AppDeps,
  companyId: string,
  ids: string[],
): Promise<Record<string, string>> {
  const people: Record<string, string> = {};
  for (const id of new Set(ids)) {
    const user = await deps.store.users.get(id);
    if (user && (user.companyId === undefined || user.companyId === companyId))
      people[id] = user.name;
  }
  return people;
}

/** Audit entries with the intake inside before/after masked like the case. */
function maskAudit(version: PublishedPolicy, entries: AuditEntry[], roles: string[]): AuditEntry[] {
  if (seesConfidential(version.policy, roles)) return entries;
  const mask = (value: unknown) => {
    if (!value || typeof value !== 'object' || !('intake' in value)) return value;
    const c = value as { intake: Record<string, unknown> };
    return { ...c, intake: maskIntake(version.policy, c.intake, roles) };
  };
  return entries.map((entry) => ({
    ...entry,
    before: mask(entry.before),
    after: mask(entry.after),
  }));
}

/**
 * Registers a complaint under the company's latest published policy.
 * @throws form_invalid with every field error, no_published_policy
 */
export async function intakeCase(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  intake: Record<string, unknown>,
): Promise<CaseView> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const version = await publishedPolicy(deps, companyId);
  const { policy } = version;
  const receivedAt = deps.now();
  const actor = { user: request.principal.userId, roles };
  const opened = await openCase(context(deps, version, request.lang), {
    id: deps.newId(),
    number: '',
    receivedAt,
    intake,
    actor,
  });
  const receivedMs = parseInstant(receivedAt);
  const period = numberingPeriod(policy.numbering, receivedMs, policy.timeZone);
  const stored = await deps.store.cases.insertNumbered(
    companyId,
    period,
    (serial) => ({
      case: {
        ...opened.case,
        number: formatCaseNumber(policy.numbering, receivedMs, policy.timeZone, serial),
      },
      policyVersion: version.number,
      updatedAt: receivedAt,
    }),
    (created) => [
      {
        id: deps.newId(),
        companyId,
        caseId: created.case.id,
        at: receivedAt,
        by: actor.user,
        action: 'intake',
        policyVersion: version.number,
        after: created.case,
        events: opened.events,
      },
    ],
  );
  return view(version, stored, roles, actor.user, receivedMs, deps, request.lang);
}

async function load(deps: AppDeps, companyId: string, caseId: string) {
  const stored = await deps.store.cases.get(companyId, caseId);
  if (!stored) throw notFound('case');
  return { stored, version: await publishedPolicy(deps, companyId, stored.policyVersion) };
}

/** The case with its clocks read now, the actions the reader may take, and its audit trail. */
export async function readCase(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
): Promise<CaseView> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const { stored, version } = await load(deps, companyId, caseId);
  const audit = maskAudit(version, await deps.store.audit.list(companyId, caseId), roles);
  const now = parseInstant(deps.now());
  return {
    ...view(version, stored, roles, request.principal.userId, now, deps, request.lang),
    audit,
    people: await peopleOf(deps, companyId, [
      ...audit.map((entry) => entry.by),
      ...(stored.case.remedy?.chain ?? []).flatMap((step) => (step.user ? [step.user] : [])),
    ]),
  };
}

/**
 * Applies a workflow action to the case, under the policy version it was opened with.
 * @throws stale_version when `expectedVersion` is given and the case has moved on; every domain code
 */
export async function actOnCase(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
  input: { transition: string; data?: Record<string, unknown>; expectedVersion?: number },
): Promise<CaseView> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const { stored, version } = await load(deps, companyId, caseId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== stored.version) {
    throw new AppError('stale_version', 'The case has changed since it was read', {
      expected: input.expectedVersion,
      actual: stored.version,
    });
  }
  const at = deps.now();
  const actor = { user: request.principal.userId, roles };
  const result = await applyAction(context(deps, version, request.lang), stored.case, {
    transition: input.transition,
    actor,
    at,
    ...(input.data ? { data: input.data } : {}),
  });
  const entry: AuditEntry = {
    id: deps.newId(),
    companyId,
    caseId,
    at,
    by: actor.user,
    action: input.transition,
    policyVersion: version.number,
    before: stored.case,
    after: result.case,
    events: result.events,
  };
  const saved = await deps.store.cases.save(
    { ...stored, case: result.case, updatedAt: at },
    stored.version,
    [entry],
  );
  return view(version, saved, roles, actor.user, parseInstant(at), deps, request.lang);
}
