import type { Catalogue } from './catalogue.ts';

const zhCN = {
  rules: {
    help: '每个规则集是一组 json-rules-engine 规则：条件满足时执行动作（设分类、指派、要求核准、启动时钟、通知等）。内容为 JSON，格式正确时自动应用并重新检查。',
    set: '规则集 {{id}}',
    on: { intake: '受理时执行', always: '每次操作后执行' },
    names: '规则（{{count}} 条）',
    priority: '优先级 {{n}}',
    json: '规则集 {{id}}（JSON）',
    shape: '规则集须有 id（文字）和 rules（列表），未应用。',
    remove: '删除规则集 {{id}}',
    confirmRemove: '确定删除规则集 {{id}}？其中的规则将不再执行。',
    add: '添加规则集',
    newId: '规则集代码',
  },
};

/** The rules section's text in both languages. */
export const rules: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    rules: {
      help: 'Each rule set is a list of json-rules-engine rules: when the conditions hold, the action runs (set a category, assign, require an approval, start a clock, notify…). Edited as JSON; applied and re-checked when valid.',
      set: 'Rule set {{id}}',
      on: { intake: 'Runs at intake', always: 'Runs after every action' },
      names: 'Rules ({{count}})',
      priority: 'priority {{n}}',
      json: 'Rule set {{id}} (JSON)',
      shape: 'A rule set needs an id (text) and rules (a list); not applied.',
      remove: 'Remove rule set {{id}}',
      confirmRemove: 'Remove rule set {{id}}? Its rules will no longer run.',
      add: 'Add rule set',
      newId: 'Rule set code',
    },
  },
};
