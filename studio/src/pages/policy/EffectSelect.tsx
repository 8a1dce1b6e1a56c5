/** What an action (transition) does besides moving the case — propose a remedy, approve, reply… */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';

type Effect = NonNullable<Policy['workflow']['transitions'][number]['effect']>;

const EFFECTS: Effect[] = [
  'proposeRemedy',
  'approve',
  'rejectApproval',
  'reply',
  'customerAccept',
  'customerReject',
  'followUp',
  'reclassify',
  'assign',
];

/** The effect as a choice in words; "(none)" leaves the action a plain move. */
export function EffectSelect({
  name,
  value,
  onChange,
}: {
  /** The action's name, for the select's accessible name. */
  name: string;
  value: Effect | undefined;
  onChange: (effect: Effect | undefined) => void;
}) {
  const { t } = useTranslation('policy');
  return (
    <label className="inline muted">
      {t('workflow.effect')}{' '}
      <select
        aria-label={t('workflow.effectOf', { name })}
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as Effect | undefined)}
      >
        <option value="">{t('workflow.noEffect')}</option>
        {EFFECTS.map((effect) => (
          <option key={effect} value={effect}>
            {t(`workflow.effects.${effect}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
