/** The policy, actors and steps the case lifecycle tests share. */
import { applyAction } from '../../../server/domain/case/apply-action.ts';
import type { Case } from '../../../server/domain/case/case.ts';
import { openCase, type CaseContext } from '../../../server/domain/case/open-case.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { actor, buildPolicy, starterIntake } from '../../support/policies.ts';

/** A clerk, a supervisor and a manager of the starter policy. */
export const clerk = actor('li', 'clerk');
/** The supervisor who reclassifies. */
export const supervisor = actor('zhao', 'supervisor');
/** The manager who approves above the supervisor. */
export const manager = actor('qian', 'manager');

/** The starter policy with a customer response, reclassification and a waiting state. */
export function richerPolicy(): Policy {
  return buildPolicy((p) => {
    p.workflow.states.waiting = { label: { 'zh-CN': '等待客户' } };
    p.workflow.transitions.push(
      {
        id: 'customerRejects',
        label: { 'zh-CN': '客户不接受' },
        from: ['replied'],
        to: 'registered',
        roles: ['clerk'],
        effect: 'customerReject',
      },
      {
        id: 'reclassify',
        label: { 'zh-CN': '重新分类' },
        from: ['registered', 'approving'],
        roles: ['supervisor'],
        effect: 'reclassify',
      },
      {
        id: 'wait',
        label: { 'zh-CN': '等待客户资料' },
        from: ['registered'],
        to: 'waiting',
        roles: ['clerk'],
      },
      {
        id: 'resume',
        label: { 'zh-CN': '收到资料' },
        from: ['waiting'],
        to: 'registered',
        roles: ['clerk'],
      },
    );
    p.clocks.reply!.pauseIn = ['waiting'];
  });
}

/** Opens case c1 with the starter intake, received 2026-03-02 10:00 unless told. */
export async function open(
  context: CaseContext,
  intake = starterIntake(),
  receivedAt = '2026-03-02T10:00:00+08:00',
) {
  return (
    await openCase(context, { id: 'c1', number: '2603001', receivedAt, intake, actor: clerk })
  ).case;
}

/** Takes a transition on the case, by the clerk at 11:00 unless told; the case after it. */
export async function act(
  context: CaseContext,
  current: Case,
  transition: string,
  who = clerk,
  data?: Record<string, unknown>,
  at = '2026-03-02T11:00:00+08:00',
) {
  return (
    await applyAction(context, current, { transition, actor: who, at, ...(data ? { data } : {}) })
  ).case;
}
