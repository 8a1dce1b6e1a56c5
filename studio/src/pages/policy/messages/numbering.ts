import type { Catalogue } from './catalogue.ts';

const zhCN = {
  numbering: {
    title: '案件编号',
    intro:
      '编号格式中：Y 表示年，M 表示月，D 表示日，C 表示流水号；字母个数即位数（YY = 两位年份）。方括号中的文字原样保留，例如 [KS-]YYMMCCC。',
    pattern: '编号格式',
    reset: '流水号归零',
    resets: { never: '从不归零', year: '每年归零', month: '每月归零', day: '每天归零' },
    tokens: '流水号超出位数时完整写出（2603100 排在 260399 之后），编号不会重复。',
    customTokens: '本政策的字母含义：{{tokens}}',
    meanings: { year: '年', month: '月', day: '日', serial: '流水号' },
    previewTitle: '预览：接下来的编号',
    previewAt: '按现在（{{time}}）计算，计数期间：{{period}}',
    periodAll: '不分期间',
    used: '本期间已用的流水号',
    usedGiven: '系统记录：本期间已编到第 {{last}} 号，下一件案件取第 {{next}} 号。',
    usedChanged: '按你输入的数预览；系统记录为 {{last}}。',
  },
};

/** The numbering section's text in both languages. */
export const numbering: Catalogue<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    numbering: {
      title: 'Case numbers',
      intro:
        'In the pattern Y is the year, M the month, D the day, C the serial; the number of letters is the width (YY = two-digit year). Text in [brackets] is kept as is, e.g. [KS-]YYMMCCC.',
      pattern: 'Pattern',
      reset: 'Serial restarts',
      resets: { never: 'never', year: 'every year', month: 'every month', day: 'every day' },
      tokens:
        'A serial wider than its letters is written in full (2603100 sorts after 260399), so numbers never repeat.',
      customTokens: 'Letters in this policy: {{tokens}}',
      meanings: { year: 'year', month: 'month', day: 'day', serial: 'serial' },
      previewTitle: 'Preview: the next numbers',
      previewAt: 'As of now ({{time}}), period {{period}}',
      periodAll: 'all time',
      used: 'Serials already used in the period',
      usedGiven:
        'On record: {{last}} serials given in this period; the next case takes serial {{next}}.',
      usedChanged: 'Previewing the number you typed; on record: {{last}}.',
    },
  },
};
