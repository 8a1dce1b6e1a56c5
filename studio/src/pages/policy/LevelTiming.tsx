/** The timing of a clock's warning or escalation level, folded away until asked for. */
import { useTranslation } from 'react-i18next';
import { AmountInput } from './AmountInput.tsx';
import { DurationInput } from './DurationInput.tsx';
import type { Duration, Level } from './duration.ts';

/** When a warning or escalation level fires: a share of the duration, or a time past due. */
export function LevelTiming({
  level,
  name,
  onChange,
}: {
  level: Level;
  name: string;
  onChange: (change: (level: Level) => void) => void;
}) {
  const { t } = useTranslation('policy');
  // An escalation fires when due, or a time past due: either can be turned into the other.
  const pastDue = level.atFraction === undefined;
  return (
    <details className="level-timing">
      <summary aria-label={t('deadlines.adjustOf', { name })}>{t('deadlines.adjust')}</summary>
      {level.atFraction !== undefined && (
        <label>
          {t('deadlines.percentLabel')}{' '}
          <AmountInput
            value={Math.round(level.atFraction * 100)}
            label={t('deadlines.percentOf', { name })}
            onChange={(percent) =>
              onChange((l) => void (l.atFraction = Math.min(100, percent) / 100))
            }
          />{' '}
          %
        </label>
      )}
      {level.after && (
        <DurationInput
          value={level.after as Duration}
          name={name}
          onChange={(after) => onChange((l) => void (l.after = after))}
        />
      )}
      {pastDue && (
        <button
          type="button"
          onClick={() =>
            onChange((l) => {
              if (l.after) delete l.after;
              else l.after = { amount: 1, unit: 'workingDays' };
            })
          }
        >
          {t(level.after ? 'deadlines.whenDue' : 'deadlines.afterDue', { name })}
        </button>
      )}
    </details>
  );
}
