/**
 * The facts a rule can test, read from the policy: the intake form's fields and the stage forms'
 * (with their types and choice labels), the category dimensions, the remedy, the state, the flags
 * and the time received. Each names the `fact` and `path` the runtime reads (see
 * server/domain/case/case-facts.ts): `intake` + `$.amountSought`, `forms` + `$.followUp.result`,
 * `categories` + `$.severity`, `remedy` + `$.amount`, `state`, `flags`, `receivedAt`.
 */
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { enumLabel } from '../../components/enum-labels.ts';

/** How a fact's value is compared: the operators and the value editor follow from it. */
export type FactKind = 'number' | 'enum' | 'text' | 'boolean' | 'date' | 'list';

export type FactOption = { value: string; label: string };

/** One fact (or field of a fact) a condition can read. */
export type FactField = {
  /** The builder's field name: the fact, then the path without its `$` ("intake.amountSought"). */
  name: string;
  fact: string;
  path?: string;
  label: string;
  /** The heading the field is listed under (the form's title, "分类", …). */
  group: string;
  kind: FactKind;
  options: FactOption[];
};

/** The words the catalogue needs in the user's language. */
export type FactWords = Record<
  | 'categories'
  | 'remedy'
  | 'remedyAmount'
  | 'remedyType'
  | 'case'
  | 'state'
  | 'flags'
  | 'receivedAt',
  string
>;

/** The json-rules-engine operators the builder offers, by kind of fact. */
export const OPERATORS_BY_KIND: Record<FactKind, readonly string[]> = {
  number: [
    'equal',
    'notEqual',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
  ],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
  text: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  date: ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'],
  // The engine's contains/doesNotContain read an array fact (a string fact fails them).
  list: ['contains', 'doesNotContain'],
};

/** Every operator the builder writes: json-rules-engine's ten plain ones. */
export const BUILDER_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

const SIMPLE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** The builder's field name for a fact and path, or undefined when the builder cannot name it. */
export function fieldName(fact: string, path?: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fact)) return undefined;
  if (path === undefined) return fact;
  return SIMPLE_PATH.test(path) ? `${fact}${path.slice(1)}` : undefined;
}

/** The fact and path a builder field name stands for. */
export function factOfField(name: string): { fact: string; path?: string } {
  const dot = name.indexOf('.');
  return dot < 0 ? { fact: name } : { fact: name.slice(0, dot), path: `$${name.slice(dot)}` };
}

type Form = Policy['forms'][string];
type Node = Record<string, unknown> & { properties?: Record<string, Node>; type?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldTitle(form: Form, node: Node, path: string, key: string, lang: string): string {
  const en = lang === 'en' ? form.i18n?.en?.[path] : undefined;
  return en ?? (typeof node.title === 'string' && node.title ? node.title : key);
}

function kindOf(node: Node): { kind: FactKind; values?: unknown[] } | undefined {
  if (Array.isArray(node.enum)) return { kind: 'enum', values: node.enum };
  if (node.type === 'number' || node.type === 'integer') return { kind: 'number' };
  if (node.type === 'boolean') return { kind: 'boolean' };
  if (node.type === 'string')
    return node.format === 'date' || node.format === 'date-time'
      ? { kind: 'date' }
      : { kind: 'text' };
  if (node.type === 'array' && isRecord(node.items)) {
    const items = node.items as Node;
    return { kind: 'list', values: Array.isArray(items.enum) ? items.enum : [] };
  }
  return undefined;
}

/** The fields of a form as facts, nested objects flattened ("首次接待 · 角色"). */
function formFields(form: Form, fact: string, prefix: string, lang: string): FactField[] {
  const group = labelText(form.title, lang);
  const out: FactField[] = [];
  const visit = (node: Node, path: string, titles: string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!isRecord(child)) continue;
      const childPath = `${path}.${key}`;
      const title = [...titles, fieldTitle(form, child as Node, childPath, key, lang)];
      if (child.type === 'object') {
        visit(child as Node, childPath, title);
        continue;
      }
      const kind = kindOf(child as Node);
      const name = kind && fieldName(fact, `$${prefix}${childPath}`);
      if (!kind || !name) continue;
      const values = kind.values ?? [];
      out.push({
        name,
        ...factOfField(name),
        label: title.join(' · '),
        group,
        kind: kind.kind,
        options: values.map((value) => ({
          value: String(value),
          label: enumLabel(form, childPath, values, value, lang),
        })),
      });
    }
  };
  visit(form.schema as Node, '', []);
  return out;
}

/** Every flag the policy's rules raise, for the flags fact's suggestions. */
function raisedFlags(policy: Policy): string[] {
  const flags = new Set<string>();
  for (const ruleSet of policy.ruleSets)
    for (const rule of ruleSet.rules ?? [])
      if (rule.event?.type === 'flag' && isRecord(rule.event.params))
        flags.add(String(rule.event.params.flag));
  return [...flags];
}

/** The facts the policy's rules can test, in the order a person looks for them. */
export function factCatalogue(policy: Policy, lang: string, words: FactWords): FactField[] {
  const out: FactField[] = [];
  if (policy.forms.intake) out.push(...formFields(policy.forms.intake, 'intake', '', lang));
  for (const [id, dimension] of Object.entries(policy.categories ?? {})) {
    out.push({
      name: `categories.${id}`,
      fact: 'categories',
      path: `$.${id}`,
      label: labelText(dimension.label, lang) || id,
      group: words.categories,
      kind: 'enum',
      options: Object.entries(dimension.values).map(([value, v]) => ({
        value,
        label: labelText(v.label, lang) || value,
      })),
    });
  }
  const remedyForm = policy.forms.remedy;
  const remedyType =
    remedyForm && formFields(remedyForm, 'remedy', '', lang).find((f) => f.name === 'remedy.type');
  out.push(
    {
      name: 'remedy.amount',
      fact: 'remedy',
      path: '$.amount',
      label: words.remedyAmount,
      group: words.remedy,
      kind: 'number',
      options: [],
    },
    {
      name: 'remedy.type',
      fact: 'remedy',
      path: '$.type',
      label: words.remedyType,
      group: words.remedy,
      kind: remedyType?.kind === 'enum' ? 'enum' : 'text',
      options: remedyType?.kind === 'enum' ? remedyType.options : [],
    },
    {
      name: 'state',
      fact: 'state',
      label: words.state,
      group: words.case,
      kind: 'enum',
      options: Object.entries(policy.workflow.states).map(([value, state]) => ({
        value,
        label: labelText(state.label, lang) || value,
      })),
    },
    {
      name: 'flags',
      fact: 'flags',
      label: words.flags,
      group: words.case,
      kind: 'list',
      options: raisedFlags(policy).map((flag) => ({ value: flag, label: flag })),
    },
    {
      name: 'receivedAt',
      fact: 'receivedAt',
      label: words.receivedAt,
      group: words.case,
      kind: 'date',
      options: [],
    },
  );
  for (const [id, form] of Object.entries(policy.forms)) {
    if (id !== 'intake') out.push(...formFields(form, 'forms', `.${id}`, lang));
  }
  return out;
}
