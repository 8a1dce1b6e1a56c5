/** A json-rules-engine condition (a guard) as one readable line. */

const OPERATORS: Record<string, string> = {
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

type Words = { and: string; or: string; not: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function valueText(value: unknown): string {
  if (isRecord(value) && typeof value.fact === 'string')
    return `${value.fact}${typeof value.path === 'string' ? value.path.replace(/^\$/, '') : ''}`;
  return JSON.stringify(value);
}

/** "categories.validity = \"valid\" and remedy.type ∈ [...]". */
export function conditionText(condition: unknown, words: Words): string {
  if (!isRecord(condition)) return '';
  const group = (key: 'all' | 'any', word: string) => {
    const parts = (condition[key] as unknown[]).map((c) => conditionText(c, words));
    return parts.length > 1 ? `(${parts.join(` ${word} `)})` : (parts[0] ?? '');
  };
  if (Array.isArray(condition.all)) return group('all', words.and).replace(/^\((.*)\)$/, '$1');
  if (Array.isArray(condition.any)) return group('any', words.or);
  if (condition.not !== undefined) return `${words.not}(${conditionText(condition.not, words)})`;
  if (typeof condition.condition === 'string') return `@${condition.condition}`;
  const fact = `${String(condition.fact)}${typeof condition.path === 'string' ? condition.path.replace(/^\$/, '') : ''}`;
  const operator = OPERATORS[String(condition.operator)] ?? String(condition.operator);
  return `${fact} ${operator} ${valueText(condition.value)}`;
}
