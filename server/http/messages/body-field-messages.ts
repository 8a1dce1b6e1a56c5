/** What a request body's missing or mistyped object field says, naming it, in zh-CN and en. */
import type { Lang } from '../../domain/policy/format.ts';

const WHAT: Record<string, Record<Lang, string>> = {
  intake: { 'zh-CN': '投诉登记表的内容', en: 'the complaint form’s content' },
  data: { 'zh-CN': '操作表单的内容', en: 'the action form’s content' },
};

/** "缺少 intake (投诉登记表的内容)" / "intake (the complaint form’s content) is missing". */
export function missingFieldMessage(key: string, lang: Lang): string {
  const what = WHAT[key]?.[lang];
  const named = what ? `${key} (${what})` : key;
  return lang === 'en' ? `${named} is missing` : `缺少 ${named}`;
}

/** "intake (投诉登记表的内容) 须为对象 {…}" / "intake (…) must be an object {…}". */
export function notObjectMessage(key: string, lang: Lang): string {
  const what = WHAT[key]?.[lang];
  const named = what ? `${key} (${what})` : key;
  return lang === 'en' ? `${named} must be an object {…}` : `${named} 须为对象 {…}`;
}
