import type { Catalogue } from './catalogue.ts';

const zhCN = {
  categories: {
    title: '分类',
    intro:
      '每一类（维度）有若干取值。取值的名称可以修改；已在核决权限表或时限表中使用的取值不能删除。',
    setBy: { form: '表单', rule: '规则', staff: '人员' },
    setByLine: '由 {{setBy}} 设定',
    fieldLine: '受理表单字段：{{field}}',
    dimensionName: '类别名称',
    value: '取值名称',
    description: '说明',
    descriptionOf: '{{name}} 说明',
    default: '默认值',
    noDefault: '（无默认值：未设定前为空）',
    noDefaultOf: '{{name}} 无默认值',
    defaultOf: '默认为 {{name}}',
    removeValue: '删除取值 {{name}}',
    inUse: '「{{value}}」仍在使用中（{{uses}}），请先修改这些行。',
    newZh: '{{name}} 新取值 中文名称',
    newEn: '{{name}} 新取值 英文名称',
    addValue: '添加取值',
  },
};

/** The categories section's text in both languages. */
export const categories: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    categories: {
      title: 'Categories',
      intro:
        'Each category has values. Values may be renamed; a value used by the approval matrix or a duration table cannot be removed.',
      setBy: { form: 'the form', rule: 'rules', staff: 'staff' },
      setByLine: 'Set by {{setBy}}',
      fieldLine: 'intake field: {{field}}',
      dimensionName: 'Category name',
      value: 'Value',
      description: 'Description',
      descriptionOf: '{{name}} description',
      default: 'Default',
      noDefault: '(no default: empty until set)',
      noDefaultOf: '{{name}} has no default',
      defaultOf: 'Default is {{name}}',
      removeValue: 'Remove the value {{name}}',
      inUse: '“{{value}}” is still used ({{uses}}); change those rows first.',
      newZh: '{{name}} new value Chinese name',
      newEn: '{{name}} new value English name',
      addValue: 'Add value',
    },
  },
};
