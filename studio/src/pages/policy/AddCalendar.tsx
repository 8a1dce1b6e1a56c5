/** The form that adds a business calendar: from China's official calendar, or a copy of another. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { addCalendar, isNewCalendarId, NATIONAL_COVERAGE } from './calendar-edits.ts';
import type { SectionProps } from './editor.ts';

type Props = Pick<SectionProps, 'policy' | 'update'> & {
  /** Opens the new calendar in the section. */
  onAdded: (id: string) => void;
};

/** Name, code and what it starts from; the company's own days are then added in the lists. */
export function AddCalendar({ policy, update, onAdded }: Props) {
  const { t, i18n } = useTranslation('policy');
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [base, setBase] = useState('national');
  const idOk = isNewCalendarId(policy, id);
  const ready = idOk && name.trim() !== '';
  return (
    <form
      className="policy-inline-form policy-add-calendar"
      aria-label={t('calendar.addCalendar')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        const label = { 'zh-CN': name.trim() };
        update((d) =>
          addCalendar(d, id, label, base === 'national' ? { national: true } : { copyOf: base }),
        );
        onAdded(id);
        setName('');
        setId('');
      }}
    >
      <input
        aria-label={t('calendar.newName')}
        placeholder={t('calendar.newName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        className="code"
        aria-label={t('calendar.newId')}
        placeholder={t('calendar.newId')}
        aria-invalid={id !== '' && !idOk ? true : undefined}
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <select
        aria-label={t('calendar.base')}
        value={base}
        onChange={(e) => setBase(e.target.value)}
      >
        <option value="national">
          {t('calendar.national', {
            from: NATIONAL_COVERAGE.from.slice(0, 4),
            to: NATIONAL_COVERAGE.to.slice(0, 4),
          })}
        </option>
        {Object.entries(policy.calendars).map(([cid, calendar]) => (
          <option key={cid} value={cid}>
            {t('calendar.copyOf', { name: labelText(calendar.label, i18n.language) || cid })}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!ready}>
        {t('calendar.addCalendar')}
      </button>
      {id !== '' && !idOk && <span className="help danger">{t('calendar.idHelp')}</span>}
    </form>
  );
}
