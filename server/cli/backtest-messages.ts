/** The words of `kesu backtest`'s report, one table a language. */
import type { Lang } from '../domain/policy/format.ts';

const zhCN = {
  heading: '公司 {0} 的回测, {1} (策略: {2})',
  wholeHistory: '全部案件',
  sample: '抽样 {0} 个',
  totals: '重放 {0} 个案件: {1} 个有变化, {2} 个无变化, {3} 个无法重放 (当时的版本: {4})',
  categories: '分类:',
  approvers: '审批链:',
  approverRemoved: '{0} 个案件 (金额 {1} 元) 不再需要 {2} ({3} → {4})',
  approverAdded: '{0} 个案件 (金额 {1} 元) 新增需要 {2} ({3} → {4})',
  clocks: '时限:',
  clockLine: '{0}: 到期时间变化 {1} 个; 逾期 → 按时 {2} 个; 按时 → 逾期 {3} 个',
  routing: '分派:',
  notifications: '通知:',
  notificationAdded: '新增 {0}',
  notificationRemoved: '不再 {0}',
  refused: '被拒的操作:',
  nowRefused: '{0}: 现在被拒 ({1})',
  noLongerRefused: '{0}: 不再被拒 (原为 {1})',
  refusedOtherwise: '{0}: {1} → {2}',
  states: '最终状态:',
  intake: '受理:',
  assessment: '考核:',
  assessmentLine: '{0} {1}: {2} → {3}',
  noRule: '(无)',
  cases: '{0} 个案件',
  affected: '受影响的案件 (前 {0} 个, 共 {1} 个):',
  errors: '无法重放的案件:',
  noChanges: '没有案件因此改变。',
  none: '(无)',
};

const en: Record<keyof typeof zhCN, string> = {
  heading: 'Backtest of company {0}, {1} (policy: {2})',
  wholeHistory: 'every case',
  sample: 'a sample of {0}',
  totals:
    'Replayed {0} cases: {1} changed, {2} unchanged, {3} could not be replayed (versions they ran under: {4})',
  categories: 'Categories:',
  approvers: 'Approver chains:',
  approverRemoved: '{0} case(s) of {1} yuan no longer need {2} ({3} → {4})',
  approverAdded: '{0} case(s) of {1} yuan now need {2} ({3} → {4})',
  clocks: 'Clocks:',
  clockLine: '{0}: due time changed in {1}; late → on time {2}; on time → late {3}',
  routing: 'Routing:',
  notifications: 'Notifications:',
  notificationAdded: 'now {0}',
  notificationRemoved: 'no longer {0}',
  refused: 'Refused actions:',
  nowRefused: '{0}: now refused ({1})',
  noLongerRefused: '{0}: no longer refused (was {1})',
  refusedOtherwise: '{0}: {1} → {2}',
  states: 'Final states:',
  intake: 'Intake:',
  assessment: 'Assessment:',
  assessmentLine: '{0} {1}: {2} → {3}',
  noRule: '(none)',
  cases: '{0} case(s)',
  affected: 'Affected cases (the first {0} of {1}):',
  errors: 'Cases that could not be replayed:',
  noChanges: 'No case changes.',
  none: '(none)',
};

/** A key of the backtest's words. */
export type BacktestMessageKey = keyof typeof zhCN;

const MESSAGES: Record<Lang, Record<BacktestMessageKey, string>> = { 'zh-CN': zhCN, en };

/** The message with {0}, {1}… filled in. */
export function sayBacktest(
  lang: Lang,
  key: BacktestMessageKey,
  ...args: (string | number)[]
): string {
  return MESSAGES[lang][key].replace(/\{(\d+)\}/g, (_, index: string) =>
    String(args[Number(index)] ?? ''),
  );
}
