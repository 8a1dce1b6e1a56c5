/**
 * The sentences of an example's failures, one for every failure code (a code without one fails the
 * type check). The API gives them in English, as it always has (the studio words them in the
 * reader's language itself); the kesu command asks for them in the user's language.
 */
import type {
  ExampleFailure,
  ExampleFailureCode,
  ExampleFailureParams,
  ExpectedValue,
} from '../domain/examples/example-failure.ts';
import type { Lang } from '../domain/policy/format.ts';

const VALUE_NAMES: Record<ExpectedValue, (dimension: string) => string> = {
  state: () => 'state',
  number: () => 'number',
  approverChain: () => 'approver chain',
  category: (dimension) => `category ${dimension}`,
};

const json = (value: unknown) => JSON.stringify(value);

const ZH_VALUE_NAMES: Record<ExpectedValue, (dimension: string) => string> = {
  state: () => '状态',
  number: () => '编号',
  approverChain: () => '审批链',
  category: (dimension) => `分类 ${dimension}`,
};

type FailureSentences = {
  [C in ExampleFailureCode]: (p: ExampleFailureParams[C]) => string;
};

/** The sentence of every failure code, in zh-CN. */
const ZH_EXAMPLE_FAILURE_MESSAGES: FailureSentences = {
  value_differs: (p) =>
    `${ZH_VALUE_NAMES[p.what](p.dimension ?? '')}: 应为 ${json(p.expected)}, 实为 ${json(p.actual)}`,
  decision_not_made: (p) => `没有做出决定 ${json(p.decision)}`,
  flag_missing: (p) => `没有标记 ${p.flag}`,
  flag_raised: (p) => `不应有的标记 ${p.flag} 出现了`,
  not_notified: (p) => `没有通知 ${p.role}`,
  clock_not_started: (p) => `时限 ${p.clock} 没有开始计时`,
  due_differs: (p) => `时限 ${p.clock} 到期: 应为 ${p.expected}, 实为 ${p.actual}`,
  step_failed: (p) => `第 ${p.step} 步失败: ${p.code}: ${p.message}`,
  error_expected: (p) => `应以错误 ${p.error} 结束, 但每一步都成功了`,
};

/** The sentence of every failure code. */
export const EXAMPLE_FAILURE_MESSAGES: FailureSentences = {
  value_differs: (p) =>
    `${VALUE_NAMES[p.what](p.dimension ?? '')}: expected ${json(p.expected)}, got ${json(p.actual)}`,
  decision_not_made: (p) => `decision ${json(p.decision)} was not made`,
  flag_missing: (p) => `flag ${p.flag} was not raised`,
  flag_raised: (p) => `flag ${p.flag} was raised`,
  not_notified: (p) => `${p.role} was not notified`,
  clock_not_started: (p) => `clock ${p.clock} was not started`,
  due_differs: (p) => `clock ${p.clock} due: expected ${p.expected}, got ${p.actual}`,
  step_failed: (p) => `step ${p.step}: ${p.code}: ${p.message}`,
  error_expected: (p) => `expected error ${p.error}, but every step succeeded`,
};

/** The sentence of a failure code with its parameters (English unless asked otherwise). */
export function exampleFailureSentence<C extends ExampleFailureCode>(
  code: C,
  params: ExampleFailureParams[C],
  lang: Lang = 'en',
): string {
  return (lang === 'en' ? EXAMPLE_FAILURE_MESSAGES : ZH_EXAMPLE_FAILURE_MESSAGES)[code](params);
}

/** A failure in words, in English (as the API gives it). */
export function exampleFailureMessage(failure: ExampleFailure): string {
  return exampleFailureSentence(failure.code, failure.params);
}

/** A failure in words, in the language asked for (kesu test). */
export function exampleFailureMessageIn(failure: ExampleFailure, lang: Lang): string {
  return exampleFailureSentence(failure.code, failure.params, lang);
}
