/** Picks a monthly or an annual report period: report type, year and (for a monthly report) month. */
import { monthParams } from './month-name.ts';
import { useTranslation } from 'react-i18next';
import { periodKind, pickerYears } from './period.ts';

export function PeriodPicker({
  period,
  onChange,
}: {
  period: string;
  onChange: (period: string) => void;
}) {
  const { t } = useTranslation('reports');
  const kind = periodKind(period);
  const year = period.slice(0, 4);
  const month = period.slice(5, 7) || '01';
  return (
    <fieldset className="reports-period">
      <legend>{t('period.label')}</legend>
      <label>
        {t('period.kind')}
        <select
          value={kind}
          onChange={(e) => onChange(e.target.value === 'annual' ? year : `${year}-${month}`)}
        >
          <option value="monthly">{t('period.monthly')}</option>
          <option value="annual">{t('period.annual')}</option>
        </select>
      </label>
      <label>
        {t('period.year')}
        <select
          value={year}
          onChange={(e) =>
            onChange(kind === 'annual' ? e.target.value : `${e.target.value}-${month}`)
          }
        >
          {pickerYears(period).map((y) => (
            <option key={y} value={String(y)}>
              {t('period.yearValue', { year: y })}
            </option>
          ))}
        </select>
      </label>
      {kind === 'monthly' && (
        <label>
          {t('period.month')}
          <select value={month} onChange={(e) => onChange(`${year}-${e.target.value}`)}>
            {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => (
              <option key={m} value={m}>
                {t('period.monthName', monthParams(Number(m)))}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
