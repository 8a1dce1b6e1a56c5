/** Why an action of a case is not possible now, in the caller's language, with the policy's role labels. */
import type { ActionRefusalView } from '../../app/cases/cases.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { ERROR_MESSAGES } from './error-messages.ts';

function joined(names: string[], lang: Lang): string {
  if (lang === 'zh-CN') return names.join('、');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * The refusal in words: whose approval it waits for ("等待 副总经理 核决"), or the sentence of its
 * error code.
 */
export function actionRefusalMessage(refusal: ActionRefusalView, lang: Lang): string {
  const names = refusal.waitingFor.map(({ role, label }) =>
    lang === 'en' ? (label.en ?? label['zh-CN'] ?? role) : label['zh-CN'],
  );
  if (names.length === 0) return ERROR_MESSAGES[refusal.code][lang];
  return lang === 'en'
    ? `Waiting for approval by ${joined(names, lang)}`
    : `等待 ${joined(names, lang)} 核决`;
}
