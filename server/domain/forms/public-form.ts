/**
 * The public complaint form (网上投诉): the intake form cut down to the fields the policy shows the
 * public ("customer" shows the whole group, "customer.name" only that field of it), and a public
 * submission turned into an intake (fields it may not send refused, the policy's `set` values added).
 */
import { DomainError } from '../errors.ts';
import type { FieldError } from '../coded-error.ts';
import type { FormDefinition, JsonSchema, Lang, Policy } from '../policy/format.ts';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The field paths the public form shows, split into segments; none without a form. */
export function publicFieldPaths(policy: Policy): string[][] {
  const form = policy.publicForm;
  if (!form?.enabled) return [];
  const properties = Object.keys((policy.forms.intake.schema.properties ?? {}) as Node);
  const set = form.set ?? {};
  return (form.fields ?? properties)
    .map((field) => field.split('.'))
    .filter(([top = '']) => properties.includes(top) && !(top in set));
}

/** The shown paths under `key`, relative to it: [[]] when the whole of it is shown. */
function under(paths: string[][], key: string): string[][] {
  return paths.filter((path) => path[0] === key).map((path) => path.slice(1));
}

const whole = (paths: string[][]) => paths.some((path) => path.length === 0);

/** The schema with only the shown properties (and their required ones), at every depth. */
function cutSchema(schema: JsonSchema, paths: string[][]): JsonSchema {
  if (whole(paths) || !isNode(schema.properties)) return schema;
  const properties: Node = {};
  for (const [key, child] of Object.entries(schema.properties)) {
    const inner = under(paths, key);
    if (inner.length > 0) properties[key] = cutSchema(child as JsonSchema, inner);
  }
  const required = Array.isArray(schema.required)
    ? schema.required.filter((key) => key in properties)
    : undefined;
  return { ...schema, properties, ...(required ? { required } : {}) };
}

/** The uiSchema with only the shown fields' options; `ui:order` keeps the shown ones (and "*"). */
function cutUi(ui: Node, paths: string[][]): Node {
  if (whole(paths)) return ui;
  const cut: Node = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:order' && Array.isArray(value))
      cut[key] = value.filter((item) => item === '*' || under(paths, String(item)).length > 0);
    else if (key.startsWith('ui:')) cut[key] = value;
    else if (under(paths, key).length > 0)
      cut[key] = isNode(value) ? cutUi(value, under(paths, key)) : value;
  }
  return cut;
}

/** Whether a form path (".customer.phone", ".phone#description") is shown or holds a shown field. */
function isShownPath(path: string, paths: string[][]): boolean {
  const segments = path.split('#')[0]!.split('.').filter(Boolean);
  return paths.some((shown) => {
    const n = Math.min(shown.length, segments.length);
    return shown.slice(0, n).every((part, i) => part === segments[i]);
  });
}

function pick<T>(map: Record<string, T> | undefined, keep: (key: string) => boolean) {
  return map && Object.fromEntries(Object.entries(map).filter(([key]) => keep(key)));
}

/**
 * The form the public sees: the intake form with only the public fields (its required lists, ui
 * options, English titles and messages cut to match), headed by the public form's title and intro.
 * Undefined when the company publishes no public form.
 */
export function publicFormOf(policy: Policy): FormDefinition | undefined {
  const settings = policy.publicForm;
  if (!settings?.enabled) return undefined;
  const intake = policy.forms.intake;
  const paths = publicFieldPaths(policy);
  const shown = (path: string) => isShownPath(path, paths);
  const schema = cutSchema(intake.schema, paths);
  const ui = cutUi(intake.uiSchema ?? {}, paths);
  if (settings.fields && Array.isArray(ui['ui:order']))
    ui['ui:order'] = [...new Set(paths.map((path) => path[0]))];
  const english = pick(intake.i18n?.en, shown);
  const messages = pick(intake.errorMessages, shown);
  const description = settings.intro ?? intake.description;
  return {
    title: settings.title ?? intake.title,
    ...(description ? { description } : {}),
    schema,
    uiSchema: ui,
    ...(english ? { i18n: { en: english } } : {}),
    ...(messages ? { errorMessages: messages } : {}),
  };
}

const NOT_ON_FORM: Record<Lang, string> = {
  'zh-CN': '此表单没有该字段',
  en: 'is not a field of this form',
};

/** The properties of `data` the shown paths do not allow, as rjsf paths under `prefix`. */
function notShown(data: Node, paths: string[][], prefix: string): string[] {
  if (whole(paths)) return [];
  return Object.entries(data).flatMap(([key, value]) => {
    const inner = under(paths, key);
    if (inner.length === 0) return [`${prefix}.${key}`];
    return isNode(value) ? notShown(value, inner, `${prefix}.${key}`) : [];
  });
}

/**
 * The intake a public submission makes: its fields, each one the public form shows, with the
 * policy's `set` values (the channel) added over them.
 * @throws form_invalid naming every field the public form does not show
 */
export function publicIntake(
  policy: Policy,
  submitted: Record<string, unknown>,
  lang: Lang,
): Record<string, unknown> {
  const paths = publicFieldPaths(policy);
  const errors: FieldError[] = notShown(submitted, paths, '').map((property) => ({
    property,
    message: NOT_ON_FORM[lang],
  }));
  if (errors.length > 0)
    throw new DomainError(
      'form_invalid',
      'The complaint form has errors',
      { form: 'intake' },
      errors,
    );
  return { ...submitted, ...(policy.publicForm?.set ?? {}) };
}
