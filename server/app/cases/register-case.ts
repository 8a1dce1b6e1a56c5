/**
 * Registering a complaint (受理): the one path every new case takes, typed in by staff or filed on
 * the public form — validated, evaluated, numbered, its clocks started, its outbox and audit entry
 * written with it in one step.
 */
import type { Actor, CaseOrigin } from '../../domain/case/case.ts';
import { openCase } from '../../domain/case/open-case.ts';
import { raisedNotifications } from '../../domain/case/raised-notifications.ts';
import { formatCaseNumber, numberingPeriod } from '../../domain/numbering/numbering.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { parseInstant, zonedParts } from '../../domain/time/time.ts';
import { prepareOutbox } from '../notifications/notification-outbox.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { IdempotencyClaim, PublishedPolicy, StoredCase } from '../ports/ports.ts';
import { evaluationContext } from './case-view.ts';
import { underPublishedVersion } from './published-evaluation.ts';

/** Who registers the case (a user, or the public), in which language, and where it came from. */
export type Registration = { actor: Actor; lang: Lang; origin?: CaseOrigin };

/**
 * Opens, numbers and stores the case under the company's latest published policy (with the
 * write's idempotency claim, if any); the audit entry `intake` is by the registration's actor.
 * @throws form_invalid with every field error, no_published_policy
 */
export async function registerCase(
  deps: AppDeps,
  companyId: string,
  intake: Record<string, unknown>,
  registration: Registration,
  claim?: IdempotencyClaim,
): Promise<{ stored: StoredCase; version: PublishedPolicy }> {
  const version = await publishedPolicy(deps, companyId);
  const { policy } = version;
  const receivedAt = deps.now();
  const { actor, origin } = registration;
  const opened = await underPublishedVersion(version, () =>
    openCase(evaluationContext(deps, version, registration.lang), {
      id: deps.newId(),
      number: '',
      receivedAt,
      intake,
      actor,
      ...(origin ? { origin } : {}),
    }),
  );
  const receivedMs = parseInstant(receivedAt);
  const period = numberingPeriod(policy.numbering, receivedMs, policy.timeZone);
  const raised = raisedNotifications(undefined, opened.case, opened.events);
  const outbox = await prepareOutbox(deps, companyId, raised);
  const stored = await deps.store.cases.insertNumbered(
    companyId,
    period,
    (serial) => ({
      case: {
        ...opened.case,
        number: formatCaseNumber(policy.numbering, receivedMs, policy.timeZone, serial),
      },
      policyVersion: version.number,
      month: zonedParts(receivedMs, policy.timeZone).date.slice(0, 7),
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
    claim,
    outbox,
  );
  return { stored, version };
}
