/** A clock's duration: fixed (amount and unit) or looked up in one of the duration tables. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { DurationInput } from './DurationInput.tsx';
import type { ClockPart, Duration } from './duration.ts';

type Props = ClockPart & { id: string; policy: Policy };

/** The fixed-or-table picker (when the policy has tables), then the fixed duration's editor. */
export function ClockDuration({ id, clock, name, policy, setClock }: Props) {
  const { t, i18n } = useTranslation('policy');
  const tables = Object.keys(policy.durationTables ?? {});
  const byTable = 'table' in clock.duration;
  return (
    <>
      {tables.length > 0 && (
        <select
          aria-label={t('deadlines.durationKindOf', { name })}
          value={byTable ? `table:${(clock.duration as { table: string }).table}` : 'fixed'}
          onChange={(e) => {
            const v = e.target.value;
            setClock((c) => {
              c.duration = v.startsWith('table:')
                ? { table: v.slice(6) }
                : { amount: 1, unit: 'workingDays' };
            });
          }}
        >
          <option value="fixed">{t('deadlines.fixed')}</option>
          {tables.map((table) => (
            <option key={table} value={`table:${table}`}>
              {t('deadlines.byTable', {
                name: labelText(policy.durationTables?.[table]?.label, i18n.language) || table,
              })}
            </option>
          ))}
        </select>
      )}
      {!byTable && (
        <DurationInput
          value={clock.duration as Duration}
          name={name}
          testId={`clock-${id}-duration`}
          onChange={(duration) => setClock((c) => void (c.duration = duration))}
        />
      )}
    </>
  );
}
