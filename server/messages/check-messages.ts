/**
 * The policy check's sentences in zh-CN and en, one for every check code (a code without one fails
 * the type check), and the step that gives each problem its message in the reader's language.
 */
import type { CheckCode, CheckProblem } from '../domain/policy/check/check-codes.ts';
import type { Lang } from '../domain/policy/format.ts';
import type { PolicyProblem } from '../domain/validator.ts';

type Params = Record<string, unknown>;
type Message = Record<Lang, (p: Params) => string>;

const s = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

const RESETS: Record<string, Record<Lang, string>> = {
  never: { 'zh-CN': '从不归零', en: 'never reset' },
  year: { 'zh-CN': '每年归零', en: 'reset yearly' },
  month: { 'zh-CN': '每月归零', en: 'reset monthly' },
  day: { 'zh-CN': '每天归零', en: 'reset daily' },
};
const reset = (value: unknown, lang: Lang) => RESETS[s(value)]?.[lang] ?? s(value);

/** The sentence of every check code, per language. */
export const CHECK_MESSAGES = {
  form_schema_invalid: {
    'zh-CN': (p) => `表单 ${s(p.form)} 的 JSON Schema 无法编译: ${s(p.reason)}`,
    en: (p) => `form ${s(p.form)}: JSON Schema does not compile: ${s(p.reason)}`,
  },
  form_schema_version: {
    'zh-CN': (p) =>
      `表单 ${s(p.form)} 声明的 JSON Schema 版本 "${s(p.version)}" 不受支持: 请使用 draft-07 (或删去 $schema)`,
    en: (p) =>
      `form ${s(p.form)} declares JSON Schema version "${s(p.version)}", which is not supported: use draft-07 (or remove $schema)`,
  },
  form_message_unknown_field: {
    'zh-CN': (p) =>
      `表单 ${s(p.form)} 的错误提示写给了不存在的字段 "${s(p.field)}" (路径以点开头, 如 ".phone")`,
    en: (p) =>
      `form ${s(p.form)}: an error message is written for "${s(p.field)}", which is not a field of the form (paths start with a dot, e.g. ".phone")`,
  },
  form_message_unknown_keyword: {
    'zh-CN': (p) =>
      `表单 ${s(p.form)} 字段 "${s(p.field)}" 的错误提示用于 "${s(p.keyword)}", 但该字段没有这项校验 (可用: required、pattern、minLength、maxLength、minimum、maximum、format、enum、type 等)`,
    en: (p) =>
      `form ${s(p.form)}, field "${s(p.field)}": an error message for "${s(p.keyword)}", a check the field does not have (use required, pattern, minLength, maxLength, minimum, maximum, format, enum, type…)`,
  },
  form_message_not_label: {
    'zh-CN': (p) =>
      `表单 ${s(p.form)} 字段 "${s(p.field)}" 的 "${s(p.keyword)}" 错误提示须写成 { "zh-CN": "…", "en": "…" }, 且中文不能为空`,
    en: (p) =>
      `form ${s(p.form)}, field "${s(p.field)}": the "${s(p.keyword)}" error message must be { "zh-CN": "…", "en": "…" } with the Chinese text not empty`,
  },
  form_not_object: {
    'zh-CN': (p) => `表单 ${s(p.form)} 的顶层必须是对象 (type: "object"), 现为 ${s(p.type)}`,
    en: (p) =>
      `form ${s(p.form)} must be an object at its top level (type: "object"), not ${s(p.type)}`,
  },
  unknown_field: {
    'zh-CN': (p) => `引用了表单 ${s(p.form)} 中不存在的字段 "${s(p.field)}"`,
    en: (p) => `refers to field "${s(p.field)}", which form ${s(p.form)} does not have`,
  },
  unknown_role: {
    'zh-CN': (p) => `角色 "${s(p.role)}" 不存在`,
    en: (p) => `role "${s(p.role)}" does not exist`,
  },
  unknown_state: {
    'zh-CN': (p) => `状态 "${s(p.state)}" 不存在`,
    en: (p) => `state "${s(p.state)}" does not exist`,
  },
  unknown_form: {
    'zh-CN': (p) => `表单 "${s(p.form)}" 不存在`,
    en: (p) => `form "${s(p.form)}" does not exist`,
  },
  unknown_transition: {
    'zh-CN': (p) => `流转 "${s(p.transition)}" 不存在`,
    en: (p) => `transition "${s(p.transition)}" does not exist`,
  },
  unknown_department: {
    'zh-CN': (p) => `部门 "${s(p.department)}" 不存在`,
    en: (p) => `department "${s(p.department)}" does not exist`,
  },
  unknown_category: {
    'zh-CN': (p) => `分类维度 "${s(p.dimension)}" 不存在`,
    en: (p) => `category dimension "${s(p.dimension)}" does not exist`,
  },
  unknown_category_value: {
    'zh-CN': (p) => `分类维度 "${s(p.dimension)}" 没有取值 "${s(p.value)}"`,
    en: (p) => `category dimension "${s(p.dimension)}" has no value "${s(p.value)}"`,
  },
  category_not_rule_set: {
    'zh-CN': (p) => `分类维度 "${s(p.dimension)}" 不允许由规则设置 (setBy 未包含 rule)`,
    en: (p) =>
      `category dimension "${s(p.dimension)}" may not be set by a rule (setBy lacks "rule")`,
  },
  unknown_clock: {
    'zh-CN': (p) => `时限 "${s(p.clock)}" 不存在`,
    en: (p) => `clock "${s(p.clock)}" does not exist`,
  },
  unknown_calendar: {
    'zh-CN': (p) => `日历 "${s(p.calendar)}" 不存在`,
    en: (p) => `calendar "${s(p.calendar)}" does not exist`,
  },
  unknown_table: {
    'zh-CN': (p) => `时限表 "${s(p.table)}" 不存在`,
    en: (p) => `duration table "${s(p.table)}" does not exist`,
  },
  unknown_action: {
    'zh-CN': (p) => `未知的规则动作 "${s(p.action)}" (可用: ${s(p.allowed)})`,
    en: (p) => `unknown rule action "${s(p.action)}" (allowed: ${s(p.allowed)})`,
  },
  unknown_fact: {
    'zh-CN': (p) => `规则条件引用了未知事实 "${s(p.fact)}" (可用: ${s(p.allowed)})`,
    en: (p) => `rule condition refers to unknown fact "${s(p.fact)}" (allowed: ${s(p.allowed)})`,
  },
  duplicate_id: {
    'zh-CN': (p) => `重复的标识 "${s(p.id)}"`,
    en: (p) => `duplicate id "${s(p.id)}"`,
  },
  band_empty: {
    'zh-CN': (p) => `金额区间 [${s(p.min)}, ${s(p.max)}) 为空`,
    en: (p) => `amount band [${s(p.min)}, ${s(p.max)}) is empty`,
  },
  band_overlap: {
    'zh-CN': (p) =>
      `金额区间与 ${s(p.other)} 重叠 (${s(p.from)}–${s(p.to)})${p.categories ? `, 适用于 ${s(p.categories)}` : ''}`,
    en: (p) =>
      `amount band overlaps row ${s(p.other)} (${s(p.from)}–${s(p.to)})${p.categories ? ` for ${s(p.categories)}` : ''}`,
  },
  band_gap: {
    'zh-CN': (p) =>
      `金额 ${s(p.from)}–${s(p.to)} 没有核决权限行覆盖${p.categories ? ` (${s(p.categories)})` : ''}`,
    en: (p) =>
      `no approval row covers amounts ${s(p.from)}–${s(p.to)}${p.categories ? ` for ${s(p.categories)}` : ''}`,
  },
  authority_too_low: {
    'zh-CN': (p) =>
      `审批链最后一级 "${s(p.role)}" 的核决权限 ${s(p.limit)} 低于区间上限 ${s(p.max)}`,
    en: (p) =>
      `the chain's last approver "${s(p.role)}" has authority ${s(p.limit)}, below the band's top ${s(p.max)}`,
  },
  state_unreachable: {
    'zh-CN': (p) => `状态 "${s(p.state)}" 从初始状态无法到达`,
    en: (p) => `state "${s(p.state)}" cannot be reached from the initial state`,
  },
  state_cannot_end: {
    'zh-CN': (p) => `状态 "${s(p.state)}" 无法到达任何结案状态`,
    en: (p) => `state "${s(p.state)}" cannot reach any terminal state`,
  },
  no_terminal_state: {
    'zh-CN': () => `流程没有结案状态`,
    en: () => `the workflow has no terminal state`,
  },
  terminal_has_exit: {
    'zh-CN': (p) => `结案状态 "${s(p.state)}" 不应有流出的流转`,
    en: (p) => `terminal state "${s(p.state)}" has an outgoing transition`,
  },
  effect_missing: {
    'zh-CN': (p) => `审批矩阵需要一个效果为 "${s(p.effect)}" 的流转`,
    en: (p) => `the approval matrix needs a transition with effect "${s(p.effect)}"`,
  },
  time_zone_invalid: {
    'zh-CN': (p) => `时区 "${s(p.timeZone)}" 无效`,
    en: (p) => `time zone "${s(p.timeZone)}" is not valid`,
  },
  hours_invalid: {
    'zh-CN': (p) => `工作时间 ${s(p.range)} 无效或与前一段重叠`,
    en: (p) => `working hours ${s(p.range)} are invalid or overlap the previous range`,
  },
  calendar_no_hours: {
    'zh-CN': (p) =>
      `日历 "${s(p.calendar)}" 自 ${s(p.effectiveFrom)} 起的每周工作时间为空: 按工作时间计的时限永远不会到期`,
    en: (p) =>
      `calendar "${s(p.calendar)}" has no working hours in its week from ${s(p.effectiveFrom)}: a clock in working time could never fall due`,
  },
  close_days_invalid: {
    'zh-CN': (p) =>
      `"第 N 个工作日下班前" (closeOfWorkingDay) 的 N 须为不小于 1 的整数, 现为 ${s(p.amount)}`,
    en: (p) =>
      `"by the close of the Nth working day" (closeOfWorkingDay) needs a whole N from 1, not ${s(p.amount)}`,
  },
  date_conflict: {
    'zh-CN': (p) => `日期 ${s(p.date)} 同时是假日和调休工作日`,
    en: (p) => `date ${s(p.date)} is both a holiday and a make-up working day`,
  },
  chain_repeats_role: {
    'zh-CN': (p) =>
      `审批链中角色 ${s(p.role)} 出现两次, 但四眼原则已关闭 (fourEyes: false): 同一人可签两步, 请删去重复的一步或开启四眼原则`,
    en: (p) =>
      `the chain names role ${s(p.role)} twice while four eyes is off (fourEyes: false): one person could sign both steps; remove the repeat or turn four eyes on`,
  },
  numbering_no_serial: {
    'zh-CN': () => `编号规则没有流水号`,
    en: () => `the numbering pattern has no serial token`,
  },
  numbering_repeats: {
    'zh-CN': (p) => `编号按 ${s(p.reset)} 重置, 但格式缺少 ${s(p.missing)}, 编号会重复`,
    en: (p) =>
      `numbering resets by ${s(p.reset)} but the pattern lacks ${s(p.missing)}: numbers would repeat`,
  },
  numbering_may_repeat: {
    'zh-CN': (p) =>
      `编号规则由${p.version === undefined ? '' : `版本 ${s(p.version)} 的`} ${s(p.before)} (${reset(p.beforeReset, 'zh-CN')}) 改为 ${s(p.after)} (${reset(p.afterReset, 'zh-CN')}), 新编号可能与已发出的编号相同: 系统会跳过已用的编号, 流水号因此不连续。加一个固定前缀可避免, 例如 ${s(p.suggestion)}`,
    en: (p) =>
      `numbering changes from ${p.version === undefined ? '' : `version ${s(p.version)}'s `}${s(p.before)} (${reset(p.beforeReset, 'en')}) to ${s(p.after)} (${reset(p.afterReset, 'en')}): a new number may equal one already given; such numbers are skipped, so serials jump. A literal prefix avoids it, e.g. ${s(p.suggestion)}`,
  },
  level_order: {
    'zh-CN': () => `预警/升级级别需要递增且唯一`,
    en: () => `warning/escalation levels must be unique and increasing`,
  },
  unknown_part: {
    'zh-CN': (p) =>
      `假定所说的部分 "${s(p.part)}" 在策略中不存在 (写法如 clocks.reply、approvals.rows.<id>)`,
    en: (p) =>
      `the assumption is about "${s(p.part)}", which the policy does not have (write parts as clocks.reply, approvals.rows.<id>)`,
  },
  assessment_count_missing: {
    'zh-CN': (p) => `考核规则 ${s(p.rule)} 没有 measure, 按有效投诉件数考核, 需要 minCount`,
    en: (p) =>
      `assessment rule ${s(p.rule)} has no measure, so it counts valid complaints and needs minCount`,
  },
  assessment_field_not_allowed: {
    'zh-CN': (p) =>
      p.measure === undefined
        ? `考核规则 ${s(p.rule)} 按件数考核 (没有 measure), 不能使用 ${s(p.field)}`
        : `考核规则 ${s(p.rule)} 的指标 ${s(p.measure)} 不能使用 ${s(p.field)}`,
    en: (p) =>
      p.measure === undefined
        ? `assessment rule ${s(p.rule)} counts complaints (no measure) and cannot use ${s(p.field)}`
        : `assessment rule ${s(p.rule)} measures ${s(p.measure)} and cannot use ${s(p.field)}`,
  },
  assessment_threshold_missing: {
    'zh-CN': (p) =>
      `考核规则 ${s(p.rule)} 的指标 ${s(p.measure)} 需要阈值: above、atLeast、below 或 atMost`,
    en: (p) =>
      `assessment rule ${s(p.rule)} measures ${s(p.measure)} and needs a threshold: above, atLeast, below or atMost`,
  },
  assessment_threshold_twice: {
    'zh-CN': (p) => `考核规则 ${s(p.rule)} 同时设置了 ${s(p.fields)}, 只能取其一`,
    en: (p) => `assessment rule ${s(p.rule)} sets both ${s(p.fields)}; keep one`,
  },
  assessment_range_empty: {
    'zh-CN': (p) => `考核规则 ${s(p.rule)} 的范围为空: ${s(p.from)} 与 ${s(p.to)} 之间没有任何值`,
    en: (p) =>
      `assessment rule ${s(p.rule)} can never apply: no value is both ${s(p.from)} and ${s(p.to)}`,
  },
  assessment_rate_range: {
    'zh-CN': (p) =>
      `考核规则 ${s(p.rule)} 的 ${s(p.field)} 为 ${s(p.value)}: 比率取 0 到 1 之间的值 (如 0.95 表示 95%)`,
    en: (p) =>
      `assessment rule ${s(p.rule)}: ${s(p.field)} is ${s(p.value)}, but a rate is between 0 and 1 (0.95 for 95%)`,
  },
  attachment_type_unknown: {
    'zh-CN': (p) => `附件类型 ${s(p.type)} 无法从文件内容识别; 可用的类型: ${s(p.known)}`,
    en: (p) =>
      `attachment type ${s(p.type)} cannot be recognised from a file's content; known types: ${s(p.known)}`,
  },
  attachment_limit_too_high: {
    'zh-CN': (p) => `附件限制 ${s(p.limit)} 为 ${s(p.value)}, 超过平台上限 ${s(p.ceiling)}`,
    en: (p) =>
      `attachment limit ${s(p.limit)} is ${s(p.value)}, above the platform's ceiling of ${s(p.ceiling)}`,
  },
  form_attachment_on_intake: {
    'zh-CN': (p) =>
      `登记表的字段 ${s(p.field)} 是附件字段: 案件登记前没有可上传附件的案件, 附件字段只能用于办理环节的表单`,
    en: (p) =>
      `intake field ${s(p.field)} is an attachment field: there is no case to hold the file before the complaint is registered, so attachment fields belong on stage forms`,
  },
  form_attachment_type_not_allowed: {
    'zh-CN': (p) =>
      `表单 ${s(p.form)} 的附件字段 ${s(p.field)} 接受 ${s(p.type)}, 但政策的附件类型不含它 (允许: ${s(p.allowed)})`,
    en: (p) =>
      `attachment field ${s(p.field)} of form ${s(p.form)} accepts ${s(p.type)}, which the policy's attachment types do not allow (allowed: ${s(p.allowed)})`,
  },
  public_form_field_hidden: {
    'zh-CN': (p) =>
      `网上投诉表单既不显示也不设定必填字段 "${s(p.field)}": 请把它加入 fields, 或在 set 中给出它的值`,
    en: (p) =>
      `the public form neither shows nor sets the required field "${s(p.field)}": add it to fields, or give its value in set`,
  },
} satisfies Record<CheckCode, Message>;

/** The problem's message in the language asked for. */
export function checkMessage(code: CheckCode, params: Params, lang: Lang): string {
  return CHECK_MESSAGES[code][lang](params);
}

/**
 * The problems with their messages: a check problem gets its sentence in `lang`; a shape problem
 * keeps the one the schema validator wrote (in the language it was asked for).
 */
export function describeProblems(
  problems: readonly (CheckProblem | PolicyProblem)[],
  lang: Lang,
): PolicyProblem[] {
  return problems.map((problem) =>
    'message' in problem
      ? problem
      : {
          path: problem.path,
          code: problem.code,
          message: checkMessage(problem.code, problem.params, lang),
          params: problem.params,
        },
  );
}
