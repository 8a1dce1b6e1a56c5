import type { Catalogue } from './catalogue.ts';

const zhCN = {
  categories: {
    title: '分类',
    intro:
      '每一类（维度）有若干取值。类别与取值的名称可以修改，代码不变；仍被引用（核决权限表、时限表、规则、样例等）的取值不能删除。删除一个类别后，这里会立即列出仍引用它的地方。',
    setBy: { form: '表单', rule: '规则', staff: '人员' },
    setByLegend: '由谁设定',
    setByOf: '{{name}} 由{{setter}}设定',
    removeDimension: '删除类别 {{name}}',
    addDimension: '添加分类',
    addDimensionHelp:
      '填写中文名称（必填）与英文名称；代码可留空，将由英文名称生成。新分类默认由规则和人员设定，添加后再添加取值。',
    newDimensionZh: '新分类 中文名称',
    newDimensionEn: '新分类 英文名称',
    newDimensionId: '新分类 代码',
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
    inUse: '「{{value}}」仍在使用中（{{uses}}），请先修改这些地方。',
    newZh: '{{name}} 新取值 中文名称',
    newEn: '{{name}} 新取值 英文名称',
    addValue: '添加取值',
  },
  removal: {
    kinds: { dimension: '分类', value: '取值', role: '角色', state: '状态', transition: '操作' },
    removed: '已删除{{what}}「{{name}}」。',
    stillUsed: '以下 {{count}} 处仍引用它，发布前请修改或删除：',
    unused: '没有其他地方引用它。',
    dismiss: '知道了',
    problem: '已删除的{{what}}「{{name}}」仍在这里使用',
  },
  addPart: {
    codePlaceholder: '代码（留空则为 {{id}}）',
    badCode: '代码须以英文字母开头，只含字母、数字、_ 或 -',
    taken: '代码 {{id}} 已被使用',
  },
};

/** The categories section's text in both languages. */
export const categories: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    categories: {
      title: 'Categories',
      intro:
        'Each category has values. Categories and values may be renamed (their codes stay); a value still referred to (approval matrix, duration tables, rules, examples…) cannot be removed. When a category is removed, the places that still refer to it are listed here at once.',
      setBy: { form: 'the form', rule: 'rules', staff: 'staff' },
      setByLegend: 'Set by',
      setByOf: '{{name}} set by {{setter}}',
      removeDimension: 'Remove the category {{name}}',
      addDimension: 'Add category',
      addDimensionHelp:
        'Give the Chinese name (required) and the English name; the code may be left empty and is then made from the English name. A new category is set by rules and staff; add its values next.',
      newDimensionZh: 'New category Chinese name',
      newDimensionEn: 'New category English name',
      newDimensionId: 'New category code',
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
      inUse: '“{{value}}” is still used ({{uses}}); change those places first.',
      newZh: '{{name}} new value Chinese name',
      newEn: '{{name}} new value English name',
      addValue: 'Add value',
    },
    removal: {
      kinds: {
        dimension: 'category',
        value: 'value',
        role: 'role',
        state: 'state',
        transition: 'action',
      },
      removed: 'Removed the {{what}} “{{name}}”.',
      stillUsed: 'Still referred to ({{count}}); change or remove these before publishing:',
      unused: 'Nothing else refers to it.',
      dismiss: 'Dismiss',
      problem: 'the removed {{what}} “{{name}}” is still used here',
    },
    addPart: {
      codePlaceholder: 'code (empty: {{id}})',
      badCode: 'A code starts with a letter and has only letters, digits, _ or -',
      taken: 'The code {{id}} is taken',
    },
  },
};
