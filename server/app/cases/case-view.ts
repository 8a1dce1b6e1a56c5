/** A case as its readers see it: clocks read now, the actions they may take, decisions explained. */
import { actionChoices, type ActionChoice } from '../../domain/case/action-choices.ts';
import type { Delivery } from '../ports/outbox.ts';
import type { ApproverChainExplanation } from '../../domain/case/explain-case.ts';
import { maskIntake, seesConfidential } from '../../domain/case/mask.ts';
import { readClock, type ClockReading } from '../../domain/clocks/clocks.ts';
import type { DomainErrorCode } from '../../domain/errors.ts';
import type { Label } from '../../domain/policy/format.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { Attachment, AuditEntry, PublishedPolicy, StoredCase } from '../ports/ports.ts';
import { approverChain, explainDecisions, type ExplainedDecision } from './case-explanation.ts';

/** Why an action would be refused now: the domain's code and details, and whose approval it awaits. */
export type ActionRefusalView = {
  code: DomainErrorCode;
  details: Record<string, unknown>;
  /** The roles whose approval the action waits for, with their labels, in chain order. */
  waitingFor: { role: string; label: Label }[];
};

/** An action the reader's roles allow in the case's state; `refusal` when it is not possible now. */
export type CaseActionView = {
  id: string;
  label: Label;
  form?: string;
  refusal?: ActionRefusalView;
};

/**
 * A case as its readers see it: the stored case, its clocks read now, what the reader may do, each
 * decision with why it was made, the approver chain, and (when read) the audit trail with the
 * names of the people in it.
 */
export type CaseView = StoredCase & {
  clocks: ClockReading[];
  actions: CaseActionView[];
  decisions: ExplainedDecision[];
  approverChain: ApproverChainExplanation | null;
  /** The time zone of the case's policy: company time, in which its times are read. */
  timeZone: string;
  audit?: AuditEntry[];
  /** The files on the case (metadata only), in the order added; given when the case is read. */
  attachments?: Attachment[];
  /** User id → name, for everyone in the audit trail and the approval chain. */
  people?: Record<string, string>;
  /** (When read) the outgoing deliveries of its notifications, oldest first. */
  deliveries?: Delivery[];
  /** True when the answer is an earlier write's, replayed for a retry with its idempotency key. */
  replayed?: boolean;
};

/** What the domain needs to evaluate a case under a published version. */
export function evaluationContext(
  deps: AppDeps,
  version: PublishedPolicy,
  lang: RequestContext['lang'],
) {
  return { policy: version.policy, validator: deps.validator, lang };
}

function actionView(policy: PublishedPolicy['policy'], choice: ActionChoice): CaseActionView {
  const { transition, refusal } = choice;
  return {
    id: transition.id,
    label: transition.label,
    ...(transition.form ? { form: transition.form } : {}),
    ...(refusal
      ? {
          refusal: {
            code: refusal.code,
            details: refusal.details,
            waitingFor: refusal.waitingFor.map((role) => ({
              role,
              label: policy.roles[role]?.label ?? { 'zh-CN': role, en: role },
            })),
          },
        }
      : {}),
  };
}

/** The case as a reader with these roles sees it now (see CaseView). */
export async function view(
  version: PublishedPolicy,
  stored: StoredCase,
  roles: string[],
  user: string,
  nowMs: number,
  deps: AppDeps,
  lang: RequestContext['lang'],
): Promise<CaseView> {
  const clocks = Object.values(stored.case.clocks).map((clock) =>
    readClock(version.policy, clock, nowMs),
  );
  const choices = await actionChoices(
    evaluationContext(deps, version, 'zh-CN'),
    stored.case,
    { user, roles },
    new Date(nowMs).toISOString(),
  );
  const actions = choices.map((choice) => actionView(version.policy, choice));
  // The idempotency keys (other callers' among them) are storage's own and never shown.
  const { idempotency: _keys, ...shown } = stored;
  const masked = {
    ...shown,
    case: { ...stored.case, intake: maskIntake(version.policy, stored.case.intake, roles) },
  };
  return {
    ...masked,
    clocks,
    actions,
    decisions: explainDecisions(version.policy, stored.case, lang),
    approverChain: approverChain(evaluationContext(deps, version, lang), stored.case),
    timeZone: version.policy.timeZone,
  };
}

/** The names of the users (of this company, or platform staff) behind these ids. */
export async function peopleOf(
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
export function maskAudit(
  version: PublishedPolicy,
  entries: AuditEntry[],
  roles: string[],
): AuditEntry[] {
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
