/**
 * replayCase: one recorded case run again through a policy — its intake at its received time, then
 * its recorded actions at their original times, with their data and actors — and what came of it.
 * An action the policy refuses is noted with its code and skipped; the replay goes on.
 */
import { applyAction } from '../case/apply-action.ts';
import { setCategory } from '../case/apply-decisions.ts';
import type { Actor, Case } from '../case/case.ts';
import { openCase, type CaseContext } from '../case/open-case.ts';
import { followCategories } from '../clocks/settle-clocks.ts';
import { DomainError, isDomainError } from '../errors.ts';
import { outcomeOf, type ReplayOutcome } from './replay-outcome.ts';

/** One recorded action: the transition, when and by whom, with the data it was given. */
export type RecordedAction = {
  transition: string;
  at: string;
  actor: Actor;
  data?: Record<string, unknown>;
};

/** A category staff set outside any transition (an import's recorded categories). */
export type RecordedCategory = {
  category: string;
  value: string;
  at: string;
  user: string;
  reason?: string;
};

/** One step of a recorded history: an action, or a category set by staff. */
export type RecordedStep = RecordedAction | RecordedCategory;

/** What a case's history holds that a replay needs. */
export type RecordedCase = {
  id: string;
  number: string;
  receivedAt: string;
  intake: Record<string, unknown>;
  openedBy: Actor;
  actions: RecordedStep[];
};

/** A replayed case: the case it became (none when the intake was refused) and its outcome. */
export type Replay = { case: Case | null; outcome: ReplayOutcome };

/** Opens the case and applies its actions under the policy; clocks still running are read at `nowMs`. */
export async function replayCase(
  context: CaseContext,
  recorded: RecordedCase,
  nowMs: number,
): Promise<Replay> {
  let current: Case;
  try {
    const opened = await openCase(context, {
      id: recorded.id,
      number: recorded.number,
      receivedAt: recorded.receivedAt,
      intake: recorded.intake,
      actor: recorded.openedBy,
    });
    current = opened.case;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { case: null, outcome: { refusedIntake: error.code, refused: [] } };
  }
  const refused: ReplayOutcome['refused'] = [];
  for (const action of recorded.actions) {
    try {
      if ('category' in action) {
        current = recordedCategory(context, current, action);
        continue;
      }
      const applied = await applyAction(context, current, {
        transition: action.transition,
        actor: action.actor,
        at: action.at,
        ...(action.data ? { data: action.data } : {}),
      });
      current = applied.case;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const transition = 'category' in action ? `category:${action.category}` : action.transition;
      refused.push({ transition, at: action.at, code: error.code });
    }
  }
  return { case: current, outcome: outcomeOf(context, current, refused, nowMs) };
}

/**
 * Sets a recorded staff category, if the policy has the value; durations that read it follow.
 * @throws unknown_category
 */
function recordedCategory(context: CaseContext, current: Case, step: RecordedCategory): Case {
  if (!context.policy.categories[step.category]?.values[step.value])
    throw new DomainError('unknown_category', `No ${step.category} ${step.value}`, {
      dimension: step.category,
      value: step.value,
    });
  const source = {
    kind: 'staff' as const,
    user: step.user,
    ...(step.reason ? { reason: step.reason } : {}),
  };
  const set = setCategory(current, step.category, step.value, source, step.at).case;
  return followCategories(context.policy, set, step.at).case;
}
