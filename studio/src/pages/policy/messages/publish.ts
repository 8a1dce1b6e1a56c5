import type { Catalogue } from './catalogue.ts';

const zhCN = {
  publish: {
    title: '发布与版本',
    intro:
      '发布时先保存草稿，再检查问题并运行全部样例；都通过后成为新版本，此后受理的案件使用新版本。处理中的案件默认继续使用受理时的版本，也可以选择改按新版本处理。',
    draftHasProblems: '草稿目前有 {{count}} 个问题，修正后才能发布。',
    note: '发布说明（必填）',
    notePlaceholder: '例如：业务部经理核决上限提高到 2,000 元',
    noteRequired: '请填写发布说明：说明这次改了什么、为什么改。',
    button: '发布新版本',
    publishing: '正在发布…',
    done: '已发布第 {{number}} 版',
    doneDetail: '从现在起，员工受理的新案件按第 {{number}} 版政策处理。',
    refused: '未发布：',
    refusedProblems: '草稿有 {{count}} 个问题：',
    refusedExamples: '{{count}} 个样例未通过：',
    toExamples: '前往样例',
    versions: '已发布的版本',
    noVersions: '还没有发布过版本。',
    number: '版本',
    noteColumn: '说明',
    by: '发布人',
    when: '发布时间',
    versionN: '第 {{number}} 版',
    current: '现行',
    me: '我',
  },
};

/** The publish section's text in both languages: versions, the diff and publishing. */
export const publish: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    publish: {
      title: 'Publish & versions',
      intro:
        'Publishing saves the draft, checks it and runs every example; if all pass it becomes the new version and cases opened from then on use it. Open cases keep the version they were opened under, unless you choose to move them.',
      draftHasProblems: 'The draft has {{count}} problems; fix them to publish.',
      note: 'Release note (required)',
      notePlaceholder: 'e.g. The sales manager may now approve up to 2,000 yuan',
      noteRequired: 'Write a release note: what changed and why.',
      button: 'Publish a new version',
      publishing: 'Publishing…',
      done: 'Version {{number}} published',
      doneDetail: 'From now on staff handle new cases under version {{number}}.',
      refused: 'Not published:',
      refusedProblems: 'The draft has {{count}} problems:',
      refusedExamples: '{{count}} examples failed:',
      toExamples: 'Go to the examples',
      versions: 'Published versions',
      noVersions: 'No version published yet.',
      number: 'Version',
      noteColumn: 'Note',
      by: 'By',
      when: 'When',
      versionN: 'Version {{number}}',
      current: 'current',
      me: 'me',
    },
  },
};
