/** A case as its readers see it: clocks read now, the actions they may take, decisions explained. */
import { availableTransitions } from '../../domain/case/apply-action.ts';
import type { ApproverChainExplanation } from '../../domain/case/explain-case.ts';
import { maskIntake, seesConfidential } from '../../domain/case/mask.ts';
import { readClock, type ClockReading } from '../../domain/clocks/clocks.ts';
import type { Label } from '../../domain/policy/format.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { AuditEntry, PublishedPolicy, StoredCase } from '../ports/ports.ts';
import { approverChain, explainDecisions, type ExplainedDecision } from './case-explanation.ts';

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

/** The case as a reader with these roles sees it now (see CaseView). */
export function view(
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
  const actions = availableTransitions(evaluationContext(deps, version, 'zh-CN'), stored.case, {
    user,
    roles,
  }).map((t) => ({
    id: t.id,
    label: t.label,
    ...(t.form ? { form: t.form } : {}),
  }));
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
