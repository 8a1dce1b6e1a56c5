/** The form that adds a deadline clock (时限): id, names, duration, calendar and what starts it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { addClock, isNewClockId, type NewClock } from './clock-edits.ts';
import { DurationInput } from './DurationInput.tsx';
import type { Duration } from './duration.ts';
import type { SectionProps } from './editor.ts';
import { LabelPair } from './LabelPair.tsx';

/** "opened", or "dimension=value" for a clock started only for cases of that category value. */
function startOf(choice: string): NewClock['start'] {
  if (choice === 'opened') return { opened: true };
  const [dimension = '', value = ''] = choice.split('=');
  return { dimension, value };
}

/** Adds the clock to the draft; the check then says what it still lacks (a stop, say). */
export function AddClock({ policy, update }: Pick<SectionProps, 'policy' | 'update'>) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const [id, setId] = useState('');
  const [label, setLabel] = useState<Label | undefined>();
  const [duration, setDuration] = useState<Duration>({ amount: 1, unit: 'workingDays' });
  const calendars = Object.keys(policy.calendars);
  const [calendar, setCalendar] = useState(calendars[0] ?? '');
  const [start, setStart] = useState('opened');
  const idOk = isNewClockId(policy, id);
  const ready = idOk && Boolean(label?.['zh-CN'].trim()) && calendar !== '';
  const name = t('deadlines.newClock');
  return (
    <form
      className="policy-add-clock policy-a-block"
      aria-label={t('deadlines.add')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready || !label) return;
        update((d) => addClock(d, id, { label, duration, calendar, start: startOf(start) }));
        setId('');
        setLabel(undefined);
      }}
    >
      <h3>{t('deadlines.add')}</h3>
      <LabelPair value={label} name={name} onChange={setLabel} />{' '}
      <input
        className="code"
        aria-label={t('deadlines.newId')}
        placeholder={t('deadlines.newId')}
        aria-invalid={id !== '' && !idOk ? true : undefined}
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <div>
        <DurationInput value={duration} name={name} onChange={setDuration} />{' '}
        <select
          aria-label={t('deadlines.calendarOf', { name })}
          value={calendar}
          onChange={(e) => setCalendar(e.target.value)}
        >
          {calendars.map((cid) => (
            <option key={cid} value={cid}>
              {labelText(policy.calendars[cid]?.label, lang) || cid}
            </option>
          ))}
        </select>{' '}
        <select
          aria-label={t('deadlines.startsWhen', { name })}
          value={start}
          onChange={(e) => setStart(e.target.value)}
        >
          <option value="opened">{t('deadlines.onOpened')}</option>
          {Object.entries(policy.categories).flatMap(([dim, dimension]) =>
            Object.entries(dimension.values).map(([value, v]) => (
              <option key={`${dim}=${value}`} value={`${dim}=${value}`}>
                {t('deadlines.onCategory', {
                  dimension: labelText(dimension.label, lang) || dim,
                  value: labelText(v.label, lang) || value,
                })}
              </option>
            )),
          )}
        </select>{' '}
        <button type="submit" disabled={!ready}>
          {t('deadlines.addButton')}
        </button>
      </div>
      {id !== '' && !idOk && <p className="help danger">{t('deadlines.idHelp')}</p>}
    </form>
  );
}
