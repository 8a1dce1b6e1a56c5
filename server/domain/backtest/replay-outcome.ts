/**
 * What a replayed case came to, in the terms a backtest compares: categories, approver chains,
 * clocks (due and late), routing, notifications, refused actions and the final state — each with
 * the rule or table row that decided it.
 */
import { approverChainOf } from '../case/explain-case.ts';
import type { Case, DecisionSource } from '../case/case.ts';
import type { CaseContext } from '../case/open-case.ts';
import { clockDue } from '../clocks/clocks.ts';
import { isDomainError, type DomainErrorCode } from '../errors.ts';

/** An action the policy refused during the replay, with the code it was refused with. */
export type RefusedAction = { transition: string; at: string; code: DomainErrorCode };

/** An approver chain: the amount, the matrix row that chose it and its roles in order. */
export type ChainOutcome = {
  amount: number;
  /** "remedy" for a proposed remedy; "preview" for the amount the intake asks for. */
  basis: 'remedy' | 'preview';
  row: string;
  roles: string[];
};

/** A clock: its due time, whether it was (or is, still running at "now") past due, and why. */
export type ClockOutcome = { status: string; due: string; late: boolean; source?: string };

/** A case replayed to its end. */
export type OpenedOutcome = {
  state: string;
  categories: Record<string, { value: string; source: string }>;
  /** The chain of each remedy proposed, in order (reopened ones first), else the intake's preview. */
  chains: ChainOutcome[];
  clocks: Record<string, ClockOutcome>;
  /** "role / department / user", the parts the case has. */
  assignee: string;
  /** "role: reason" of each notification, in order. */
  notifications: string[];
  refused: RefusedAction[];
};

/** A case whose intake the policy refuses. */
export type RefusedOutcome = { refusedIntake: DomainErrorCode; refused: RefusedAction[] };

/** What a replay came to. */
export type ReplayOutcome = OpenedOutcome | RefusedOutcome;

/** True when the replay got past the intake. */
export function isOpened(outcome: ReplayOutcome): outcome is OpenedOutcome {
  return !('refusedIntake' in outcome);
}

/** A decision's source in a few words: "ruleSet/rule", "table/row", "form:field", … */
export function sourceLabel(source: DecisionSource | undefined): string {
  if (!source) return '';
  switch (source.kind) {
    case 'rule':
      return `${source.ruleSet}/${source.rule}`;
    case 'table':
      return `${source.table}/${source.row}`;
    case 'form':
      return `form:${source.field}`;
    case 'staff':
      return `staff:${source.user}`;
    case 'default':
      return `default:${source.dimension}`;
  }
}

function categoriesOf(c: Case): OpenedOutcome['categories'] {
  const sources = new Map<string, DecisionSource>();
  for (const change of c.categoryHistory) sources.set(change.dimension, change.source);
  return Object.fromEntries(
    Object.entries(c.categories).map(([dimension, value]) => [
      dimension,
      { value, source: sourceLabel(sources.get(dimension)) },
    ]),
  );
}

function chainsOf(context: CaseContext, c: Case): ChainOutcome[] {
  const remedies = [...c.reopened.map((r) => r.remedy), c.remedy].filter((r) => r !== null);
  if (remedies.length > 0)
    return remedies.map((remedy) => ({
      amount: remedy.amount,
      basis: 'remedy',
      row: remedy.chainSource.map(sourceLabel).join(', '),
      roles: remedy.chain.map((step) => step.role),
    }));
  try {
    const preview = approverChainOf(context, c);
    return preview
      ? [
          {
            amount: preview.amount,
            basis: 'preview',
            row: `approvals/${preview.row}`,
            roles: preview.chain.map((step) => step.role),
          },
        ]
      : [];
  } catch (error) {
    // No matrix row covers the amount asked for: no chain to show.
    if (isDomainError(error)) return [];
    throw error;
  }
}

function clocksOf(context: CaseContext, c: Case, nowMs: number): OpenedOutcome['clocks'] {
  const clocks: OpenedOutcome['clocks'] = {};
  for (const clock of Object.values(c.clocks)) {
    const reading = clockDue(context.policy, clock, nowMs);
    const source = sourceLabel(clock.durationSource);
    clocks[clock.id] = {
      status: clock.status,
      due: reading.due,
      late: reading.overdue,
      ...(source ? { source } : {}),
    };
  }
  return clocks;
}

/** The outcome of a replayed case, its running clocks read at `nowMs`. */
export function outcomeOf(
  context: CaseContext,
  c: Case,
  refused: RefusedAction[],
  nowMs: number,
): OpenedOutcome {
  const { role, department, user } = c.assignee;
  return {
    state: c.state,
    categories: categoriesOf(c),
    chains: chainsOf(context, c),
    clocks: clocksOf(context, c, nowMs),
    assignee: [role, department, user].filter(Boolean).join(' / '),
    notifications: c.notifications.map((n) => `${n.role}: ${n.reason}`),
    refused,
  };
}
