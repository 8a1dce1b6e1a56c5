/** Cases of a company: intake (numbered, evaluated, clocks started), read, act, list. */
import { applyAction } from '../../domain/case/apply-action.ts';
import { diffJson } from '../../domain/case/case-patch.ts';
import { parseInstant } from '../../domain/time/time.ts';
import { companyAccess } from '../access.ts';
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import type { AuditEntry, IdempotencyClaim, IdempotencyRecord } from '../ports/ports.ts';
import { evaluationContext, maskAudit, peopleOf, view, type CaseView } from './case-view.ts';
import { idempotencyClaim, writeOnce } from './idempotency.ts';
import { underPublishedVersion } from './published-evaluation.ts';
import { withCaseStates } from './audit-history.ts';
import { registerCase } from './register-case.ts';
import { raisedNotifications } from '../../domain/case/raised-notifications.ts';
import { prepareOutbox } from '../notifications/notification-outbox.ts';
import { stageFormFiles } from './stage-form-files.ts';

export type { ActionRefusalView, CaseActionView, CaseView } from './case-view.ts';

/** A workflow action on a case: the transition, its form data, the version it was decided on. */
export type ActionInput = {
  transition: string;
  data?: Record<string, unknown>;
  expectedVersion?: number;
};

/** Options of a case write. */
export type WriteOptions = {
  /** The caller's Idempotency-Key: a retry with it gets the first write's case, written once. */
  idempotencyKey?: string;
};

/**
 * Registers a complaint under the company's latest published policy; with an idempotency key
 * already used for the same intake, answers that intake's case (now) without writing.
 * @throws form_invalid with every field error, no_published_policy, idempotency_key_reused
 */
export async function intakeCase(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  intake: Record<string, unknown>,
  options: WriteOptions = {},
): Promise<CaseView> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const claim = idempotencyClaim(
    request.principal.userId,
    options.idempotencyKey,
    { intake },
    deps.hashSecret,
  );
  const replayed = replay(deps, request, companyId, roles);
  const write = () => intakeOnce(deps, request, companyId, intake, roles, claim);
  return writeOnce(deps.store, companyId, claim, write, replayed);
}

/** Opens, numbers and stores the case (with the write's idempotency claim). */
async function intakeOnce(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  intake: Record<string, unknown>,
  roles: string[],
  claim: IdempotencyClaim | undefined,
): Promise<CaseView> {
  const actor = { user: request.principal.userId, roles };
  const registration = { actor, lang: request.lang };
  const { stored, version } = await registerCase(deps, companyId, intake, registration, claim);
  const receivedMs = parseInstant(stored.case.receivedAt);
  return await view(version, stored, roles, actor.user, receivedMs, deps, request.lang);
}

/** Answers the case an earlier write with the same idempotency key made, as it is now. */
function replay(deps: AppDeps, request: RequestContext, companyId: string, roles: string[]) {
  return async (earlier: IdempotencyRecord): Promise<CaseView> => {
    const { stored, version } = await load(deps, companyId, earlier.caseId);
    const now = parseInstant(deps.now());
    const user = request.principal.userId;
    return {
      ...(await view(version, stored, roles, user, now, deps, request.lang)),
      replayed: true,
    };
  };
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
  const entries = withCaseStates(await deps.store.audit.forCase(companyId, caseId));
  const audit = maskAudit(version, entries, roles);
  const now = parseInstant(deps.now());
  return {
    ...(await view(version, stored, roles, request.principal.userId, now, deps, request.lang)),
    audit,
    attachments: await deps.store.attachments.list(companyId, caseId),
    people: await peopleOf(deps, companyId, [
      ...audit.map((entry) => entry.by),
      ...(stored.case.remedy?.chain ?? []).flatMap((step) => (step.user ? [step.user] : [])),
    ]),
    deliveries: await deps.store.deliveries.forCase(companyId, caseId),
  };
}

/**
 * Applies a workflow action to the case, under the policy version it was opened with; with an
 * idempotency key already used for the same action, answers the case (now) without acting again.
 * @throws stale_version when `expectedVersion` is given and the case has moved on,
 *   idempotency_key_reused, stage_form_attachment_invalid; every domain code
 */
export async function actOnCase(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
  input: ActionInput,
  options: WriteOptions = {},
): Promise<CaseView> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const action = { caseId, ...input };
  const claim = idempotencyClaim(
    request.principal.userId,
    options.idempotencyKey,
    action,
    deps.hashSecret,
  );
  const replayed = replay(deps, request, companyId, roles);
  const write = () => actOnce(deps, request, companyId, caseId, input, roles, claim);
  return writeOnce(deps.store, companyId, claim, write, replayed);
}

/** Applies the action and saves the case (with the write's idempotency claim). */
async function actOnce(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
  input: ActionInput,
  roles: string[],
  claim: IdempotencyClaim | undefined,
): Promise<CaseView> {
  const { stored, version } = await load(deps, companyId, caseId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== stored.version) {
    throw new AppError('stale_version', 'The case has changed since it was read', {
      expected: input.expectedVersion,
      actual: stored.version,
    });
  }
  const at = deps.now();
  const actor = { user: request.principal.userId, roles };
  const result = await underPublishedVersion(version, () =>
    applyAction(evaluationContext(deps, version, request.lang), stored.case, {
      transition: input.transition,
      actor,
      at,
      ...(input.data ? { data: input.data } : {}),
    }),
  );
  const files = await stageFormFiles(
    deps,
    { companyId, caseId, policy: version.policy, transition: input.transition },
    input.data,
    request.lang,
  );
  const entry: AuditEntry = {
    id: deps.newId(),
    companyId,
    caseId,
    at,
    by: actor.user,
    action: input.transition,
    policyVersion: version.number,
    changes: diffJson(stored.case, result.case),
    events: result.events,
    input: { ...(input.data ? { data: input.data } : {}), roles },
    ...(files.length > 0 ? { files } : {}),
  };
  const next = { ...stored, case: result.case, updatedAt: at };
  const raised = raisedNotifications(stored.case, result.case, result.events);
  const outbox = await prepareOutbox(deps, companyId, raised);
  const saved = await deps.store.cases.save(next, stored.version, [entry], claim, outbox?.(next));
  return await view(version, saved, roles, actor.user, parseInstant(at), deps, request.lang);
}
