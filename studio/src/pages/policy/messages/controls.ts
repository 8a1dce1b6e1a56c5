import type { Catalogue } from './catalogue.ts';

const zhCN = {
  jsonEditor: {
    invalid: 'JSON 格式错误，未应用：{{message}}',
    notObject: '须为 JSON 对象 {…}，未应用。',
    applied: '内容有效时自动应用。',
  },
  chipPicker: {
    remove: '移除 {{name}}',
    add: '添加到：{{label}}',
  },
  edit: {
    remove: '删除',
  },
  amount: {
    unit: '元',
    invalid: '请输入金额，例如 1,000 或 999.99',
    required: '请输入金额',
    noLimit: '无上限',
  },
  label: {
    zh: '{{name}} 中文名称',
    en: '{{name}} 英文名称',
    zhPlaceholder: '中文（必填）',
    enPlaceholder: 'English（可选）',
  },
  match: {
    edit: '{{name}} 适用条件',
    any: '所有分类',
    help: '每一类不勾选表示不限；勾选多项表示其中任一项即适用。',
  },
};

/**
 * Text of the controls every section shares: bilingual labels, amounts, category conditions, JSON
 * and chip pickers.
 */
export const controls: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    jsonEditor: {
      invalid: 'Invalid JSON, not applied: {{message}}',
      notObject: 'Must be a JSON object {…}; not applied.',
      applied: 'Applied as soon as it is valid.',
    },
    chipPicker: {
      remove: 'Remove {{name}}',
      add: 'Add to: {{label}}',
    },
    edit: {
      remove: 'Remove',
    },
    amount: {
      unit: 'yuan',
      invalid: 'Enter an amount, e.g. 1,000 or 999.99',
      required: 'Enter an amount',
      noLimit: 'No limit',
    },
    label: {
      zh: '{{name}} Chinese name',
      en: '{{name}} English name',
      zhPlaceholder: 'Chinese (required)',
      enPlaceholder: 'English (optional)',
    },
    match: {
      edit: '{{name}} conditions',
      any: 'Any category',
      help: 'Nothing ticked in a category means any value; several ticked means any of them.',
    },
  },
};
