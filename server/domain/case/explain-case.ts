/**
 * explainCase: why a case stands as it does — each decision with the rule or table row behind it,
 * the approver chain, and every clock's due time with the working intervals it counted.
 */
import { applyAction } from './apply-action.ts';
import { resolveApprovers } from '../approvals/approvals.ts';
import type { Case, Decision } from './case.ts';
import { readClock, type ClockReading } from '../clocks/clocks.ts';
import { explainTrace } from '../rules/evaluate-rules.ts';
import { openCase, type CaseContext } from './open-case.ts';
import type { ExampleStep } from '../policy/format.ts';
import { readPath } from '../policy/schema-fields.ts';
import { sweepCase } from '../clocks/sweep-clocks.ts';
import { parseInstant } from '../time/time.ts';

export type CaseInput = {
  receivedAt: string;
  intake: Record<string, unknown>;
  steps?: ExampleStep[];
  number?: string;
};

export type ApproverChainExplanation = {
  amount: number;
  /** "remedy": the proposed remedy's chain; "preview": what the amount the customer asks for would need. */
  basis: 'remedy' | 'preview';
  row: string;
  chain: { role: string; status: string }[];
};

export type CaseExplanation = {
  case: Case;
  decisions: (Decision & { why: string[] })[];
  approverChain: ApproverChainExplanation | null;
  clocks: ClockReading[];
  at: string;
};

/** The remedy's approver chain, or the chain the amount the customer asks for would need. */
export function approverChainOf(
  context: CaseContext,
  current: Case,
): ApproverChainExplanation | null {
  const { approvals } = context.policy;
  if (current.remedy) {
    const source = current.remedy.chainSource[0];
    return {
      amount: current.remedy.amount,
      basis: 'remedy',
      row: source?.kind === 'table' ? source.row : '',
      chain: current.remedy.chain.map((step) => ({ role: step.role, status: step.status })),
    };
  }
  const sought = approvals.intakeAmountField
    ? Number(readPath(current.intake, approvals.intakeAmountField))
    : NaN;
  if (!Number.isFinite(sought)) return null;
  const { row, chain } = resolveApprovers(context.policy, sought, current.categories);
  const roles = [...chain, ...current.requiredApprovals.filter((role) => !chain.includes(role))];
  return {
    amount: sought,
    basis: 'preview',
    row: row.id,
    chain: roles.map((role) => ({ role, status: 'pending' })),
  };
}

/** Opens the case (and applies its steps) under the policy, and explains the result at `at`. */
export async function explainCase(
  context: CaseContext,
  input: CaseInput,
  at?: string,
): Promise<CaseExplanation> {
  let current = (
    await openCase(context, {
      id: 'explain',
      number: input.number ?? '',
      receivedAt: input.receivedAt,
      intake: input.intake,
      actor: { user: 'explain', roles: [] },
    })
  ).case;
  for (const step of input.steps ?? []) {
    current = (
      await applyAction(context, current, {
        transition: step.transition,
        data: step.data,
        actor: step.actor,
        at: step.at,
      })
    ).case;
  }
  const moment = at ?? input.steps?.[input.steps.length - 1]?.at ?? input.receivedAt;
  const atMs = parseInstant(moment);
  // Read at a later moment, the case is as the clock sweep would have left it by then.
  if (at) current = (await sweepCase(context.policy, current, at)).case;
  return {
    case: current,
    decisions: current.decisions.map((decision) => ({
      ...decision,
      why: decision.source.kind === 'rule' ? explainTrace(decision.source.trace) : [],
    })),
    approverChain: approverChainOf(context, current),
    clocks: Object.values(current.clocks).map((clock) => readClock(context.policy, clock, atMs)),
    at: moment,
  };
}
