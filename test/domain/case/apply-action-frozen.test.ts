/**
 * Acting never changes the case it is given: every template's example steps applied to a case
 * frozen through and through (a write to it, however deep, throws).
 */
import { describe, expect, it } from 'vitest';
import { bundledTemplates } from '../../../server/adapters/files/bundled-templates.ts';
import { applyAction } from '../../../server/domain/case/apply-action.ts';
import type { Case } from '../../../server/domain/case/case.ts';
import { openCase } from '../../../server/domain/case/open-case.ts';
import { isDomainError } from '../../../server/domain/errors.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { actor, buildContext } from '../../support/policies.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

const source = bundledTemplates();
const templates = source.list().map((summary) => ({
  id: summary.id,
  policy: source.load(summary.id) as Policy,
}));

describe('an action leaves the case it was given as it was', () => {
  it.each(templates)('$id: every example step on a frozen case', async ({ policy }) => {
    const context = buildContext(policy);
    let steps = 0;
    for (const example of policy.examples) {
      let current: Case;
      try {
        current = (
          await openCase(context, {
            id: example.id,
            number: example.id,
            receivedAt: example.receivedAt,
            intake: example.intake,
            actor: actor('intake', 'intake'),
          })
        ).case;
      } catch (error) {
        if (isDomainError(error)) continue;
        throw error;
      }
      for (const { transition, data, actor: by, at } of example.steps ?? []) {
        const before = structuredClone(current);
        deepFreeze(current);
        try {
          const next = await applyAction(context, current, { transition, data, actor: by, at });
          expect(current).toEqual(before);
          current = next.case;
          steps += 1;
        } catch (error) {
          // A refusal the example expects ends it; a write to the frozen case is a TypeError.
          if (!isDomainError(error)) throw error;
          break;
        }
      }
    }
    expect(steps).toBeGreaterThan(0);
  });
});
