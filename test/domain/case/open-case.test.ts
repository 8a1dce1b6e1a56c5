/** Opening a case: intake validation, defaults, rules with their trace, clocks started. */
import { describe, expect, it } from 'vitest';
import { readClock } from '../../../server/domain/clocks/clocks.ts';
import { buildContext, starterIntake } from '../../support/policies.ts';
import { open } from './lifecycle-fixtures.ts';

describe('opening a case', () => {
  it('refuses an invalid intake with every field error in rjsf shape', async () => {
    const promise = open(buildContext(), { phone: 'x', description: 'abc' });
    await expect(promise).rejects.toMatchObject({
      code: 'form_invalid',
      fieldErrors: expect.arrayContaining([
        expect.objectContaining({ property: '.customerName' }),
        expect.objectContaining({ property: '.phone' }),
        expect.objectContaining({ property: '.description' }),
      ]),
    });
  });

  it('sets defaults, evaluates rules with their trace, starts the clocks', async () => {
    const context = buildContext();
    const opened = await open(context, starterIntake({ amountSought: 8000 }));
    expect(opened.state).toBe('registered');
    expect(opened.categories).toEqual({ severity: 'major' });
    expect(opened.categoryHistory.map((c) => [c.from, c.to, c.source.kind])).toEqual([
      [null, 'general', 'default'],
      ['general', 'major', 'rule'],
    ]);
    expect(opened.decisions.map((d) => d.action.type)).toEqual(['setCategory', 'notify']);
    expect(opened.decisions[0]?.source).toMatchObject({
      kind: 'rule',
      ruleSet: 'triage',
      rule: 'largeClaimIsMajor',
    });
    expect(readClock(context.policy, opened.clocks.reply!, Date.parse(opened.receivedAt)).due).toBe(
      '2026-03-04T10:00:00+08:00',
    );
  });
});
