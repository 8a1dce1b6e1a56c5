import { describe, expect, it } from 'vitest';
import { mergeTemplate } from '../../../server/domain/policy/merge-template.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { get, keysAt } from '../../support/json-path.ts';
import { buildPolicy } from '../../support/policies.ts';

type Json = Record<string, unknown>;
const ref = { template: 'starter', version: 'v2' };
const workingDays = (amount: number) => ({ amount, unit: 'workingDays' as const });

describe('mergeTemplate: a new template version into a company policy', () => {
  it.each([
    {
      case: 'the template changes an approval limit the company did not touch: taken',
      template: (p: Policy) => void (p.roles.supervisor!.authorityLimit = 800),
      overrides: { clocks: { reply: { duration: workingDays(1) } } },
      read: (p: unknown) => [
        get(p, 'roles.supervisor.authorityLimit'),
        get(p, 'clocks.reply.duration.amount'),
      ],
      want: [800, 1],
      conflicts: [],
    },
    {
      case: 'both changed the same clock: conflict, the company keeps its value',
      template: (p: Policy) => void (p.clocks.reply!.duration = workingDays(3)),
      overrides: { clocks: { reply: { duration: workingDays(1) } } },
      read: (p: unknown) => get(p, 'clocks.reply.duration'),
      want: workingDays(1),
      conflicts: [
        {
          path: '/clocks/reply/duration',
          base: workingDays(2),
          template: workingDays(3),
          company: workingDays(1),
        },
      ],
    },
    {
      case: 'the company removed a category the template changed: conflict, it stays removed',
      template: (p: Policy) => void (p.categories.severity!.label.en = 'Seriousness'),
      overrides: { categories: { severity: { $remove: true } } },
      read: (p: unknown) => get(p, 'categories.severity'),
      want: undefined,
      conflicts: [{ path: '/categories/severity' }],
    },
    {
      case: 'the template adds a state: taken',
      template: (p: Policy) =>
        void (p.workflow.states.withdrawn = {
          label: { 'zh-CN': '已撤回' },
          terminal: 'withdrawn',
        }),
      overrides: { workflow: { states: { closed: { label: { 'zh-CN': '已结案' } } } } },
      read: (p: unknown) => [
        Object.keys(get(p, 'workflow.states') as Json).at(-1),
        get(p, 'workflow.states.closed.label'),
      ],
      want: ['withdrawn', { 'zh-CN': '已结案', en: 'Closed' }],
      conflicts: [],
    },
    {
      case: 'the template removes a transition the company changed: conflict, the company keeps it',
      template: (p: Policy) =>
        void (p.workflow.transitions = p.workflow.transitions.filter((t) => t.id !== 'close')),
      overrides: { workflow: { transitions: [{ id: 'close', roles: ['manager'] }] } },
      read: (p: unknown) => keysAt(p, 'workflow.transitions').includes('close'),
      want: true,
      conflicts: [{ path: '/workflow/transitions/close' }],
    },
    {
      case: 'both made the same change: no conflict',
      template: (p: Policy) => void (p.numbering.reset = 'year'),
      overrides: { numbering: { reset: 'year' } },
      read: (p: unknown) => get(p, 'numbering.reset'),
      want: 'year',
      conflicts: [],
    },
  ])('$case', ({ template, overrides, read, want, conflicts }) => {
    const base = buildPolicy() as unknown as Json;
    const theirs = buildPolicy(template) as unknown as Json;
    const document = { extends: { template: 'starter', version: 'v1' }, ...overrides };
    const merged = mergeTemplate({ base, theirs, document, ref });
    expect(read(merged.policy)).toEqual(want);
    expect(merged.conflicts).toHaveLength(conflicts.length);
    conflicts.forEach((conflict, i) => expect(merged.conflicts[i]).toMatchObject(conflict));
    expect(merged.document.extends).toEqual(ref);
  });

  it('keeps the company’s overrides as overrides of the new template', () => {
    const base = buildPolicy() as unknown as Json;
    const theirs = buildPolicy(
      (p) => void (p.roles.supervisor!.authorityLimit = 800),
    ) as unknown as Json;
    const document = {
      extends: { template: 'starter', version: 'v1' },
      clocks: { reply: { duration: workingDays(1) } },
    };
    expect(mergeTemplate({ base, theirs, document, ref }).document).toEqual({
      extends: ref,
      clocks: { reply: { duration: workingDays(1) } },
    });
  });
});
