/**
 * A request field's problem in the caller's language. The use cases and routes name a bad field's
 * problem in a short English phrase (the API's own words, kept for English callers and logs); the
 * error envelope says it in Chinese for everyone else. Phrases from the form validator are already
 * in the caller's language and pass through unchanged, as does anything not listed here (a test
 * reads the server's sources and fails on a phrase without its Chinese).
 */
import type { Lang } from '../../domain/policy/format.ts';

const PHRASES: Record<string, string> = {
  required: '必填',
  missing: '缺失',
  unknown: '未知',
  used: '已使用过',
  'unknown field': '不认识的字段',
  'unknown template': '没有这个模板',
  'required number': '须填写数字',
  'required integer': '须填写整数',
  'required template id': '须填写模板编号',
  'required non-empty string': '须填写非空文本',
  'required to sign': '签名需要它，必填',
  'must be a string': '须为文本',
  'must be text': '须为文本',
  'must be a non-empty string': '须为非空文本',
  'must be a number': '须为数字',
  'must be an integer': '须为整数',
  'must be a boolean': '须为 true 或 false',
  'must be true or false': '须为 true 或 false',
  'true or false': '须为 true 或 false',
  'must be an object': '须为对象 {…}',
  'must be an array': '须为数组 […]',
  'must be an array of strings': '须为文本数组',
  'must be a list of strings': '须为文本列表',
  'must be a list of steps': '须为步骤列表',
  'must be a whole number from 1': '须为从 1 起的整数',
  'must be a policy document (a JSON object)': '须为政策文档（JSON 对象）',
  'must map dimensions to values': '须为分类维度到取值的对应',
  'must map cell text to values': '须为单元格文字到取值的对应',
  'must be an http(s) URL': '须为 http(s) 网址',
  'must be string, number, integer or boolean': '须为 string、number、integer 或 boolean',
  'must name the workflow transition the record took': '须写明这条记录走的流程操作',
  'must be a time format with HH or hh (e.g. HH:mm:ss)':
    '须为含 HH 或 hh 的时间格式（如 HH:mm:ss）',
  'is only read with a timeColumn': '只在有 timeColumn 时读取',
  'number out of range': '数字超出范围',
  'nothing to remove here': '这里没有可删除的内容',
  'not an e-mail address': '不是有效的电子邮件地址',
  'an e-mail address is required': '须填写电子邮件地址',
  'an e-mail address': '须为电子邮件地址',
  'an e-mail address is required (you have none)': '须填写收件地址（您本人没有设置邮箱）',
  'up to 80 characters': '至多 80 个字符',
  'a port from 1 to 65535': '须为 1 到 65535 之间的端口',
  'letters, digits, - and _, up to 40': '只能用字母、数字、- 和 _，至多 40 个字符',
  'a-z, 0-9 and -, 2–63 characters': '只能用 a-z、0-9 和 -，2 到 63 个字符',
  'a–z, 0–9, ".", "_" and "-", 2–64 characters': '只能用 a–z、0–9、"."、"_" 和 "-"，2 到 64 个字符',
  'all, YYYY, YYYY-MM or YYYY-MM-DD': '须为 all、YYYY、YYYY-MM 或 YYYY-MM-DD',
  'YYYY or YYYY-MM': '须为 YYYY 或 YYYY-MM',
  'zh-CN or en': '须为 zh-CN 或 en',
  'wrong login or password': '登录名或密码错误',
  'the user has a password already': '该用户已设置密码',
  'taken by another user': '已被其他用户使用',
  'no login yet': '尚未设置登录名',
};

/** Phrases with a part that varies (a number, a name, a list), and their Chinese. */
const PATTERNS: [RegExp, (part: string) => string][] = [
  [/^must be one of (.+)$/, (part) => `须为以下之一：${part}`],
  [/^one of (.+)$/, (part) => `须为以下之一：${part}`],
  [/^unknown role (.+)$/, (part) => `没有角色 ${part}`],
  [/^wait (\d+) s$/, (part) => `请 ${part} 秒后再试`],
  [/^at most (\d+) rows$/, (part) => `至多 ${part} 行`],
  [/^a list of at most (\d+) channels$/, (part) => `至多 ${part} 个渠道`],
  [/^must be a list of at most (\d+) ids$/, (part) => `须为至多 ${part} 个编号的列表`],
  [/^a whole number from 1 to (\d+)$/, (part) => `须为 1 到 ${part} 的整数`],
  [/^nested deeper than (\d+) levels$/, (part) => `嵌套超过 ${part} 层`],
  [/^available: (.+)$/, (part) => `可用的版本：${part}`],
  [/^id (.+) is used twice$/, (part) => `编号 ${part} 用了两次`],
  [/^must be a list of items with "(.+)"$/, (part) => `须为含 "${part}" 的条目列表`],
  [/^needs "(.+)"$/, (part) => `缺少 "${part}"`],
  [/^"(.+)" is not an IANA time zone$/, (part) => `"${part}" 不是 IANA 时区`],
];

/** The Chinese of an English field phrase, or undefined when it is not one of the server's. */
export function chineseOfFieldPhrase(message: string): string | undefined {
  const exact = PHRASES[message];
  if (exact !== undefined) return exact;
  for (const [pattern, say] of PATTERNS) {
    const found = pattern.exec(message);
    if (found) return say(found[1] ?? '');
  }
  return undefined;
}

/** A field's problem as the caller reads it: in English as written, otherwise in Chinese. */
export function fieldProblemIn(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return chineseOfFieldPhrase(message) ?? message;
}
