/**
 * diffPolicies: the changes between two policies, in words a consultant or an administrator reads
 * ("approval band 1,000–10,000: salesManager → salesManager, deputyGM", "clock reply: 7 days → 5 days").
 */
import type { ApprovalRow, Duration, Lang, Policy } from './format.ts';

export type PolicyChange = { path: string; text: Record<Lang, string> };

const unitWords: Record<Duration['unit'], Record<Lang, string>> = {
  minutes: { 'zh-CN': '分钟', en: 'min' },
  hours: { 'zh-CN': '小时', en: 'h' },
  days: { 'zh-CN': '天', en: 'days' },
  workingMinutes: { 'zh-CN': '个工作分钟', en: 'working min' },
  workingHours: { 'zh-CN': '个工作小时', en: 'working h' },
  workingDays: { 'zh-CN': '个工作日', en: 'working days' },
};

function duration(value: Policy['clocks'][string]['duration'], lang: Lang): string {
  if ('table' in value) return lang === 'en' ? `table ${value.table}` : `时限表 ${value.table}`;
  return `${value.amount} ${unitWords[value.unit][lang]}`;
}

const money = (n: number | undefined) => (n === undefined ? '∞' : n.toLocaleString('en'));
const band = (row: ApprovalRow) =>
  `${money(row.min)}–${money(row.max)}${
    row.when
      ? ` (${Object.entries(row.when)
          .map(([k, v]) => `${k}=${v.join('/')}`)
          .join(', ')})`
      : ''
  }`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function keyed<T>(
  before: Record<string, T>,
  after: Record<string, T>,
  path: string,
  noun: Record<Lang, string>,
  out: PolicyChange[],
  changed?: (id: string, a: T, b: T) => void,
): void {
  for (const id of Object.keys(after))
    if (!(id in before))
      out.push({
        path: `${path}/${id}`,
        text: { 'zh-CN': `新增${noun['zh-CN']} ${id}`, en: `${noun.en} ${id} added` },
      });
  for (const id of Object.keys(before)) {
    if (!(id in after))
      out.push({
        path: `${path}/${id}`,
        text: { 'zh-CN': `删除${noun['zh-CN']} ${id}`, en: `${noun.en} ${id} removed` },
      });
    else if (changed && !same(before[id], after[id])) changed(id, before[id] as T, after[id] as T);
  }
}

