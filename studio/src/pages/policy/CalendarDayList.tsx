/** A calendar's holidays or 调休 make-up working days as a list (one year at a time), add/remove. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

type CalendarDay = Policy['calendars'][string]['holidays'][number];

export function CalendarDayList(props: {
  kind: 'holidays' | 'makeUpWorkdays';
  days: CalendarDay[];
  year: string;
  onChange: (days: CalendarDay[]) => void;
}) {
  const { t, i18n } = useTranslation('policy');
  const { kind, days, onChange } = props;
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const shown = days
    .map((day, index) => ({ day, index }))
    .filter(({ day }) => day.date.startsWith(props.year))
    .sort((a, b) => (a.day.date < b.day.date ? -1 : 1));
  const title = t(`calendar.${kind}`);
  return (
    <section className="policy-day-list" aria-label={title}>
      <h4>
        {title}{' '}
        <small className="muted">
          {t('calendar.inYear', { year: props.year, count: shown.length })}
        </small>
      </h4>
      <ul>
        {shown.map(({ day, index }) => (
          <li key={`${day.date}-${index}`}>
            <code>{day.date}</code> {labelText(day.name, i18n.language)}{' '}
            <button
              type="button"
              aria-label={t('calendar.removeDay', { date: day.date })}
              onClick={() => onChange(days.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form
        className="policy-inline-form"
        aria-label={t(`calendar.add.${kind}`)}
        onSubmit={(e) => {
          e.preventDefault();
          if (!date || !name.trim()) return;
          onChange([...days, { date, name: { 'zh-CN': name.trim() } }]);
          setDate('');
          setName('');
        }}
      >
        <input
          type="date"
          aria-label={t('calendar.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <input
          aria-label={t('calendar.dayName')}
          placeholder={t('calendar.dayName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!date || !name.trim()}>
          {t(`calendar.add.${kind}`)}
        </button>
      </form>
    </section>
  );
}
