/** A deadline clock's triggers and levels in words, for the deadlines section. */
import type { TFunction } from 'i18next';
import type { Policy } from '../../api/types.ts';
import { labelText, punctuation } from '../../i18n/index.ts';
import { describeDuration, type Duration, type Level, type Trigger } from './duration.ts';

/** What the words need: the policy's names in the user's language. */
export type Words = { policy: Policy; lang: string; t: TFunction<'policy'> };

function stateName({ policy, lang }: Words, id: string): string {
  return labelText(policy.workflow.states[id]?.label, lang) || id;
}

function roleName({ policy, lang }: Words, id: string): string {
  return labelText(policy.roles[id]?.label, lang) || id;
}

/** "立案时" / "执行「…」时" / "进入「…」时". */
export function triggerText(words: Words, x: Trigger): string {
  const { policy, lang, t } = words;
  if ('event' in x) return t('deadlines.onOpened');
  if ('transition' in x) {
    const transition = policy.workflow.transitions.find((tr) => tr.id === x.transition);
    return t('deadlines.onTransition', {
      name: labelText(transition?.label, lang) || x.transition,
    });
  }
  return t('deadlines.onState', { name: stateName(words, x.enterState) });
}

function actionText(words: Words, a: Level['actions'][number]): string {
  const { policy, lang, t } = words;
  if (a.type === 'remind') {
    // A reminder without a message is just "催办", not "催办（）".
    const message = labelText(a.message, lang).trim();
    return message ? t('deadlines.remind', { message }) : t('deadlines.remindPlain');
  }
  if (a.type === 'notify') return t('deadlines.notify', { role: roleName(words, a.role) });
  if (a.type === 'reassign') return t('deadlines.reassign', { role: roleName(words, a.role) });
  return t('deadlines.raiseSeverity', {
    dimension: labelText(policy.categories[a.dimension]?.label, lang) || a.dimension,
  });
}

/** A warning or escalation level: when it fires and what it does. */
export function levelText(words: Words, l: Level, kind: 'warning' | 'escalation'): string {
  const { t } = words;
  const tr = t as unknown as (key: string, o?: object) => string;
  const when =
    l.atFraction !== undefined
      ? t('deadlines.atFraction', { percent: Math.round(l.atFraction * 100) })
      : l.after?.unit === 'closeOfWorkingDay'
        ? t('deadlines.afterClose', { amount: l.after.amount })
        : l.after
          ? t('deadlines.after', { duration: describeDuration(l.after as Duration, tr) })
          : kind === 'escalation'
            ? t('deadlines.atDue')
            : '';
  const actions = l.actions.map((a) => actionText(words, a)).join(punctuation(words.lang).clause);
  return t(kind === 'warning' ? 'deadlines.warningLevel' : 'deadlines.escalationLevel', {
    level: l.level,
    when,
    actions,
  });
}
