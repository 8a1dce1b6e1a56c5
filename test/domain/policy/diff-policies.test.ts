import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../../server/domain/policy/diff-policies.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { diffMessage } from '../../../server/messages/diff-messages.ts';
import { buildPolicy } from '../../support/policies.ts';

describe('diffPolicies', () => {
  it.each<[string, (policy: Policy) => void, object, string, string]>([
    [
      'a changed approval band',
      (p) => {
        p.approvals.rows[1]!.min = 2000;
        p.approvals.rows[1]!.when = { severity: ['major'] };
      },
      { path: '/approvals/rows/from1000', code: 'band_changed' },
      'approval band 1,000–∞: Service supervisor, Service manager → 2,000–∞ (Severity=Major): Service supervisor, Service manager',
      '核决区间 1,000–∞: 客服主管, 服务经理 → 2,000–∞ (严重程度=重大): 客服主管, 服务经理',
    ],
    [
      'an added approval band',
      (p) => void p.approvals.rows.push({ id: 'big', min: 5000, max: 9000, chain: ['manager'] }),
      { path: '/approvals/rows/big', code: 'band_added' },
      'approval band 5,000–9,000 added: Service manager',
      '新增核决区间 5,000–9,000: 服务经理',
    ],
    [
      'a removed approval band',
      (p) => void p.approvals.rows.pop(),
      { path: '/approvals/rows/from1000', code: 'band_removed' },
      'approval band 1,000–∞ removed',
      '删除核决区间 1,000–∞',
    ],
    [
      'a raised authority limit',
      (p) => void (p.roles.supervisor!.authorityLimit = 2000),
      {
        path: '/roles/supervisor/authorityLimit',
        code: 'authority_changed',
        params: { role: 'supervisor', before: 1000, after: 2000 },
      },
      'authority of Service supervisor: 1,000 → 2,000',
      '客服主管 的核决权限 1,000 → 2,000',
    ],
    [
      'a clock looked up in a table',
      (p) => void (p.clocks.reply!.duration = { table: 'replyTimes' }),
      { path: '/clocks/reply/duration', code: 'clock_duration_changed' },
      'clock Reply deadline: 2 working days → table replyTimes',
      '时限 答复时限: 2 个工作日 → 时限表 replyTimes',
    ],
    [
      'a removed role',
      (p) => void delete p.roles.clerk,
      { path: '/roles/clerk', code: 'part_removed', params: { part: 'role', id: 'clerk' } },
      'role Service clerk removed',
      '删除角色 客服专员',
    ],
    [
      'an added category value',
      (p) => void (p.categories.severity!.values.minor = { label: { 'zh-CN': '轻微' } }),
      {
        path: '/categories/severity/values/minor',
        code: 'part_added',
        params: { part: 'categoryValue', dimension: 'severity', id: 'minor' },
      },
      'Severity value 轻微 added',
      '新增严重程度的取值 轻微',
    ],
    [
      'a transition open to other roles',
      (p) => void (p.workflow.transitions[0]!.roles = ['supervisor']),
      { path: '/workflow/transitions/propose/roles', code: 'transition_roles_changed' },
      'transition Propose a remedy roles: Service clerk → Service supervisor',
      '流转 提出处理方案 的角色: 客服专员 → 客服主管',
    ],
    [
      'a new numbering pattern',
      (p) => void (p.numbering.pattern = 'KS-YYMMCCC'),
      { path: '/numbering', code: 'numbering_changed' },
      'numbering YYMMCCC → KS-YYMMCCC',
      '编号 YYMMCCC → KS-YYMMCCC',
    ],
    [
      'attachment limits (text allowed, 5 a case)',
      (p) => void (p.attachments = { types: ['image/jpeg', 'text/plain'], maxPerCase: 5 }),
      { path: '/attachments', code: 'attachments_changed' },
      'attachment limits 10 MB, 5 types (image/jpeg, image/png, image/webp, image/heic, application/pdf), 20 a case → 10 MB, 2 types (image/jpeg, text/plain), 5 a case',
      '附件限制 10 MB, 5 种类型 (image/jpeg, image/png, image/webp, image/heic, application/pdf), 每案 20 个 → 10 MB, 2 种类型 (image/jpeg, text/plain), 每案 5 个',
    ],
    [
      'one example fewer',
      (p) => void p.examples.pop(),
      { path: '/examples', code: 'examples_changed', params: { before: 4, after: 3 } },
      'examples: 4 → 3',
      '示例 4 → 3 个',
    ],
  ])('%s: a coded change, worded in en and zh-CN', (_description, change, coded, en, zh) => {
    const changes = diffPolicies(buildPolicy(), buildPolicy(change));
    expect(changes).toHaveLength(1);
    const [first] = changes;
    expect(first).toMatchObject(coded);
    expect(diffMessage(first!, 'en')).toBe(en);
    expect(diffMessage(first!, 'zh-CN')).toBe(zh);
  });

  it('finds nothing between a policy and itself', () => {
    expect(diffPolicies(buildPolicy(), buildPolicy())).toEqual([]);
  });
});
