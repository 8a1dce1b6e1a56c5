/**
 * The calendar section: add a calendar (China's official one, or a copy), rename or remove one; each
 * business calendar's time zone, working hours with breaks per weekday,
 * holidays and 调休 make-up working days, and a month view computed as the runtime counts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { AddCalendar } from './AddCalendar.tsx';
import { removeCalendar } from './calendar-edits.ts';
import { CalendarDayList } from './CalendarDayList.tsx';
import { CalendarMonth } from './CalendarMonth.tsx';
import type { SectionProps } from './editor.ts';
import { LabelPair } from './LabelPair.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { atPointer, SectionProblems } from './SectionProblems.tsx';
import { WorkingHoursEditor } from './WorkingHoursEditor.tsx';

type CalendarDefinition = SectionProps['policy']['calendars'][string];

export function CalendarSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const ids = Object.keys(policy.calendars);
  const [calendarId, setCalendarId] = useState(() => {
    const wanted = /^\/calendars\/([^/]+)/.exec(atPointer())?.[1];
    return wanted && wanted in policy.calendars ? wanted : (ids[0] ?? '');
  });
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const calendar = policy.calendars[calendarId];
  const adding = (
    <AddCalendar policy={policy} update={update} onAdded={(id) => setCalendarId(id)} />
  );
  if (!calendar)
    return (
      <div className="policy-calendar">
        <p className="muted">{t('calendar.none')}</p>
        {adding}
      </div>
    );
  const edit = (change: (c: CalendarDefinition) => void) =>
    update((draft) => change(draft.calendars[calendarId] as CalendarDefinition));
  const year = month.slice(0, 4);
  const name = labelText(calendar.label, i18n.language) || calendarId;

  return (
    <div className="policy-calendar">
      <div className="policy-toolbar">
        <label>
          {t('calendar.pick')}{' '}
          <select value={calendarId} onChange={(e) => setCalendarId(e.target.value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {labelText(policy.calendars[id]!.label, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calendar.timeZone')}{' '}
          <input
            value={calendar.timeZone}
            onChange={(e) => edit((c) => void (c.timeZone = e.target.value))}
          />
        </label>
        <LabelPair
          value={calendar.label}
          name={name}
          onChange={(label) => edit((c) => void (c.label = label ?? { 'zh-CN': '' }))}
        />
        <RemoveButton
          label={t('calendar.remove', { name })}
          onClick={() => {
            // The clocks still on it are then named by the problems panel.
            update((draft) => removeCalendar(draft, calendarId));
            setCalendarId(ids.find((id) => id !== calendarId) ?? '');
          }}
        />
        {calendar.coverage && (
          <span className="muted">
            {t('calendar.coverage', { from: calendar.coverage.from, to: calendar.coverage.to })}
          </span>
        )}
      </div>
      {adding}
      <SectionProblems problems={problemsAt(`/calendars/${calendarId}`)} />
      <div className="policy-calendar-grid">
        <div>
          <WorkingHoursEditor calendar={calendar} edit={edit} />
          <CalendarDayList
            kind="holidays"
            days={calendar.holidays}
            year={year}
            onChange={(days) => edit((c) => void (c.holidays = days))}
          />
          <CalendarDayList
            kind="makeUpWorkdays"
            days={calendar.makeUpWorkdays}
            year={year}
            onChange={(days) => edit((c) => void (c.makeUpWorkdays = days))}
          />
        </div>
        <CalendarMonth calendar={calendar} month={month} onMonth={setMonth} />
      </div>
    </div>
  );
}
