import { describe, expect, it } from 'vitest';
import type { ExampleExpectation } from '../../../server/domain/policy/format.ts';
import { runExample } from '../../../server/domain/examples/run-examples.ts';
import { exampleFailureMessage } from '../../../server/messages/example-messages.ts';
import { buildContext, buildPolicy } from '../../support/policies.ts';

// The starter's fourth example: read two working days after receipt, the manager has been notified.
const base = () => buildPolicy().examples[3]!;

describe('example expectations can fail', () => {
  it.each<[string, ExampleExpectation, string]>([
    ['a role never notified', { notified: ['clerk'] }, 'clerk was not notified'],
    ['a flag expected absent that was raised', { absentFlags: ['x'] }, ''],
    [
      'a flag expected that was not raised',
      { flags: ['escalated'] },
      'flag escalated was not raised',
    ],
    [
      'a wrong approver chain preview',
      { approverChain: ['manager'] },
      'approver chain: expected ["manager"], got ["supervisor"]',
    ],
    ['a wrong state', { state: 'closed' }, 'state: expected "closed", got "registered"'],
  ])('%s', async (_description, expectation, failure) => {
    const example = { ...base(), expect: expectation };
    const result = await runExample(buildContext(), example);
    if (failure === '') expect(result.passed).toBe(true);
    else expect(result.failures.map(exampleFailureMessage)).toContain(failure);
  });

  it('reports a raised flag that must be absent', async () => {
    const policy = buildPolicy((p) => {
      p.ruleSets[0]!.rules.push({
        name: 'alwaysFlag',
        conditions: { all: [{ fact: 'state', operator: 'equal', value: 'registered' }] },
        event: { type: 'flag', params: { flag: 'seen' } },
      });
    });
    const result = await runExample(buildContext(policy), {
      ...policy.examples[3]!,
      expect: { absentFlags: ['seen'] },
    });
    expect(result.failures).toEqual([{ code: 'flag_raised', params: { flag: 'seen' } }]);
    expect(result.failures.map(exampleFailureMessage)).toEqual(['flag seen was raised']);
  });
});
