/** A transition's guard: its conditions over the case facts, run as a one-rule set. */
import { compileRules, ruleResultJson, runCompiledRules } from './compile-rules.ts';
import { runRules } from './rules-engine.ts';
import type { RuleJson, RuleResultJson } from './rules-engine.ts';

/** Whether the guard holds, and when it does not, the trace of why (json-rules-engine's). */
export type GuardOutcome = { passed: boolean; failureResults: RuleResultJson[] };

// One rule array per guard object, so that the compiled guard is cached with the policy.
const guardRules = new WeakMap<object, RuleJson[]>();

/**
 * Evaluates a guard over the facts as a rule named "guard" (compiled; on json-rules-engine when
 * the compiler leaves the conditions to it or a comparison throws).
 * Rejects with json-rules-engine's error for a malformed guard or an unknown operator.
 */
export async function evaluateGuard(
  guard: RuleJson['conditions'],
  facts: Record<string, unknown>,
): Promise<GuardOutcome> {
  let rules = guardRules.get(guard);
  if (!rules) {
    rules = [{ name: 'guard', conditions: guard, event: { type: 'guard' } }];
    guardRules.set(guard, rules);
  }
  const compiled = compileRules(rules);
  if ('groups' in compiled) {
    try {
      const [outcome] = runCompiledRules(compiled.groups, facts);
      if (outcome) {
        return {
          passed: outcome.result,
          failureResults: outcome.result ? [] : [ruleResultJson(outcome)],
        };
      }
    } catch {
      // json-rules-engine reports the error in its own words below.
    }
  }
  return evaluateGuardOnEngine(rules, facts);
}

async function evaluateGuardOnEngine(
  rules: RuleJson[],
  facts: Record<string, unknown>,
): Promise<GuardOutcome> {
  const result = await runRules({ rules, facts, options: { allowUndefinedFacts: true } });
  return { passed: result.events.length > 0, failureResults: result.failureResults };
}
