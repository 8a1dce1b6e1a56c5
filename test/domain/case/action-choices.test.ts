/** What each reader is offered on a case: the actions applyAction would accept now, and why not. */
import { describe, expect, it } from 'vitest';
import { actionChoices } from '../../../server/domain/case/action-choices.ts';
import type { Case } from '../../../server/domain/case/case.ts';
import type { CaseContext } from '../../../server/domain/case/open-case.ts';
import type { Actor } from '../../../server/domain/case/case.ts';
import { buildContext, buildPolicy } from '../../support/policies.ts';
import { act, clerk, manager, open, supervisor } from './lifecycle-fixtures.ts';

const AT = '2026-03-02T12:00:00+08:00';

async function choices(context: CaseContext, current: Case, who: Actor) {
  return (await actionChoices(context, current, who, AT)).map((c) => ({
    id: c.transition.id,
    ...(c.refusal ? { code: c.refusal.code, waitingFor: c.refusal.waitingFor } : {}),
  }));
}

describe('the actions a reader is offered', () => {
  it('follows a 1,500 remedy through its chain as applyAction would', async () => {
    const context = buildContext();
    let current = await open(context);
    current = await act(context, current, 'propose', clerk, { type: 'compensation', amount: 1500 });
    expect(await choices(context, current, manager)).toEqual([
      { id: 'approve', code: 'approval_not_pending', waitingFor: ['supervisor'] },
    ]);
    expect(await choices(context, current, clerk)).toEqual([
      { id: 'reply', code: 'approvals_pending', waitingFor: ['supervisor', 'manager'] },
    ]);
    expect(await choices(context, current, supervisor)).toEqual([{ id: 'approve' }]);
    current = await act(context, current, 'approve', supervisor);
    expect(await choices(context, current, supervisor)).toEqual([
      { id: 'approve', code: 'approval_beyond_authority', waitingFor: ['manager'] },
    ]);
    expect(await choices(context, current, manager)).toEqual([{ id: 'approve' }]);
  });

  it('offers an action whose stage form is still to be filled in', async () => {
    const context = buildContext();
    expect(await choices(context, await open(context), clerk)).toEqual([{ id: 'propose' }]);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    [
      'a guard over the case refuses now',
      { all: [{ fact: 'intake', path: '$.amountSought', operator: 'lessThan', value: 100 }] },
      true,
    ],
    [
      'a guard over the action’s own form waits for the form',
      { all: [{ fact: 'forms', path: '$.remedy.type', operator: 'equal', value: 'refund' }] },
      false,
    ],
  ])('%s', async (_, guard, refused) => {
    const context = buildContext(
      buildPolicy((p) => {
        p.workflow.transitions.find((t) => t.id === 'propose')!.guard = guard;
      }),
    );
    const [choice] = await choices(context, await open(context), clerk);
    expect(choice).toEqual(
      refused ? { id: 'propose', code: 'guard_failed', waitingFor: [] } : { id: 'propose' },
    );
  });
});
