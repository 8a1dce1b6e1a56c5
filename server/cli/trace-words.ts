/** The words `kesu explain` reads a rule's trace in: json-rules-engine's names in English, signs and words in zh-CN. */
import { ENGINE_TRACE_WORDS, type TraceWords } from '../domain/rules/evaluate-rules.ts';
import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';

const SIGNS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};

/** The trace's words in the language (English keeps the engine's own). */
export function traceWords(lang: Lang): TraceWords {
  if (lang === 'en') return ENGINE_TRACE_WORDS;
  const operators = { all: 'traceAll', any: 'traceAny', not: 'traceNot' } as const;
  return {
    operator: (operator) => say(lang, operators[operator]),
    condition: (name) => say(lang, 'traceCondition', name),
    comparison: (operator) => SIGNS[operator] ?? operator,
    outcome: (result) =>
      say(lang, result === undefined ? 'traceOpen' : result ? 'traceTrue' : 'traceFalse'),
  };
}
