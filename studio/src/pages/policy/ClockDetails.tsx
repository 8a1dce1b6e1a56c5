/** The second row of a deadline clock (时限): what starts, stops and pauses it, and its levels. */
import { useTranslation } from 'react-i18next';
import { levelText, pausedIn, triggerText, type Words } from './clock-words.ts';
import type { Clock, ClockPart, Level } from './duration.ts';
import { LevelTiming } from './LevelTiming.tsx';

type Props = ClockPart & { words: Words; hasProblem: boolean };

/** Start, stop and pause in words; each warning and escalation level with its timing editor. */
export function ClockDetails({ clock, name, words, hasProblem, setClock }: Props) {
  const { t } = useTranslation('policy');
  const trigger = (x: Clock['start'][number]) => triggerText(words, x);
  const levels = (kind: 'warning' | 'escalation', list: Level[]) =>
    list.map((l, i) => (
      <li key={`${kind[0]}${i}`}>
        {levelText(words, l, kind)}
        <LevelTiming
          level={l}
          name={t('deadlines.levelName', {
            clock: name,
            kind: t(`deadlines.${kind}`),
            level: l.level,
          })}
          onChange={(change) =>
            setClock((c) => {
              const target = (kind === 'warning' ? c.warnings : c.escalations)?.[i];
              if (target) change(target);
            })
          }
        />
      </li>
    ));
  return (
    <tr className={hasProblem ? 'has-problem clock-row2' : 'clock-row2'}>
      <td colSpan={3}>
        <div className="clock-details">
          <div>
            <h4>{t('deadlines.startStop')}</h4>
            <div>
              <strong>{t('deadlines.start')}</strong>{' '}
              {clock.start.length
                ? clock.start.map(trigger).join(t('deadlines.or'))
                : t('deadlines.byRule')}
            </div>
            <div>
              <strong>{t('deadlines.stop')}</strong>{' '}
              {clock.stop.map(trigger).join(t('deadlines.or')) || '—'}
            </div>
            {clock.pauseIn?.length ? (
              <div>
                <strong>{t('deadlines.pause')}</strong> {pausedIn(words, clock.pauseIn)}
              </div>
            ) : null}
          </div>
          <div>
            <h4>{t('deadlines.levels')}</h4>
            <ul className="plain">
              {levels('warning', clock.warnings ?? [])}
              {levels('escalation', clock.escalations ?? [])}
            </ul>
          </div>
        </div>
      </td>
    </tr>
  );
}
