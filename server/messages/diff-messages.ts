/**
 * The sentences of a policy diff in zh-CN and en, one for every change code (a code without one
 * fails the type check): "approval band 1,000–10,000: Sales manager → Sales manager, Deputy GM",
 * "clock Reply: 7 days → 5 days". Ids read as the labels the change keeps (`names`), else as ids.
 */
import type {
  DiffBand,
  DiffCode,
  DiffNames,
  DiffParams,
  DiffPart,
  PolicyChange,
} from '../domain/policy/diff-policies.ts';
import type {
  AttachmentLimits,
  ClockDuration,
  DurationUnit,
  Lang,
} from '../domain/policy/format.ts';

/** Attachment limits in a few words: "10 MB, 5 types, 20 a case". */
function limitsText(limits: AttachmentLimits, lang: Lang): string {
  const mb = `${Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10} MB`;
  return lang === 'zh-CN'
    ? `${mb}, ${limits.types.length} 种类型 (${limits.types.join(', ')}), 每案 ${limits.maxPerCase} 个`
    : `${mb}, ${limits.types.length} types (${limits.types.join(', ')}), ${limits.maxPerCase} a case`;
}

const UNIT_WORDS: Record<DurationUnit, Record<Lang, string>> = {
  minutes: { 'zh-CN': '分钟', en: 'min' },
  hours: { 'zh-CN': '小时', en: 'h' },
  days: { 'zh-CN': '天', en: 'days' },
  workingMinutes: { 'zh-CN': '个工作分钟', en: 'working min' },
  workingHours: { 'zh-CN': '个工作小时', en: 'working h' },
  workingDays: { 'zh-CN': '个工作日', en: 'working days' },
  closeOfWorkingDay: { 'zh-CN': '个工作日 (至下班)', en: 'working days, by close' },
};

const PART_NOUNS: Record<DiffPart, Record<Lang, (dimension: string) => string>> = {
  role: { 'zh-CN': () => '角色', en: () => 'role' },
  clock: { 'zh-CN': () => '时限', en: () => 'clock' },
  state: { 'zh-CN': () => '状态', en: () => 'state' },
  transition: { 'zh-CN': () => '流转', en: () => 'transition' },
  categoryDimension: { 'zh-CN': () => '分类维度', en: () => 'category dimension' },
  categoryValue: {
    'zh-CN': (dimension) => `${dimension}的取值`,
    en: (dimension) => `${dimension} value`,
  },
  form: { 'zh-CN': () => '表单', en: () => 'form' },
  calendar: { 'zh-CN': () => '日历', en: () => 'calendar' },
  ruleSet: { 'zh-CN': () => '规则集', en: () => 'rule set' },
};

function duration(value: ClockDuration, lang: Lang): string {
  if ('table' in value) return lang === 'en' ? `table ${value.table}` : `时限表 ${value.table}`;
  return `${value.amount} ${UNIT_WORDS[value.unit][lang]}`;
}

/** An id in words: its label in the language (Chinese when there is no English), else the id. */
type Name = (kind: string, id: string) => string;

function namer(names: DiffNames | undefined, lang: Lang): Name {
  return (kind, id) => {
    const label = names?.[`${kind}:${id}`];
    return label ? (label[lang] ?? label['zh-CN']) : id;
  };
}

const money = (n: number | null | undefined) =>
  n === undefined || n === null ? '∞' : n.toLocaleString('en');
const range = (band: DiffBand, n: Name) =>
  `${money(band.min)}–${money(band.max)}${
    band.when
      ? ` (${Object.entries(band.when)
          .map(([k, v]) => `${n('dimension', k)}=${v.map((id) => n(`value:${k}`, id)).join('/')}`)
          .join(', ')})`
      : ''
  }`;
const roles = (ids: string[], n: Name) => ids.map((id) => n('role', id)).join(', ');
const chained = (band: DiffBand, n: Name) => `${range(band, n)}: ${roles(band.chain, n)}`;
const PART_KIND: Partial<Record<DiffPart, string>> = {
  role: 'role',
  clock: 'clock',
  transition: 'transition',
  state: 'state',
  categoryDimension: 'dimension',
};
const partId = (p: DiffParams['part_added'], n: Name) =>
  p.part === 'categoryValue' ? n(`value:${p.dimension}`, p.id) : n(PART_KIND[p.part] ?? '', p.id);
const noun = (p: DiffParams['part_added'], lang: Lang, n: Name) =>
  PART_NOUNS[p.part][lang](p.dimension === undefined ? '' : n('dimension', p.dimension));

