import type { Catalogue } from './catalogue.ts';

const zhCN = {
  migration: {
    legend: '处理中的案件',
    keep: '继续按受理时的版本处理（默认）',
    move: '改按新版本处理：重新计算时限和待审批人',
    previewLoading: '正在计算处理中的案件会有哪些变化…',
    previewCounts:
      '处理中的案件 {{open}} 件：{{movable}} 件可改按第 {{toVersion}} 版处理（其中 {{changed}} 件有变化），{{left}} 件不能改、将保留原版本。',
    truncated: '只列出前 {{count}} 件。',
    noChanges: '没有案件的时限或审批人会变化。',
    caseColumn: '案件',
    stateColumn: '状态',
    changeColumn: '变化',
    clockChange: '时限 {{clock}}：{{before}} → {{after}}',
    clockStarted: '新时限 {{clock}}：自 {{at}} 起计，{{when}}',
    clockStartedDue: '{{due}} 到期',
    clockStartedPaused: '暂停中',
    clockStartedStopped: '已于 {{due}} 停止',
    approverChange: '待审批：{{before}} → {{after}}',
    nobody: '无',
    cannotMove: '不能改：',
    outcome: '已将 {{moved}} 件处理中的案件改按新版本处理，{{left}} 件保留原版本。',
    outcomeSkipped: '{{skipped}} 件在改动时被他人同时修改，保留原版本：',
    leftTitle: '保留原版本的案件：',
  },
  history: {
    changes: '变更内容',
    firstVersion: '第一个版本',
    fromTemplate: '由模板“{{title}}”创建',
    noChanges: '没有变化',
    computed: '（发布时未记录，由前后两个版本算出）',
  },
};

/** The publish section's open-cases choice, its preview and outcome, and the change history. */
export const migration: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    migration: {
      legend: 'Open cases',
      keep: 'Keep them on the version they were opened under (default)',
      move: 'Move them to the new version: due times and pending approvers recomputed',
      previewLoading: 'Working out what would change for the open cases…',
      previewCounts:
        'Open cases: {{open}}. Can move to version {{toVersion}}: {{movable}} ({{changed}} of them change); cannot, and stay on their version: {{left}}.',
      truncated: 'Only the first {{count}} are listed.',
      noChanges: 'No open case’s due times or approvers would change.',
      caseColumn: 'Case',
      stateColumn: 'State',
      changeColumn: 'What changes',
      clockChange: 'clock {{clock}}: {{before}} → {{after}}',
      clockStarted: 'new clock {{clock}}: counted from {{at}}, {{when}}',
      clockStartedDue: 'due {{due}}',
      clockStartedPaused: 'paused',
      clockStartedStopped: 'stopped at {{due}}',
      approverChange: 'pending approvers: {{before}} → {{after}}',
      nobody: 'none',
      cannotMove: 'Cannot move: ',
      outcome: '{{moved}} open cases moved to the new version; {{left}} stay on their version.',
      outcomeSkipped:
        '{{skipped}} were changed by someone else meanwhile and stay on their version:',
      leftTitle: 'Cases that stay on their version:',
    },
    history: {
      changes: 'Changes',
      firstVersion: 'First version',
      fromTemplate: 'Created from the template “{{title}}”',
      noChanges: 'No changes',
      computed: '(not recorded at publish; worked out from the two versions)',
    },
  },
};
