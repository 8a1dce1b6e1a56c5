/**
 * `kesu explain --json`: the explanation as one JSON object whose keys are documented in
 * docs/cli.md and kept stable — ids with their labels in the user's language, times as the
 * policy's zone writes them, the rule traces as lines in the user's language.
 */
import type { DecisionSource } from '../domain/case/case.ts';
import type { CaseExplanation } from '../domain/case/explain-case.ts';
import type { Lang, Policy } from '../domain/policy/format.ts';
import { explainTrace } from '../domain/rules/evaluate-rules.ts';
import { labelIn } from './print-explanation.ts';
import { traceWords } from './trace-words.ts';

/** A decision's source without the engine's raw trace (its lines are in `why`). */
function sourceOf(source: DecisionSource): Record<string, unknown> {
  if (source.kind !== 'rule') return { ...source };
  return { kind: source.kind, ruleSet: source.ruleSet, rule: source.rule };
}

function clockOf(policy: Policy, clock: CaseExplanation['clocks'][number], lang: Lang) {
  const { explanation } = clock;
  return {
    id: clock.id,
    label: labelIn(policy.clocks[clock.id]?.label, lang, clock.id),
    status: clock.status,
    due: clock.due,
    overdue: clock.overdue,
    elapsedMinutes: Math.round(clock.elapsedMinutes),
    totalMinutes: clock.totalMinutes,
    duration: explanation.duration,
    durationSource: clock.durationSource ? sourceOf(clock.durationSource) : null,
    intervals: explanation.intervals,
    pauses: explanation.pauses,
    days: explanation.days.map((day) => ({
      date: day.date,
      kind: day.kind,
      name: labelIn(day.name, lang),
    })),
    closeOf: explanation.closeOf ?? null,
    outsideCoverage: explanation.outsideCoverage,
    missedEscalations: clock.missedEscalations ?? [],
  };
}

/** The explanation as the documented JSON object. */
export function explanationJson(policy: Policy, explanation: CaseExplanation, lang: Lang) {
  const current = explanation.case;
  const chain = explanation.approverChain;
  return {
    at: explanation.at,
    state: {
      id: current.state,
      label: labelIn(policy.workflow.states[current.state]?.label, lang, current.state),
    },
    number: current.number ?? null,
    categories: Object.entries(current.categories).map(([dimension, value]) => {
      const definition = policy.categories[dimension];
      const change = current.categoryHistory.findLast((c) => c.dimension === dimension);
      return {
        dimension,
        label: labelIn(definition?.label, lang, dimension),
        value,
        valueLabel: labelIn(definition?.values[value]?.label, lang, value),
        source: change ? sourceOf(change.source) : null,
      };
    }),
    decisions: explanation.decisions.map((decision) => ({
      type: decision.action.type,
      params: decision.action.params,
      at: decision.at,
      source: sourceOf(decision.source),
      why:
        decision.source.kind === 'rule'
          ? explainTrace(decision.source.trace, traceWords(lang))
          : decision.why,
    })),
    approverChain: chain && {
      amount: chain.amount,
      currency: policy.approvals.currency,
      basis: chain.basis,
      row: chain.row,
      steps: chain.chain.map((step) => ({
        role: step.role,
        label: labelIn(policy.roles[step.role]?.label, lang, step.role),
        authorityLimit: policy.roles[step.role]?.authorityLimit ?? null,
        status: step.status,
      })),
    },
    clocks: explanation.clocks.map((clock) => clockOf(policy, clock, lang)),
  };
}
