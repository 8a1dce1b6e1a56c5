/** A clock's warning and escalation levels: each in words, its timing, its actions; add and remove. */
import { useTranslation } from 'react-i18next';
import { addLevel, removeLevel } from './clock-edits.ts';
import { levelText, type Words } from './clock-words.ts';
import type { ClockPart, Level } from './duration.ts';
import { LevelActions } from './LevelActions.tsx';
import { LevelTiming } from './LevelTiming.tsx';
import { RemoveButton } from './RemoveButton.tsx';

type Kind = 'warnings' | 'escalations';

/** The levels' list, then "add a warning" and "add an escalation". */
export function ClockLevels({ clock, name, words, setClock }: ClockPart & { words: Words }) {
  const { t } = useTranslation('policy');
  const levels = (kind: Kind, list: Level[]) =>
    list.map((l, i) => {
      const one = kind === 'warnings' ? 'warning' : 'escalation';
      const levelName = t('deadlines.levelName', {
        clock: name,
        kind: t(`deadlines.${one}`),
        level: l.level,
      });
      const setLevel = (change: (level: Level) => void) =>
        setClock((c) => {
          const target = c[kind]?.[i];
          if (target) change(target);
        });
      return (
        <li key={`${one}${i}`} data-testid={`level-${one}-${l.level}`}>
          {levelText(words, l, one)}{' '}
          <RemoveButton
            label={t('deadlines.removeLevel', { name: levelName })}
            onClick={() => setClock((c) => removeLevel(c, kind, i))}
          />
          <LevelTiming level={l} name={levelName} onChange={setLevel} />
          <LevelActions level={l} name={levelName} policy={words.policy} onChange={setLevel} />
        </li>
      );
    });
  return (
    <div>
      <h4>{t('deadlines.levels')}</h4>
      <ul className="plain">
        {levels('warnings', clock.warnings ?? [])}
        {levels('escalations', clock.escalations ?? [])}
      </ul>
      <button type="button" onClick={() => setClock((c) => addLevel(c, 'warnings'))}>
        {t('deadlines.addWarning', { name })}
      </button>{' '}
      <button type="button" onClick={() => setClock((c) => addLevel(c, 'escalations'))}>
        {t('deadlines.addEscalation', { name })}
      </button>
    </div>
  );
}