/** Every change from `before` to `after`, most consequential parts first. */
export function diffPolicies(before: Policy, after: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  const rowsBefore = new Map(before.approvals.rows.map((row) => [row.id, row]));
  const rowsAfter = new Map(after.approvals.rows.map((row) => [row.id, row]));
  for (const [id, row] of rowsAfter) {
    const old = rowsBefore.get(id);
    if (!old)
      out.push({
        path: `/approvals/rows/${id}`,
        text: {
          'zh-CN': `新增核决区间 ${band(row)}: ${row.chain.join(', ')}`,
          en: `approval band ${band(row)} added: ${row.chain.join(', ')}`,
        },
      });
    else if (!same(old, row)) {
      out.push({
        path: `/approvals/rows/${id}`,
        text: {
          'zh-CN': `核决区间 ${band(old)}: ${old.chain.join(', ')} → ${band(row)}: ${row.chain.join(', ')}`,
          en: `approval band ${band(old)}: ${old.chain.join(', ')} → ${band(row)}: ${row.chain.join(', ')}`,
        },
      });
    }
  }
  for (const [id, row] of rowsBefore)
    if (!rowsAfter.has(id))
      out.push({
        path: `/approvals/rows/${id}`,
        text: { 'zh-CN': `删除核决区间 ${band(row)}`, en: `approval band ${band(row)} removed` },
      });
  keyed(before.roles, after.roles, '/roles', { 'zh-CN': '角色', en: 'role' }, out, (id, a, b) => {
    if (a.authorityLimit !== b.authorityLimit)
      out.push({
        path: `/roles/${id}/authorityLimit`,
        text: {
          'zh-CN': `${id} 的核决权限 ${money(a.authorityLimit)} → ${money(b.authorityLimit)}`,
          en: `authority of ${id}: ${money(a.authorityLimit)} → ${money(b.authorityLimit)}`,
        },
      });
  });
  keyed(
    before.clocks,
    after.clocks,
    '/clocks',
    { 'zh-CN': '时限', en: 'clock' },
    out,
    (id, a, b) => {
      if (!same(a.duration, b.duration))
        out.push({
          path: `/clocks/${id}/duration`,
          text: {
            'zh-CN': `时限 ${id}: ${duration(a.duration, 'zh-CN')} → ${duration(b.duration, 'zh-CN')}`,
            en: `clock ${id}: ${duration(a.duration, 'en')} → ${duration(b.duration, 'en')}`,
          },
        });
      if (!same({ ...a, duration: 0 }, { ...b, duration: 0 }))
        out.push({
          path: `/clocks/${id}`,
          text: {
            'zh-CN': `时限 ${id} 的触发、日历或预警有变`,
            en: `clock ${id}: triggers, calendar or levels changed`,
          },
        });
    },
  );
  keyed(
    before.workflow.states,
    after.workflow.states,
    '/workflow/states',
    { 'zh-CN': '状态', en: 'state' },
    out,
  );
  const transitions = (policy: Policy) =>
    Object.fromEntries(policy.workflow.transitions.map((t) => [t.id, t]));
  keyed(
    transitions(before),
    transitions(after),
    '/workflow/transitions',
    { 'zh-CN': '流转', en: 'transition' },
    out,
    (id, a, b) => {
      if (!same(a.roles, b.roles))
        out.push({
          path: `/workflow/transitions/${id}/roles`,
          text: {
            'zh-CN': `流转 ${id} 的角色: ${a.roles.join(', ')} → ${b.roles.join(', ')}`,
            en: `transition ${id} roles: ${a.roles.join(', ')} → ${b.roles.join(', ')}`,
          },
        });
      else
        out.push({
          path: `/workflow/transitions/${id}`,
          text: { 'zh-CN': `流转 ${id} 有变`, en: `transition ${id} changed` },
        });
    },
  );
  keyed(
    before.categories,
    after.categories,
    '/categories',
    { 'zh-CN': '分类维度', en: 'category dimension' },
    out,
    (id, a, b) => {
      keyed(
        a.values,
        b.values,
        `/categories/${id}/values`,
        { 'zh-CN': `${id} 的取值`, en: `${id} value` },
        out,
      );
    },
  );
  keyed(before.forms, after.forms, '/forms', { 'zh-CN': '表单', en: 'form' }, out, (id) =>
    out.push({
      path: `/forms/${id}`,
      text: { 'zh-CN': `表单 ${id} 有变`, en: `form ${id} changed` },
    }),
  );
  keyed(
    before.calendars,
    after.calendars,
    '/calendars',
    { 'zh-CN': '日历', en: 'calendar' },
    out,
    (id) =>
      out.push({
        path: `/calendars/${id}`,
        text: { 'zh-CN': `日历 ${id} 有变`, en: `calendar ${id} changed` },
      }),
  );
  if (!same(before.numbering, after.numbering))
    out.push({
      path: '/numbering',
      text: {
        'zh-CN': `编号 ${before.numbering.pattern} → ${after.numbering.pattern}`,
        en: `numbering ${before.numbering.pattern} → ${after.numbering.pattern}`,
      },
    });
  const sets = (policy: Policy) => Object.fromEntries(policy.ruleSets.map((set) => [set.id, set]));
  keyed(sets(before), sets(after), '/ruleSets', { 'zh-CN': '规则集', en: 'rule set' }, out, (id) =>
    out.push({
      path: `/ruleSets/${id}`,
      text: { 'zh-CN': `规则集 ${id} 有变`, en: `rule set ${id} changed` },
    }),
  );
  if (before.examples.length !== after.examples.length)
    out.push({
      path: '/examples',
      text: {
        'zh-CN': `示例 ${before.examples.length} → ${after.examples.length} 个`,
        en: `examples: ${before.examples.length} → ${after.examples.length}`,
      },
    });
  return out;
}
