import type { Catalogue } from './catalogue.ts';

const zhCN = {
  title: '政策设置（草稿）',
  inheritedParts: '与模板不同的部分（其余均继承自模板）',
  partStatus: { overridden: '改写', added: '新增', removed: '删除', inherited: '继承' },
  inherits:
    '此草稿继承模板「{{template}}」（改写了 {{overridden}} 处）。这里编辑的是合并后的完整政策；保存修改后，草稿将成为完整政策，不再继承模板（模板更新需用 kesu merge 合并）。',
  draftNote: '修改的是草稿：发布之前，员工使用的政策不会改变。',
  sections: {
    forms: '表单',
    categories: '分类',
    approvals: '核决权限',
    deadlines: '时限',
    calendar: '工作日历',
    workflow: '流程',
    numbering: '编号',
    rules: '规则',
    simulator: '模拟',
    examples: '样例',
    publish: '发布与版本',
  },
  saved: '草稿已保存',
  saving: '正在保存草稿…',
  unsaved: '有未保存的修改',
  saveFailed: '草稿保存失败',
  stale: '草稿已被他人修改，请重新加载。',
  reload: '重新加载',
  problems: {
    title: '检查结果',
    none: '没有问题，可以发布。',
    count: '{{count}} 个问题',
    checking: '正在检查…',
    examplesFailing:
      '检查没有问题，但有 {{count}} 个样例未通过。发布时会运行样例，样例未通过不能发布：',
    examplesNotRun: '样例未能运行；发布时会再次运行样例。',
  },
};

/**
 * The editor frame's text in both languages: title, draft state, inheritance, the section names
 * and the problems panel.
 */
export const editor: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    title: 'Policy (draft)',
    inheritedParts: 'Parts that differ from the template (everything else is inherited)',
    partStatus: {
      overridden: 'overridden',
      added: 'added',
      removed: 'removed',
      inherited: 'inherited',
    },
    inherits:
      'This draft extends the template “{{template}}” ({{overridden}} parts changed). You are editing the policy it resolves to; once you save a change, the draft becomes a full policy that no longer extends the template (merge template updates with kesu merge).',
    draftNote: 'You are editing the draft: nothing changes for staff until it is published.',
    sections: {
      forms: 'Forms',
      categories: 'Categories',
      approvals: 'Approval limits',
      deadlines: 'Deadlines',
      calendar: 'Calendar',
      workflow: 'Workflow',
      numbering: 'Numbering',
      rules: 'Rules',
      simulator: 'Simulator',
      examples: 'Examples',
      publish: 'Publish & versions',
    },
    saved: 'Draft saved',
    saving: 'Saving the draft…',
    unsaved: 'Unsaved changes',
    saveFailed: 'The draft could not be saved',
    stale: 'Someone else changed the draft; reload it.',
    reload: 'Reload',
    problems: {
      title: 'Check',
      none: 'No problems: it may be published.',
      count: '{{count}} problems',
      checking: 'Checking…',
      examplesFailing:
        'The check finds no problems, but examples fail: {{count}}. Publishing runs the examples and refuses the draft until they pass:',
      examplesNotRun: 'The examples could not be run; publishing runs them again.',
    },
  },
};
