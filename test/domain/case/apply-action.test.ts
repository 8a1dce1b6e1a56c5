/** Acting on a case: approvals, refusals, reopening, reclassifying, pausing clocks, guards. */
import { describe, expect, it } from 'vitest';
import { availableTransitions } from '../../../server/domain/case/apply-action.ts';
import { actionChoices } from '../../../server/domain/case/action-choices.ts';
import { readClock } from '../../../server/domain/clocks/clocks.ts';
import { actor, buildContext, buildPolicy, starterIntake } from '../../support/policies.ts';
import { clerk, supervisor, manager, richerPolicy, open, act } from './lifecycle-fixtures.ts';

describe('acting on a case', () => {
  it('walks a remedy beyond the first approver’s authority through both approvals to closure', async () => {
    const context = buildContext();
    let current = await open(context);
    current = await act(context, current, 'propose', clerk, { type: 'compensation', amount: 1500 });
    expect(current.remedy?.chain.map((s) => s.role)).toEqual(['supervisor', 'manager']);
    await expect(act(context, current, 'approve', manager)).rejects.toMatchObject({
      code: 'approval_not_pending',
    });
    current = await act(context, current, 'approve', supervisor);
    expect(current.state).toBe('approving');
    await expect(
      act(context, current, 'reply', clerk, { message: '赔偿 1500 元' }),
    ).rejects.toMatchObject({ code: 'approvals_pending', details: { pending: ['manager'] } });
    await expect(act(context, current, 'approve', supervisor)).rejects.toMatchObject({
      code: 'approval_beyond_authority',
    });
    current = await act(context, current, 'approve', manager);
    expect(current.state).toBe('approved');
    current = await act(context, current, 'reply', clerk, { message: '赔偿 1500 元' });
    expect(current.clocks.reply?.status).toBe('stopped');
    current = await act(context, current, 'close', manager);
    expect(current).toMatchObject({ state: 'closed', terminal: 'closed' });
    await expect(act(context, current, 'close', manager)).rejects.toMatchObject({
      code: 'case_terminal',
    });
  });

  it.each<[string, string, ReturnType<typeof actor>, Record<string, unknown> | undefined, string]>([
    ['an unknown action', 'escalate', clerk, undefined, 'unknown_transition'],
    [
      'a role the transition does not name',
      'propose',
      supervisor,
      { type: 'refund', amount: 10 },
      'role_not_allowed',
    ],
    ['the wrong state', 'close', manager, undefined, 'wrong_state'],
    ['a missing stage form', 'propose', clerk, undefined, 'stage_form_missing'],
    ['an invalid stage form', 'propose', clerk, { type: 'gift', amount: -1 }, 'stage_form_invalid'],
  ])('refuses %s with a coded error', async (_description, transition, who, data, code) => {
    const context = buildContext();
    await expect(act(context, await open(context), transition, who, data)).rejects.toMatchObject({
      code,
    });
  });

  it('names the invalid fields of a stage form', async () => {
    const context = buildContext();
    const promise = act(context, await open(context), 'propose', clerk, {
      type: 'gift',
      amount: -1,
    });
    await expect(promise).rejects.toMatchObject({
      fieldErrors: [
        expect.objectContaining({ property: '.type' }),
        expect.objectContaining({ property: '.amount' }),
      ],
    });
  });

  it('refuses a transition whose guard does not hold', async () => {
    const context = buildContext(
      buildPolicy((p) => {
        p.workflow.transitions.find((t) => t.id === 'markInvalid')!.guard = {
          all: [{ fact: 'intake', path: '$.amountSought', operator: 'lessThan', value: 100 }],
        };
      }),
    );
    await expect(
      act(context, await open(context), 'markInvalid', supervisor),
    ).rejects.toMatchObject({ code: 'guard_failed' });
  });

  it('reopens on the customer’s rejection with the earlier decision attached', async () => {
    const context = buildContext(richerPolicy());
    let current = await open(context);
    current = await act(context, current, 'propose', clerk, { type: 'refund', amount: 100 });
    current = await act(context, current, 'approve', supervisor);
    current = await act(context, current, 'reply', clerk, { message: '退款 100 元' });
    current = await act(context, current, 'customerRejects', clerk, { reason: '金额太少' });
    expect(current.state).toBe('registered');
    expect(current.remedy).toBeNull();
    expect(current.reopened[0]).toMatchObject({
      reason: '金额太少',
      remedy: { amount: 100 },
      reply: { data: { message: '退款 100 元' } },
    });
  });

  it('reclassifies with a reason kept in the history, without moving the case', async () => {
    const context = buildContext(richerPolicy());
    const current = await act(context, await open(context), 'reclassify', supervisor, {
      dimension: 'severity',
      value: 'major',
      reason: '媒体关注',
    });
    expect(current.state).toBe('registered');
    expect(current.categoryHistory.at(-1)).toMatchObject({
      from: 'general',
      to: 'major',
      source: { kind: 'staff', user: 'zhao', reason: '媒体关注' },
    });
    await expect(
      act(context, current, 'reclassify', supervisor, { dimension: 'severity', value: 'huge' }),
    ).rejects.toMatchObject({ code: 'unknown_category' });
  });

  it('pauses the clock while waiting for the customer and counts the pause out of the due time', async () => {
    const context = buildContext(richerPolicy());
    let current = await open(context);
    current = await act(context, current, 'wait', clerk, undefined, '2026-03-02T11:00:00+08:00');
    expect(current.clocks.reply?.status).toBe('paused');
    current = await act(context, current, 'resume', clerk, undefined, '2026-03-03T11:00:00+08:00');
    const reading = readClock(
      context.policy,
      current.clocks.reply!,
      Date.parse('2026-03-03T11:00:00+08:00'),
    );
    expect(reading.due).toBe('2026-03-05T10:00:00+08:00');
    expect(reading.explanation.pauses.length).toBeGreaterThan(0);
  });

  it('adds the roles rules require to every chain', async () => {
    const context = buildContext(
      buildPolicy((p) => {
        p.ruleSets[0]!.rules.push({
          name: 'majorNeedsManager',
          priority: 1,
          conditions: {
            all: [{ fact: 'categories', path: '$.severity', operator: 'equal', value: 'major' }],
          },
          event: { type: 'requireApproval', params: { role: 'manager' } },
        });
      }),
    );
    const current = await act(
      context,
      await open(context, starterIntake({ amountSought: 9000 })),
      'propose',
      clerk,
      { type: 'refund', amount: 100 },
    );
    expect(current.remedy?.chain.map((s) => s.role)).toEqual(['supervisor', 'manager']);
  });

  it('lists only the transitions the actor may take now', async () => {
    const context = buildContext();
    const current = await open(context);
    expect(availableTransitions(context, current, clerk).map((t) => t.id)).toEqual(['propose']);
    expect(availableTransitions(context, current, supervisor).map((t) => t.id)).toEqual([
      'markInvalid',
    ]);
  });

  it('lets a guard read the form submitted with the same action', async () => {
    const context = buildContext(
      buildPolicy((p) => {
        p.workflow.transitions.find((t) => t.id === 'propose')!.guard = {
          all: [{ fact: 'forms', path: '$.remedy.type', operator: 'notEqual', value: 'refund' }],
        };
      }),
    );
    const current = await open(context);
    await expect(
      act(context, current, 'propose', clerk, { type: 'refund', amount: 10 }),
    ).rejects.toMatchObject({ code: 'guard_failed' });
    expect(
      (await act(context, current, 'propose', clerk, { type: 'apology', amount: 0 })).state,
    ).toBe('approving');
  });

  it('refuses a second approval of the same chain by the same person, even holding both roles (four eyes)', async () => {
    const context = buildContext();
    const both = actor('zhao', 'supervisor', 'manager');
    let current = await open(context);
    current = await act(context, current, 'propose', clerk, { type: 'compensation', amount: 1500 });
    current = await act(context, current, 'approve', both);
    const approveFor = async (who: typeof both) =>
      (await actionChoices(context, current, who, '2026-03-02T12:00:00+08:00')).find(
        (choice) => choice.transition.id === 'approve',
      );
    expect((await approveFor(both))?.refusal).toMatchObject({ code: 'approval_same_person' });
    expect(await approveFor(manager)).toMatchObject({ transition: { id: 'approve' } });
    expect((await approveFor(manager))?.refusal).toBeUndefined();
    await expect(act(context, current, 'approve', both)).rejects.toMatchObject({
      code: 'approval_same_person',
      details: { user: 'zhao', approved: 'supervisor', pending: 'manager' },
    });
    expect((await act(context, current, 'approve', manager)).state).toBe('approved');
  });

  it('lets one person approve two steps when the policy turns four eyes off', async () => {
    const context = buildContext(
      buildPolicy((p) => {
        p.approvals.fourEyes = false;
      }),
    );
    const both = actor('zhao', 'supervisor', 'manager');
    let current = await open(context);
    current = await act(context, current, 'propose', clerk, { type: 'compensation', amount: 1500 });
    current = await act(context, current, 'approve', both);
    expect(availableTransitions(context, current, both).map((t) => t.id)).toContain('approve');
    expect((await act(context, current, 'approve', both)).state).toBe('approved');
  });
});
