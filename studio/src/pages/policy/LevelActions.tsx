/** What a warning or escalation level does: each action's kind and role or category; add, remove. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { ACTION_TYPES, newAction, type ActionType } from './clock-edits.ts';
import type { Level } from './duration.ts';

type Props = {
  level: Level;
  /** The level's name ("回复时限 升级 1 级"), for the controls' accessible names. */
  name: string;
  policy: Policy;
  onChange: (change: (level: Level) => void) => void;
};

/** The level's actions folded away until asked for, as the timing is. */
export function LevelActions({ level, name, policy, onChange }: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const roles = Object.entries(policy.roles);
  const dimensions = Object.entries(policy.categories);
  const setAction = (i: number, action: Level['actions'][number]) =>
    onChange((l) => void (l.actions[i] = action));
  return (
    <details className="level-actions">
      <summary aria-label={t('deadlines.actionsOf', { name })}>{t('deadlines.actions')}</summary>
      <ol>
        {level.actions.map((action, i) => {
          const actionName = t('deadlines.actionName', { name, n: i + 1 });
          return (
            <li key={i}>
              <select
                aria-label={t('deadlines.actionTypeOf', { name: actionName })}
                value={action.type}
                onChange={(e) => setAction(i, newAction(policy, e.target.value as ActionType))}
              >
                {ACTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`deadlines.actionTypes.${type}`)}
                  </option>
                ))}
              </select>{' '}
              {(action.type === 'notify' || action.type === 'reassign') && (
                <select
                  aria-label={t('deadlines.actionRoleOf', { name: actionName })}
                  value={action.role}
                  onChange={(e) => setAction(i, { ...action, role: e.target.value })}
                >
                  {roles.map(([id, role]) => (
                    <option key={id} value={id}>
                      {labelText(role.label, lang) || id}
                    </option>
                  ))}
                </select>
              )}
              {action.type === 'raiseSeverity' && (
                <select
                  aria-label={t('deadlines.actionDimensionOf', { name: actionName })}
                  value={action.dimension}
                  onChange={(e) =>
                    setAction(i, { type: 'raiseSeverity', dimension: e.target.value })
                  }
                >
                  {dimensions.map(([id, dimension]) => (
                    <option key={id} value={id}>
                      {labelText(dimension.label, lang) || id}
                    </option>
                  ))}
                </select>
              )}{' '}
              <button
                type="button"
                className="danger-link"
                aria-label={t('deadlines.removeAction', { name: actionName })}
                onClick={() => onChange((l) => void l.actions.splice(i, 1))}
              >
                {t('edit.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => onChange((l) => void l.actions.push(newAction(policy, 'remind')))}
      >
        {t('deadlines.addAction', { name })}
      </button>
    </details>
  );
}
