/**
 * A rule's json-rules-engine conditions as react-querybuilder's tree and back. The builder shows
 * what it can write back unchanged: all/any groups (nested), `not` around a group, and leaves
 * `{ fact, path?, operator, value }` with one of the engine's ten plain operators, a fact read
 * through a plain `$.a.b` path, and a constant value. Anything else (condition references, a
 * value that reads another fact, decorated operators such as "someFact:equal", condition
 * priorities or names, `not` around a single leaf) is left to the JSON view, with the reason.
 */
import { BUILDER_OPERATORS, factOfField, fieldName } from './rule-facts.ts';

/** A leaf of the builder's tree (react-querybuilder's RuleType). */
export type BuilderRule = { id?: string; field: string; operator: string; value: unknown };

/** A group of the builder's tree (react-querybuilder's RuleGroupType): and = all, or = any. */
export type BuilderGroup = {
  id?: string;
  combinator: string;
  not?: boolean;
  rules: (BuilderRule | BuilderGroup)[];
};

/** Why a condition tree cannot be shown in the builder; the words are the studio's. */
export type TreeRefusal =
  'notGroup' | 'reference' | 'factValue' | 'operator' | 'path' | 'extraKeys' | 'shape';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Refused extends Error {
  constructor(readonly reason: TreeRefusal) {
    super(reason);
  }
}

const hasOnly = (node: Json, keys: readonly string[]) =>
  Object.keys(node).every((key) => keys.includes(key));

/** A group node ({ all } / { any } alone) as a builder group, or a `not` around one. */
function toGroup(node: unknown): BuilderGroup {
  if (!isRecord(node)) throw new Refused('shape');
  if (Object.hasOwn(node, 'not')) {
    if (!hasOnly(node, ['not'])) throw new Refused('extraKeys');
    const inner = node.not;
    if (!isRecord(inner) || !(Array.isArray(inner.all) || Array.isArray(inner.any)))
      throw new Refused('notGroup');
    const group = toGroup(inner);
    if (group.not) throw new Refused('notGroup');
    return { ...group, not: true };
  }
  const combinator = Array.isArray(node.all) ? 'and' : Array.isArray(node.any) ? 'or' : undefined;
  if (!combinator) throw new Refused(Object.hasOwn(node, 'condition') ? 'reference' : 'shape');
  if (!hasOnly(node, [combinator === 'and' ? 'all' : 'any'])) throw new Refused('extraKeys');
  const children = (combinator === 'and' ? node.all : node.any) as unknown[];
  return { combinator, rules: children.map(toNode) };
}

function toNode(node: unknown): BuilderRule | BuilderGroup {
  if (!isRecord(node)) throw new Refused('shape');
  if (Object.hasOwn(node, 'condition')) throw new Refused('reference');
  if (Object.hasOwn(node, 'all') || Object.hasOwn(node, 'any') || Object.hasOwn(node, 'not'))
    return toGroup(node);
  return toLeaf(node);
}

function toLeaf(node: Json): BuilderRule {
  if (!hasOnly(node, ['fact', 'path', 'operator', 'value'])) throw new Refused('extraKeys');
  const { fact, path, operator, value } = node;
  if (typeof fact !== 'string' || !Object.hasOwn(node, 'value')) throw new Refused('shape');
  if (typeof operator !== 'string' || !(BUILDER_OPERATORS as readonly string[]).includes(operator))
    throw new Refused('operator');
  if (path !== undefined && typeof path !== 'string') throw new Refused('path');
  const field = fieldName(fact, path);
  if (!field) throw new Refused('path');
  if (isRecord(value) && Object.hasOwn(value, 'fact')) throw new Refused('factValue');
  return { field, operator, value };
}

/**
 * A rule's `conditions` as a builder tree, or why the builder cannot show them. Every tree it
 * returns comes back through treeToConditions as the same JSON.
 */
export function conditionsToTree(
  conditions: unknown,
): { tree: BuilderGroup } | { refused: TreeRefusal } {
  try {
    return { tree: toGroup(conditions) };
  } catch (error) {
    if (error instanceof Refused) return { refused: error.reason };
    throw error;
  }
}

const isGroup = (node: BuilderRule | BuilderGroup): node is BuilderGroup =>
  Array.isArray((node as BuilderGroup).rules);

/** A builder tree as json-rules-engine conditions (react-querybuilder's ids and paths dropped). */
export function treeToConditions(tree: BuilderGroup): Json {
  const list = tree.rules.map((node) =>
    isGroup(node) ? treeToConditions(node) : leafToCondition(node),
  );
  const group = tree.combinator === 'or' ? { any: list } : { all: list };
  return tree.not ? { not: group } : group;
}

function leafToCondition(rule: BuilderRule): Json {
  const { fact, path } = factOfField(rule.field);
  const leaf: Json = { fact };
  if (path !== undefined) leaf.path = path;
  leaf.operator = rule.operator;
  leaf.value = rule.value === undefined ? null : rule.value;
  return leaf;
}
