// One table of the problems checkPolicy finds, a row a code, kept whole: each code listed once.
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  checkPolicyShape,
} from '../../../../server/domain/policy/check/check-policy.ts';
import type { Policy } from '../../../../server/domain/policy/format.ts';
import { describeProblems } from '../../../../server/messages/check-messages.ts';
import { buildPolicy, testValidator } from '../../../support/policies.ts';

const check = (policy: unknown, lang: 'en' | 'zh-CN' = 'en') =>
  checkPolicy(policy, testValidator(), lang).problems;

describe('checkPolicy', () => {
  it('returns the document as the policy when it checks clean', () => {
    const policy = buildPolicy();
    expect(checkPolicy(policy, testValidator())).toEqual({ ok: true, policy, problems: [] });
  });

  it('returns no policy, only the problems, when the document has any', () => {
    const checked = checkPolicy(
      buildPolicy((p) => void (p.workflow.initial = 'nowhere')),
      testValidator(),
    );
    expect(checked.ok).toBe(false);
    expect(checked).not.toHaveProperty('policy');
    expect(checked.problems.length).toBeGreaterThan(0);
  });

  it('reads a document of the right shape as a policy even when its references are wrong', () => {
    const policy = buildPolicy((p) => void (p.workflow.initial = 'nowhere'));
    expect(checkPolicyShape(policy, testValidator())).toEqual({ ok: true, policy, problems: [] });
    expect(checkPolicyShape({ id: 'x' }, testValidator()).ok).toBe(false);
  });

  it('finds nothing wrong with the starter policy', () => {
    expect(check(buildPolicy())).toEqual([]);
  });

  it('reports shape errors against the policy schema first, with their paths', () => {
    const problems = check({ id: 'x' });
    expect(problems.map((p) => p.path)).toContain('/workflow');
    expect(problems.every((p) => p.code.startsWith('schema_'))).toBe(true);
  });

  it.each<[string, (policy: Policy) => void, string, string]>([
    [
      'overlapping amount bands',
      (p) => void (p.approvals.rows[1]!.min = 800),
      'band_overlap',
      '/approvals/rows/1/min',
    ],
    [
      'a gap between bands',
      (p) => void (p.approvals.rows[1]!.min = 2000),
      'band_gap',
      '/approvals/rows',
    ],
    [
      'no open-ended top band',
      (p) => void (p.approvals.rows[1]!.max = 50_000),
      'band_gap',
      '/approvals/rows',
    ],
    [
      'an empty band',
      (p) => void (p.approvals.rows[1]!.max = 1000),
      'band_empty',
      '/approvals/rows/1/max',
    ],
    [
      'an unknown role in a transition',
      (p) => void (p.workflow.transitions[1]!.roles = ['director']),
      'unknown_role',
      '/workflow/transitions/1/roles/0',
    ],
    [
      'an unknown role in a chain',
      (p) => void (p.approvals.rows[0]!.chain = ['boss']),
      'unknown_role',
      '/approvals/rows/0/chain/0',
    ],
    [
      'a chain whose last approver lacks authority',
      (p) => void (p.approvals.rows[1]!.chain = ['supervisor']),
      'authority_too_low',
      '/approvals/rows/1/chain/0',
    ],
    [
      'a role twice in a chain with four eyes off',
      (p) => {
        p.approvals.fourEyes = false;
        p.approvals.rows[1]!.chain = ['manager', 'manager'];
      },
      'chain_repeats_role',
      '/approvals/rows/1/chain/1',
    ],
    [
      'a form schema that does not compile',
      (p) =>
        void ((p.forms.remedy!.schema.properties as Record<string, object>).amount = {
          type: 'money',
        }),
      'form_schema_invalid',
      '/forms/remedy/schema/properties/amount/type',
    ],
    [
      'a form schema of another JSON Schema version',
      (p) => void (p.forms.remedy!.schema.$schema = 'https://json-schema.org/draft/2020-12/schema'),
      'form_schema_version',
      '/forms/remedy/schema/$schema',
    ],
    [
      'a form that is not an object at its top level',
      (p) => void (p.forms.reply!.schema = { type: 'string' }),
      'form_not_object',
      '/forms/reply/schema/type',
    ],
    [
      'a rule setting a category value that does not exist',
      (p) =>
        void (p.ruleSets[0]!.rules[0]!.event = {
          type: 'setCategory',
          params: { dimension: 'severity', value: 'critical' },
        }),
      'unknown_category_value',
      '/ruleSets/0/rules/0/event/params/value',
    ],
    [
      'a rule with an unknown action',
      (p) => void (p.ruleSets[0]!.rules[0]!.event = { type: 'sendSms', params: {} } as never),
      'unknown_action',
      '/ruleSets/0/rules/0/event/type',
    ],
    [
      'a rule reading an unknown fact',
      (p) =>
        void (p.ruleSets[0]!.rules[0]!.conditions = {
          all: [{ fact: 'weather', operator: 'equal', value: 1 }],
        }),
      'unknown_fact',
      '/ruleSets/0/rules/0/conditions',
    ],
    [
      'a rule reading a field the form lacks',
      (p) =>
        void (p.ruleSets[0]!.rules[0]!.conditions = {
          all: [{ fact: 'intake', path: '$.orderNo', operator: 'equal', value: 1 }],
        }),
      'unknown_field',
      '/ruleSets/0/rules/0/conditions',
    ],
    [
      'a rule setting a category staff alone may set',
      (p) => void (p.categories.severity!.setBy = ['staff']),
      'category_not_rule_set',
      '/ruleSets/0/rules/0/event/params/dimension',
    ],
    [
      'an unreachable state',
      (p) => void (p.workflow.states.archived = { label: { 'zh-CN': '归档' } }),
      'state_unreachable',
      '/workflow/states/archived',
    ],
    [
      'a state that cannot end',
      (p) => void (p.workflow.transitions = p.workflow.transitions.filter((t) => t.id !== 'close')),
      'state_cannot_end',
      '/workflow/states/replied',
    ],
    [
      'a terminal state with a way out',
      (p) => void p.workflow.transitions[0]!.from.push('closed'),
      'terminal_has_exit',
      '/workflow/transitions/0/from/1',
    ],
    [
      'a transition to an unknown state',
      (p) => void (p.workflow.transitions[0]!.to = 'nowhere'),
      'unknown_state',
      '/workflow/transitions/0/to',
    ],
    [
      'a clock on an unknown calendar',
      (p) => void (p.clocks.reply!.calendar = 'lunar'),
      'unknown_calendar',
      '/clocks/reply/calendar',
    ],
    [
      'a clock stopped by an unknown transition',
      (p) => void (p.clocks.reply!.stop = [{ transition: 'answer' }]),
      'unknown_transition',
      '/clocks/reply/stop/0/transition',
    ],
    [
      'an escalation notifying an unknown role',
      (p) =>
        void (p.clocks.reply!.escalations = [
          { level: 1, actions: [{ type: 'notify', role: 'ceo' }] },
        ]),
      'unknown_role',
      '/clocks/reply/escalations/0/actions/0/role',
    ],
    [
      'a clock using a missing duration table',
      (p) => void (p.clocks.reply!.duration = { table: 'bySeverity' }),
      'unknown_table',
      '/clocks/reply/duration/table',
    ],
    [
      'an invalid time zone',
      (p) => void (p.calendars.office!.timeZone = 'Mars/Olympus'),
      'time_zone_invalid',
      '/calendars/office/timeZone',
    ],
    [
      'overlapping working hours',
      (p) =>
        void (p.calendars.office!.workingHours[0]!.week.mon = [
          ['09:00', '12:00'],
          ['11:00', '18:00'],
        ]),
      'hours_invalid',
      '/calendars/office/workingHours/0/week/mon/1',
    ],
    [
      'a calendar with no working hours in its week',
      (p) => void (p.calendars.office!.workingHours[0]!.week = {}),
      'calendar_no_hours',
      '/calendars/office/workingHours/0/week',
    ],
    [
      'a close of the Nth working day that is not a whole N',
      (p) => void (p.clocks.reply!.duration = { amount: 2.5, unit: 'closeOfWorkingDay' }),
      'close_days_invalid',
      '/clocks/reply/duration/amount',
    ],
    [
      'a duration-table row closing on working day 0',
      (p) =>
        void (p.durationTables = {
          bySeverity: {
            rows: [
              {
                id: 'major',
                when: { severity: ['major'] },
                duration: { amount: 0, unit: 'closeOfWorkingDay' },
              },
            ],
            default: { amount: 2, unit: 'closeOfWorkingDay' },
          },
        }),
      'close_days_invalid',
      '/durationTables/bySeverity/rows/0/duration/amount',
    ],
    [
      'an escalation after a part of a working day to its close',
      (p) =>
        void (p.clocks.reply!.escalations = [
          { level: 1, after: { amount: 0.5, unit: 'closeOfWorkingDay' }, actions: [] },
        ]),
      'close_days_invalid',
      '/clocks/reply/escalations/0/after/amount',
    ],
    [
      'a day both holiday and make-up day',
      (p) =>
        void p.calendars.office!.makeUpWorkdays.push({
          date: '2026-02-16',
          name: { 'zh-CN': '错' },
        }),
      'date_conflict',
      `/calendars/office/makeUpWorkdays/${buildPolicy().calendars.office!.makeUpWorkdays.length}/date`,
    ],
    [
      'numbering that would repeat',
      (p) => void (p.numbering = { pattern: 'MMCCC', reset: 'month' }),
      'numbering_repeats',
      '/numbering/pattern',
    ],
    [
      'numbering without a serial',
      (p) => void (p.numbering = { pattern: 'YYMM', reset: 'month' }),
      'numbering_no_serial',
      '/numbering/pattern',
    ],
    [
      'an example stepping through an unknown transition',
      (p) => void (p.examples[0]!.steps![0]!.transition = 'escalate'),
      'unknown_transition',
      '/examples/0/steps/0/transition',
    ],
    [
      'an example actor with an unknown role',
      (p) => void (p.examples[0]!.steps![0]!.actor.roles = ['clark']),
      'unknown_role',
      '/examples/0/steps/0/actor/roles/0',
    ],
    [
      'an assumption about a part the policy does not have',
      (p) =>
        void (p.assumptions = [
          { part: 'clocks.answer', note: { 'zh-CN': '假定', en: 'assumed' } },
        ]),
      'unknown_part',
      '/assumptions/0/part',
    ],
    [
      'a category default that is not a value',
      (p) => void (p.categories.severity!.default = 'minor'),
      'unknown_category_value',
      '/categories/severity/default',
    ],
  ])('reports %s', (_description, breakIt, code, path) => {
    const problems = check(buildPolicy(breakIt));
    expect(problems).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('names all five problems of a policy broken five ways at once', () => {
    const problems = check(
      buildPolicy((p) => {
        p.approvals.rows[1]!.min = 800;
        p.workflow.transitions[1]!.roles = ['supervisor', 'director'];
        (p.forms.remedy!.schema.properties as Record<string, object>).amount = { type: 'money' };
        p.ruleSets[0]!.rules[0]!.event = {
          type: 'setCategory',
          params: { dimension: 'severity', value: 'critical' },
        };
        p.workflow.states.archived = { label: { 'zh-CN': '归档' } };
      }),
    );
    expect(problems.map((p) => p.code).sort()).toEqual(
      [
        'band_overlap',
        'form_schema_invalid',
        'state_unreachable',
        'unknown_category_value',
        'unknown_role',
      ].sort(),
    );
  });

  it('accepts whole working days to their close in clocks, tables and escalations', () => {
    const policy = buildPolicy((p) => {
      p.clocks.reply!.duration = { amount: 3, unit: 'closeOfWorkingDay' };
      p.clocks.reply!.escalations = [
        { level: 1, after: { amount: 1, unit: 'closeOfWorkingDay' }, actions: [] },
      ];
    });
    expect(check(policy)).toEqual([]);
  });

  it.each([
    ['en', 'calendar "office" has no working hours in its week from 2024-01-01'],
    ['zh-CN', '日历 "office" 自 2024-01-01 起的每周工作时间为空'],
  ] as const)('says in %s which calendar has no working hours', (lang, sentence) => {
    const problems = check(
      buildPolicy((p) => void (p.calendars.office!.workingHours[0]!.week = {})),
    );
    const [described] = describeProblems(problems, lang);
    expect(described?.message).toContain(sentence);
  });

  it.each([
    ['en', 'needs a whole N from 1, not 2.5'],
    ['zh-CN', '的 N 须为不小于 1 的整数, 现为 2.5'],
  ] as const)('says in %s what a close of the Nth working day needs', (lang, sentence) => {
    const problems = check(
      buildPolicy(
        (p) => void (p.clocks.reply!.duration = { amount: 2.5, unit: 'closeOfWorkingDay' }),
      ),
    );
    expect(describeProblems(problems, lang)[0]?.message).toContain(sentence);
  });

  it('accepts a clock that only rules start', () => {
    expect(check(buildPolicy((p) => void (p.clocks.reply!.start = [])))).toEqual([]);
  });

  it('reports codes with parameters, not sentences', () => {
    const [problem] = check(
      buildPolicy((p) => void (p.workflow.transitions[1]!.roles = ['director'])),
    );
    expect(problem).toEqual({
      path: '/workflow/transitions/1/roles/0',
      code: 'unknown_role',
      params: { role: 'director' },
    });
  });

  it('speaks Chinese when asked', () => {
    const [problem] = describeProblems(
      check(
        buildPolicy((p) => void (p.workflow.transitions[1]!.roles = ['director'])),
        'zh-CN',
      ),
      'zh-CN',
    );
    expect(problem?.message).toBe('角色 "director" 不存在');
  });
});
