/**
 * The labels of a form's choice options in the user's language. The Chinese ones are rjsf's
 * `ui:enumNames` in the uiSchema; the English ones live in the form's `i18n.en`, keyed by the
 * field's path and the value: `".remedy.type=refund": "Refund"` (next to `".remedy.type"`, the
 * field's own English title).
 */
import type { UiSchema } from '@rjsf/utils';
import type { Policy } from '../api/types.ts';

type FormDefinition = Policy['forms'][string];
type Node = { enum?: unknown[]; properties?: Record<string, Node>; [key: string]: unknown };
type Ui = Record<string, unknown>;

const isRecord = (value: unknown): value is Ui =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key an option's English label is kept under in `i18n.en`. */
export function enumLabelKey(path: string, value: unknown): string {
  return `${path}=${String(value)}`;
}

/** The uiSchema node at a dotted path (".customer.role"), if there is one. */
function uiAt(uiSchema: unknown, path: string): Ui | undefined {
  let node = uiSchema;
  for (const part of path.split('.').filter(Boolean)) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return isRecord(node) ? node : undefined;
}

/**
 * The label of one option of the field at `path` (".type"): English from `i18n.en`, Chinese from
 * `ui:enumNames`; each falls back to the other, then to the value itself.
 */
export function enumLabel(
  form: FormDefinition,
  path: string,
  values: readonly unknown[],
  value: unknown,
  lang: string,
): string {
  const index = values.indexOf(value);
  const names = uiAt(form.uiSchema, path)?.['ui:enumNames'];
  const zh = Array.isArray(names) && index >= 0 ? names[index] : undefined;
  const en = form.i18n?.en?.[enumLabelKey(path, value)];
  const label = lang === 'en' ? (en ?? zh) : (zh ?? en);
  return typeof label === 'string' && label ? label : String(value);
}

/** Every choice field of the form (nested objects included) with its path and options. */
export function enumFields(form: FormDefinition): { path: string; values: unknown[] }[] {
  const out: { path: string; values: unknown[] }[] = [];
  const visit = (node: Node, path: string) => {
    if (Array.isArray(node.enum)) out.push({ path, values: node.enum });
    for (const [key, child] of Object.entries(node.properties ?? {}))
      if (isRecord(child)) visit(child, `${path}.${key}`);
  };
  visit(form.schema as Node, '');
  return out;
}

/** The uiSchema with every choice field's `ui:enumNames` in the language. */
export function withEnumLabels(form: FormDefinition, lang: string, uiSchema: UiSchema): UiSchema {
  const out = structuredClone(uiSchema) as Ui;
  for (const { path, values } of enumFields(form)) {
    let node = out;
    for (const part of path.split('.').filter(Boolean)) {
      if (!isRecord(node[part])) node[part] = {};
      node = node[part] as Ui;
    }
    node['ui:enumNames'] = values.map((value) => enumLabel(form, path, values, value, lang));
  }
  return out as UiSchema;
}
