/** The editor of one duration (时限): amount, unit, and working time, calendar time or to a close. */
import { useTranslation } from 'react-i18next';
import { AmountInput } from './AmountInput.tsx';
import {
  BASES,
  joinUnit,
  splitUnit,
  TIME_KINDS,
  withUnit,
  type Base,
  type Duration,
  type TimeKind,
} from './duration.ts';

/**
 * Amount, unit and kind of time of a duration; "to the close of the Nth working day" counts whole
 * days only, so its unit is fixed to days.
 */
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
  const { base, kind } = splitUnit(value.unit);
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
        disabled={kind === 'close'}
        onChange={(e) => onChange(withUnit(value, joinUnit(e.target.value as Base, kind)))}
      >
        {BASES.map((b) => (
          <option key={b} value={b}>
            {t(`deadlines.units.${b}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('deadlines.timeKindOf', { name })}
        value={kind}
        onChange={(e) =>
          onChange(
            withUnit(value, joinUnit(kind === 'close' ? 'days' : base, e.target.value as TimeKind)),
          )
        }
      >
        {TIME_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`deadlines.${k}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