/** The sentence of every change code, per language. */
export const DIFF_MESSAGES: {
  [C in DiffCode]: Record<Lang, (p: DiffParams[C], n: Name) => string>;
} = {
  band_added: {
    'zh-CN': (p, n) => `新增核决区间 ${chained(p.band, n)}`,
    en: (p, n) => `approval band ${range(p.band, n)} added: ${roles(p.band.chain, n)}`,
  },
  band_changed: {
    'zh-CN': (p, n) => `核决区间 ${chained(p.before, n)} → ${chained(p.after, n)}`,
    en: (p, n) => `approval band ${chained(p.before, n)} → ${chained(p.after, n)}`,
  },
  band_removed: {
    'zh-CN': (p, n) => `删除核决区间 ${range(p.band, n)}`,
    en: (p, n) => `approval band ${range(p.band, n)} removed`,
  },
  part_added: {
    'zh-CN': (p, n) => `新增${noun(p, 'zh-CN', n)} ${partId(p, n)}`,
    en: (p, n) => `${noun(p, 'en', n)} ${partId(p, n)} added`,
  },
  part_removed: {
    'zh-CN': (p, n) => `删除${noun(p, 'zh-CN', n)} ${partId(p, n)}`,
    en: (p, n) => `${noun(p, 'en', n)} ${partId(p, n)} removed`,
  },
  authority_changed: {
    'zh-CN': (p, n) => `${n('role', p.role)} 的核决权限 ${money(p.before)} → ${money(p.after)}`,
    en: (p, n) => `authority of ${n('role', p.role)}: ${money(p.before)} → ${money(p.after)}`,
  },
  clock_duration_changed: {
    'zh-CN': (p, n) =>
      `时限 ${n('clock', p.clock)}: ${duration(p.before, 'zh-CN')} → ${duration(p.after, 'zh-CN')}`,
    en: (p, n) =>
      `clock ${n('clock', p.clock)}: ${duration(p.before, 'en')} → ${duration(p.after, 'en')}`,
  },
  clock_changed: {
    'zh-CN': (p, n) => `时限 ${n('clock', p.clock)} 的触发、日历或预警有变`,
    en: (p, n) => `clock ${n('clock', p.clock)}: triggers, calendar or levels changed`,
  },
  transition_roles_changed: {
    'zh-CN': (p, n) =>
      `流转 ${n('transition', p.transition)} 的角色: ${roles(p.before, n)} → ${roles(p.after, n)}`,
    en: (p, n) =>
      `transition ${n('transition', p.transition)} roles: ${roles(p.before, n)} → ${roles(p.after, n)}`,
  },
  transition_changed: {
    'zh-CN': (p, n) => `流转 ${n('transition', p.transition)} 有变`,
    en: (p, n) => `transition ${n('transition', p.transition)} changed`,
  },
  form_changed: {
    'zh-CN': (p) => `表单 ${p.form} 有变`,
    en: (p) => `form ${p.form} changed`,
  },
  calendar_changed: {
    'zh-CN': (p) => `日历 ${p.calendar} 有变`,
    en: (p) => `calendar ${p.calendar} changed`,
  },
  numbering_changed: {
    'zh-CN': (p) => `编号 ${p.before} → ${p.after}`,
    en: (p) => `numbering ${p.before} → ${p.after}`,
  },
  attachments_changed: {
    'zh-CN': (p) => `附件限制 ${limitsText(p.before, 'zh-CN')} → ${limitsText(p.after, 'zh-CN')}`,
    en: (p) => `attachment limits ${limitsText(p.before, 'en')} → ${limitsText(p.after, 'en')}`,
  },
  rule_set_changed: {
    'zh-CN': (p) => `规则集 ${p.ruleSet} 有变`,
    en: (p) => `rule set ${p.ruleSet} changed`,
  },
  examples_changed: {
    'zh-CN': (p) => `示例 ${p.before} → ${p.after} 个`,
    en: (p) => `examples: ${p.before} → ${p.after}`,
  },
};

/** The sentence of a change code with its parameters, in the language asked for. */
export function diffSentence<C extends DiffCode>(
  code: C,
  params: DiffParams[C],
  lang: Lang,
  names?: DiffNames,
): string {
  return DIFF_MESSAGES[code][lang](params, namer(names, lang));
}

/** A change in words, in the language asked for. */
export function diffMessage(change: PolicyChange, lang: Lang): string {
  return diffSentence(change.code, change.params, lang, change.names);
}
