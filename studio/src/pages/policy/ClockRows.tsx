/** One deadline clock (时限) of the deadlines table: its name, duration and calendar, then details. */
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { removeClock } from './clock-edits.ts';
import { ClockDetails } from './ClockDetails.tsx';
import { ClockDuration } from './ClockDuration.tsx';
import type { Words } from './clock-words.ts';
import type { Clock } from './duration.ts';
import type { SectionProps } from './editor.ts';
import { LabelPair } from './LabelPair.tsx';
import { ProblemsHere } from './ProblemsHere.tsx';
import { RemoveButton } from './RemoveButton.tsx';

type Props = Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & {
  id: string;
  clock: Clock;
  words: Words;
};

/** The clock's row (label, duration, calendar, its problems, remove) and its details row. */
export function ClockRows({ id, clock, words, policy, update, problemsAt }: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const name = labelText(clock.label, lang) || id;
  const here = problemsAt(`/clocks/${id}`);
  const setClock = (change: (c: Clock) => void) =>
    update((d) => {
      const c = d.clocks[id];
      if (c) change(c);
    });
  return (
    <>
      <tr data-testid={`clock-${id}`} className={here.length ? 'has-problem' : undefined}>
        <th scope="row">
          <LabelPair
            value={clock.label}
            name={name}
            onChange={(label) => setClock((c) => void (c.label = label ?? { 'zh-CN': '' }))}
          />
          <ProblemsHere problems={here} />
          <RemoveButton
            label={t('deadlines.removeClock', { name })}
            onClick={() => update((d) => removeClock(d, id))}
          />
        </th>
        <td>
          <ClockDuration id={id} clock={clock} name={name} policy={policy} setClock={setClock} />
        </td>
        <td>
          <select
            aria-label={t('deadlines.calendarOf', { name })}
            value={clock.calendar}
            onChange={(e) => {
              const calendar = e.target.value;
              setClock((c) => void (c.calendar = calendar));
            }}
          >
            {!policy.calendars[clock.calendar] && (
              <option value={clock.calendar}>{clock.calendar}</option>
            )}
            {Object.entries(policy.calendars).map(([cid, cal]) => (
              <option key={cid} value={cid}>
                {labelText(cal.label, lang) || cid}
              </option>
            ))}
          </select>
        </td>
      </tr>
      <ClockDetails
        id={id}
        clock={clock}
        name={name}
        words={words}
        hasProblem={here.length > 0}
        setClock={setClock}
      />
    </>
  );
}
