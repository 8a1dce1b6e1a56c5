import type { Catalogue } from './catalogue.ts';

const zhCN = {
  examples: {
    title: '样例',
    intro:
      '样例是政策自带的测试案例（共 {{count}} 个）：用草稿逐一重演，并与预期结果比对。发布前所有样例都必须通过。',
    run: '运行全部样例',
    running: '正在运行 {{count}} 个样例…',
    hasProblems: '草稿还有问题，需先修正才能运行样例：',
    summary: '通过 {{passed}} 个，未通过 {{failed}} 个',
    status: { passed: '通过', failed: '未通过', notRun: '未运行', changed: '已修改，请重新运行' },
    removeOf: '删除样例 {{title}}',
    accept: '改为预期新结果',
    acceptAll: '全部按新结果更新预期',
    acceptingAll: '正在更新预期…',
    acceptAllHelp:
      '确认这些变化是有意的（例如提高了核决权限）后使用：未通过样例的预期改为政策现在的结果；以错误结束的样例需要人工处理或删除。',
    acceptedAll:
      '已更新 {{accepted}} 个样例的预期；{{refused}} 个样例以错误结束，需人工处理或删除。',
    none: '（无）',
    chainDiffers: '审批链：预期 {{expected}}，实际 {{actual}}',
    stateDiffers: '状态：预期「{{expected}}」，实际「{{actual}}」',
    numberDiffers: '编号：预期 {{expected}}，实际 {{actual}}',
    categoryDiffers: '{{dimension}}：预期「{{expected}}」，实际「{{actual}}」',
    stepFailed: '第 {{step}} 步被拒绝（{{code}}）：{{message}}',
    errorExpected: '预期会被拒绝（{{code}}），但每一步都成功了',
    flagMissing: '未标记「{{flag}}」',
    flagRaised: '不应标记「{{flag}}」，但被标记了',
    notNotified: '未通知 {{role}}',
    dueDiffers: '{{clock}} 到期时间：预期 {{expected}}，实际 {{actual}}',
  },
};

/**
 * The examples section's text in both languages: each example's input, expected and actual
 * decisions.
 */
export const examples: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    examples: {
      title: 'Examples',
      intro:
        'Examples are the policy’s own test cases ({{count}}): each is replayed on the draft and compared with what it expects. All must pass before publishing.',
      run: 'Run all examples',
      running: 'Running {{count}} examples…',
      hasProblems: 'The draft has problems; fix them before running the examples:',
      summary: '{{passed}} passed, {{failed}} failed',
      status: {
        passed: 'Passed',
        failed: 'Failed',
        notRun: 'Not run',
        changed: 'Changed: run again',
      },
      removeOf: 'Remove the example {{title}}',
      accept: 'Expect the new result',
      acceptAll: 'Expect the new results everywhere',
      acceptingAll: 'Updating the expectations…',
      acceptAllHelp:
        'Use it once the changes are intended (a raised limit, say): failing examples come to expect what the policy now does; examples that end in an error need a person, or removal.',
      acceptedAll:
        'Updated {{accepted}} examples; {{refused}} end in an error and need a person, or removal.',
      none: '(none)',
      chainDiffers: 'Approver chain: expected {{expected}}, got {{actual}}',
      stateDiffers: 'State: expected “{{expected}}”, got “{{actual}}”',
      numberDiffers: 'Number: expected {{expected}}, got {{actual}}',
      categoryDiffers: '{{dimension}}: expected “{{expected}}”, got “{{actual}}”',
      stepFailed: 'Step {{step}} was refused ({{code}}): {{message}}',
      errorExpected: 'Expected a refusal ({{code}}), but every step succeeded',
      flagMissing: '“{{flag}}” was not flagged',
      flagRaised: '“{{flag}}” was flagged but should not be',
      notNotified: '{{role}} was not notified',
      dueDiffers: '{{clock}} due: expected {{expected}}, got {{actual}}',
    },
  },
};
