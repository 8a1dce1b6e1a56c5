/** A rule's `assign`: routed to another role, the case leaves the person who held it. */
import { describe, expect, it } from 'vitest';
import { applyDecision } from '../../../server/domain/case/apply-decisions.ts';
import type { Case, Decision } from '../../../server/domain/case/case.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';

const at = '2026-12-03T02:00:00.000Z';
const held = {
  assignee: { role: 'sales', department: 'sales', user: 'u-zhang' },
} as unknown as Case;
const assign = (params: Record<string, string>): Decision =>
  ({
    action: { type: 'assign', params },
    source: { kind: 'rule', ruleSet: 'routing', rule: 'mediaCases' },
    at,
  }) as unknown as Decision;

describe('assign decided by a rule', () => {
  it('hands the case to another role with nobody of it yet', () => {
    const { case: routed } = applyDecision({} as Policy, held, assign({ role: 'mediaOfficer' }));
    expect(routed.assignee).toEqual({ role: 'mediaOfficer', department: 'sales' });
  });

  it('keeps the person when the role stays and only the department changes', () => {
    const { case: moved } = applyDecision({} as Policy, held, assign({ department: 'quality' }));
    expect(moved.assignee).toEqual({ role: 'sales', department: 'quality', user: 'u-zhang' });
  });

  it('keeps a person the rule names', () => {
    const { case: named } = applyDecision(
      {} as Policy,
      held,
      assign({ role: 'mediaOfficer', user: 'u-zhou' }),
    );
    expect(named.assignee.user).toBe('u-zhou');
  });
});
