/**
 * A form's validation errors in words that name the field by its label ("联系电话格式不正确"): the
 * form's own message for the field and keyword when it has one, else a default per keyword. The
 * server's form_invalid and the studio's live validation both word errors here, so they agree.
 */
import type { FormDefinition, JsonSchema, Label, Lang } from '../policy/format.ts';
import { fieldSchemaAt } from '../policy/schema-fields.ts';

/** One failed JSON Schema keyword at a field: ajv's error reduced to what the words need. */
export type SchemaErrorFact = {
  keyword: string;
  /** rjsf's property path, ".customer.phone" (a missing required property names itself). */
  property: string;
  params?: Record<string, unknown>;
};

type Words = (label: string, params: Record<string, unknown>) => string;

const FORMATS: Record<string, Record<Lang, string>> = {
  email: { 'zh-CN': '不是有效的电子邮箱地址', en: 'is not a valid e-mail address' },
  date: { 'zh-CN': '不是有效的日期 (年-月-日)', en: 'is not a valid date (year-month-day)' },
  'date-time': { 'zh-CN': '不是有效的日期和时间', en: 'is not a valid date and time' },
  time: { 'zh-CN': '不是有效的时间', en: 'is not a valid time' },
  uri: { 'zh-CN': '不是有效的网址', en: 'is not a valid web address' },
  'kesu-attachment': {
    'zh-CN': '须为上传到本案件的附件',
    en: 'must be a file uploaded to this case',
  },
};

const TYPES: Record<string, Record<Lang, string>> = {
  number: { 'zh-CN': '须为数字', en: 'must be a number' },
  integer: { 'zh-CN': '须为整数', en: 'must be a whole number' },
  string: { 'zh-CN': '须为文字', en: 'must be text' },
  boolean: { 'zh-CN': '须为是或否', en: 'must be yes or no' },
  array: { 'zh-CN': '须为列表', en: 'must be a list' },
  object: { 'zh-CN': '须为一组字段', en: 'must be a group of fields' },
};

const n = (params: Record<string, unknown>) => String(params.limit ?? '');
const firstType = (params: Record<string, unknown>) =>
  String(params.type ?? '').split(',')[0] ?? '';

/** The default sentence of each keyword Kesu words, per language. */
export const KEYWORD_WORDS: Record<string, Record<Lang, Words>> = {
  required: { 'zh-CN': (l) => `请填写${l}`, en: (l) => `${l} is required` },
  pattern: { 'zh-CN': (l) => `${l}格式不正确`, en: (l) => `${l} is not in the right format` },
  minLength: {
    'zh-CN': (l, p) => (n(p) === '1' ? `请填写${l}` : `${l}至少 ${n(p)} 个字`),
    en: (l, p) =>
      n(p) === '1' ? `${l} is required` : `${l} must be at least ${n(p)} characters long`,
  },
  maxLength: {
    'zh-CN': (l, p) => `${l}最多 ${n(p)} 个字`,
    en: (l, p) => `${l} must be at most ${n(p)} characters long`,
  },
  minimum: {
    'zh-CN': (l, p) => `${l}不能小于 ${n(p)}`,
    en: (l, p) => `${l} must be at least ${n(p)}`,
  },
  maximum: {
    'zh-CN': (l, p) => `${l}不能大于 ${n(p)}`,
    en: (l, p) => `${l} must be at most ${n(p)}`,
  },
  exclusiveMinimum: {
    'zh-CN': (l, p) => `${l}须大于 ${n(p)}`,
    en: (l, p) => `${l} must be more than ${n(p)}`,
  },
  exclusiveMaximum: {
    'zh-CN': (l, p) => `${l}须小于 ${n(p)}`,
    en: (l, p) => `${l} must be less than ${n(p)}`,
  },
  minItems: {
    'zh-CN': (l, p) => `${l}至少选 ${n(p)} 项`,
    en: (l, p) => `${l}: choose at least ${n(p)}`,
  },
  maxItems: {
    'zh-CN': (l, p) => `${l}最多选 ${n(p)} 项`,
    en: (l, p) => `${l}: choose at most ${n(p)}`,
  },
  format: {
    'zh-CN': (l, p) => `${l}${FORMATS[String(p.format)]?.['zh-CN'] ?? '格式不正确'}`,
    en: (l, p) => `${l} ${FORMATS[String(p.format)]?.en ?? 'is not in the right format'}`,
  },
  enum: {
    'zh-CN': (l) => `${l}须从给出的选项中选择`,
    en: (l) => `${l} must be one of the options given`,
  },
  type: {
    'zh-CN': (l, p) => `${l}${TYPES[firstType(p)]?.['zh-CN'] ?? '类型不正确'}`,
    en: (l, p) => `${l} ${TYPES[firstType(p)]?.en ?? 'has the wrong type'}`,
  },
  // Checked by the runtime against the case's files, not by the JSON Schema validator.
  attachmentNotOnCase: {
    'zh-CN': (l) => `${l}不是本案件的附件, 请重新上传`,
    en: (l) => `${l} is not a file of this case; upload it again`,
  },
  attachmentNotAccepted: {
    'zh-CN': (l, p) => `${l}须为以下类型的文件: ${String(p.accept ?? '')}`,
    en: (l, p) => `${l} must be a file of type ${String(p.accept ?? '')}`,
  },
  additionalProperties: {
    'zh-CN': (l) => `表单中没有“${l}”这一项`,
    en: (l) => `The form has no field “${l}”`,
  },
};

const FALLBACK: Record<Lang, Words> = {
  'zh-CN': (l) => `${l}填写不正确`,
  en: (l) => `${l} is not valid`,
};

/** ".customer.phone" or "customer.phone" → "customer.phone". */
function dotted(property: string): string {
  return property.split('.').filter(Boolean).join('.');
}

/** The field's label in the language: the form's English title for it, else the schema's title, else its name. */
export function fieldLabel(form: FormDefinition, property: string, lang: Lang): string {
  // An item of a list (a multi-choice's ".causes.0") is named by its list.
  const path = dotted(property).replace(/(\.\d+)+$/, '');
  // A draft being edited in the studio may lack a title for a moment.
  const title = form.title as Partial<Label> | undefined;
  if (path === '') return (lang === 'en' && title?.en) || title?.['zh-CN'] || '';
  const english = lang === 'en' ? form.i18n?.en?.[`.${path}`] : undefined;
  if (english) return english;
  const fieldTitle = (fieldSchemaAt(form.schema, path) as JsonSchema | undefined)?.title;
  return typeof fieldTitle === 'string' && fieldTitle
    ? fieldTitle
    : (path.split('.').at(-1) ?? path);
}

/** The form's own message for the field and keyword, in the language; undefined when it has none. */
export function ownMessage(
  form: FormDefinition,
  property: string,
  keyword: string,
  lang: Lang,
): string | undefined {
  const entry = form.errorMessages?.[`.${dotted(property)}`]?.[keyword];
  if (!entry || typeof entry !== 'object') return undefined;
  const text = (entry as Record<string, unknown>)[lang];
  return typeof text === 'string' && text ? text : undefined;
}

/** One error in words: the form's message for it, else the keyword's default naming the field. */
export function describeFieldError(
  form: FormDefinition,
  error: SchemaErrorFact,
  lang: Lang,
): string {
  const own = ownMessage(form, error.property, error.keyword, lang);
  if (own) return own;
  const words = KEYWORD_WORDS[error.keyword]?.[lang] ?? FALLBACK[lang];
  return words(fieldLabel(form, error.property, lang), error.params ?? {});
}
