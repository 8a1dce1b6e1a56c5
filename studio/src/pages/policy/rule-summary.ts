/**
 * A rule in one line of words, for the rule list: "反映方式 等于 客户来访 → 设定分类 媒体介入 = 是".
 * Facts and values are named by their labels (rule-facts.ts); what has no label shows its code.
 */
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import type { FactField } from './rule-facts.ts';
import { conditionsToTree, type BuilderGroup, type BuilderRule } from './rule-tree.ts';

export type SummaryWords = {
  and: string;
  or: string;
  not: string;
  always: string;
  yes: string;
  no: string;
  listSeparator: string;
  open: string;
  close: string;
  operators: Record<string, string>;
  actions: Record<string, string>;
};

function valueWords(field: FactField | undefined, value: unknown, words: SummaryWords): string {
  if (Array.isArray(value))
    return value.map((v) => valueWords(field, v, words)).join(words.listSeparator);
  if (value === true) return words.yes;
  if (value === false) return words.no;
  const option = field?.options.find((o) => o.value === value);
  return option?.label ?? (typeof value === 'string' ? value : JSON.stringify(value));
}

function leafWords(leaf: BuilderRule, byName: Map<string, FactField>, words: SummaryWords) {
  const field = byName.get(leaf.field);
  const operator = words.operators[leaf.operator] ?? leaf.operator;
  return `${field?.label ?? leaf.field} ${operator} ${valueWords(field, leaf.value, words)}`;
}

function groupWords(
  group: BuilderGroup,
  byName: Map<string, FactField>,
  words: SummaryWords,
): string {
  const parts = group.rules.map((node) =>
    'rules' in node
      ? `${words.open}${groupWords(node, byName, words)}${words.close}`
      : leafWords(node, byName, words),
  );
  const text = parts.length
    ? parts.join(group.combinator === 'or' ? ` ${words.or} ` : ` ${words.and} `)
    : words.always;
  return group.not ? `${words.not}${words.open}${text}${words.close}` : text;
}

/** The conditions in words, or undefined when the builder cannot read them. */
export function conditionSummary(
  conditions: unknown,
  catalogue: FactField[],
  words: SummaryWords,
): string | undefined {
  const converted = conditionsToTree(conditions);
  if ('refused' in converted) return undefined;
  return groupWords(converted.tree, new Map(catalogue.map((f) => [f.name, f])), words);
}

type Event = { type?: string; params?: Record<string, unknown> } | undefined;

/** The action in words: its name, then its parameters by their labels. */
export function actionSummary(event: Event, policy: Policy, lang: string, words: SummaryWords) {
  const type = event?.type ?? '';
  const params = event?.params ?? {};
  const label = (
    map: Record<string, { label: Parameters<typeof labelText>[0] }> | undefined,
    id: unknown,
  ) => (typeof id === 'string' ? labelText(map?.[id]?.label, lang) || id : '');
  const details: string[] = [];
  if (type === 'setCategory') {
    const dimension = policy.categories?.[String(params.dimension)];
    details.push(
      `${label(policy.categories, params.dimension)} = ${label(dimension?.values, params.value)}`,
    );
  }
  if (params.role !== undefined) details.push(label(policy.roles, params.role));
  if (params.department !== undefined) details.push(label(policy.departments, params.department));
  if (params.clock !== undefined) details.push(label(policy.clocks, params.clock));
  if (type === 'flag' || type === 'setField')
    details.push(String(params.flag ?? params.field ?? ''));
  return [words.actions[type] ?? type, ...details.filter(Boolean)].join(' ');
}
