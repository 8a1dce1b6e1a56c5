/** The second row of a deadline clock (时限): what starts, stops and pauses it, and its levels. */
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { ChipPicker } from './ChipPicker.tsx';
import { startCondition, triggerKey, triggerKeys, triggerOf } from './clock-edits.ts';
import { ClockLevels } from './ClockLevels.tsx';
import { triggerText, type Words } from './clock-words.ts';
import type { ClockPart } from './duration.ts';

type Props = ClockPart & { id: string; words: Words; hasProblem: boolean };

/** "由规则启动：媒体介入 为 是的案件" when the studio's start rule is there, else "由规则启动". */
function byRuleText({ policy, lang, t }: Words, id: string): string {
  const when = startCondition(policy, id);
  if (!when) return t('deadlines.byRule');
  const dimension = policy.categories[when.dimension];
  return t('deadlines.byRuleWhen', {
    when: t('deadlines.onCategory', {
      dimension: labelText(dimension?.label, lang) || when.dimension,
      value: labelText(dimension?.values[when.value]?.label, lang) || when.value,
    }),
  });
}

/** Start, stop and pause triggers picked from the workflow; the warning and escalation levels. */
export function ClockDetails({ id, clock, name, words, hasProblem, setClock }: Props) {
  const { t } = useTranslation('policy');
  const { policy, lang } = words;
  const triggers = triggerKeys(policy).map((key) => ({
    id: key,
    label: triggerText(words, triggerOf(key)),
  }));
  const states = Object.entries(policy.workflow.states).map(([state, s]) => ({
    id: state,
    label: labelText(s.label, lang) || state,
  }));
  return (
    <tr
      data-testid={`clock-${id}-details`}
      className={hasProblem ? 'has-problem clock-row2' : 'clock-row2'}
    >
      <td colSpan={3}>
        <div className="clock-details">
          <div>
            <h4>{t('deadlines.startStop')}</h4>
            <div>
              <strong>{t('deadlines.start')}</strong>{' '}
              {clock.start.length === 0 && <span>{byRuleText(words, id)}</span>}
              <ChipPicker
                label={t('deadlines.startsOf', { name })}
                values={clock.start.map(triggerKey)}
                options={triggers}
                onChange={(keys) => setClock((c) => void (c.start = keys.map(triggerOf)))}
              />
            </div>
            <div>
              <strong>{t('deadlines.stop')}</strong>
              <ChipPicker
                label={t('deadlines.stopsOf', { name })}
                values={clock.stop.map(triggerKey)}
                options={triggers}
                onChange={(keys) => setClock((c) => void (c.stop = keys.map(triggerOf)))}
              />
            </div>
            <div>
              <strong>{t('deadlines.pause')}</strong>
              <ChipPicker
                label={t('deadlines.pausesOf', { name })}
                values={clock.pauseIn ?? []}
                options={states}
                onChange={(list) =>
                  setClock((c) => {
                    if (list.length) c.pauseIn = list;
                    else delete c.pauseIn;
                  })
                }
              />
            </div>
          </div>
          <ClockLevels clock={clock} name={name} words={words} setClock={setClock} />
        </div>
      </td>
    </tr>
  );
}
