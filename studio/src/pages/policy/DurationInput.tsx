/** The editor of one duration (时限): amount, unit, working or calendar time. */
import { useTranslation } from 'react-i18next';
import { AmountInput } from './AmountInput.tsx';
import { BASES, joinUnit, splitUnit, type Base, type Duration } from './duration.ts';

/** Amount, unit and working/calendar time of a duration. */
export function DurationInput({
  value,
  onChange,
  name,
  testId,
}: {
  value: Duration;
  onChange: (d: Duration) => void;
  name: string;
  testId?: string;
}) {
  const { t } = useTranslation('policy');
  const { base, working } = splitUnit(value.unit);
  return (
    <span className="duration-input">
      <AmountInput
        value={value.amount}
        label={t('deadlines.amountOf', { name })}
        testId={testId ? `${testId}-amount` : undefined}
        onChange={(amount) => onChange({ ...value, amount })}
      />
      <select
        aria-label={t('deadlines.unitOf', { name })}
        value={base}
        onChange={(e) => onChange({ ...value, unit: joinUnit(e.target.value as Base, working) })}
      >
        {BASES.map((b) => (
          <option key={b} value={b}>
            {t(`deadlines.units.${b}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('deadlines.timeKindOf', { name })}
        value={working ? 'working' : 'calendar'}
        onChange={(e) => onChange({ ...value, unit: joinUnit(base, e.target.value === 'working') })}
      >
        <option value="working">{t('deadlines.working')}</option>
        <option value="calendar">{t('deadlines.calendar')}</option>
      </select>
    </span>
  );
}
