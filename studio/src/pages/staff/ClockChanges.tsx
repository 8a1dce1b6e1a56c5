/** What happened to a clock's deadline: rows a category change chose, escalations missed at its stop. */
import { useTranslation } from 'react-i18next';
import type { ClockReading, Policy } from '../../api/types.ts';
import { formatTime, labelText } from '../../i18n/index.ts';

type Duration = ClockReading['explanation']['duration'];

export function ClockChanges({ policy, clock }: { policy: Policy; clock: ClockReading }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const time = (iso: string) => formatTime(iso, lang, policy.timeZone);
  const amount = (d: Duration) => t(`case.unit.${d.unit}`, { amount: d.amount });
  const changes = clock.durationChanges ?? [];
  const missed = clock.missedEscalations ?? [];
  if (changes.length === 0 && missed.length === 0) return null;
  const valueLabel = (dimension: string, value: string | null) =>
    value === null
      ? '—'
      : labelText(policy.categories[dimension]?.values[value]?.label, lang) || value;
  return (
    <ul className="staff-clock-changes">
      {changes.map(({ at, from, to, reason }) => (
        <li key={`change-${at}`} data-testid="clock-duration-change">
          {t('case.durationChanged', {
            at: time(at),
            to: amount(to.duration),
            from: amount(from.duration),
            dimension: reason
              ? labelText(policy.categories[reason.dimension]?.label, lang) || reason.dimension
              : '',
            fromValue: reason ? valueLabel(reason.dimension, reason.from) : '',
            toValue: reason ? valueLabel(reason.dimension, reason.to) : '',
          })}
        </li>
      ))}
      {missed.map(({ level, at }) => (
        <li key={`missed-${level}`} className="danger" data-testid="clock-missed-escalation">
          {t('case.missedEscalation', { level, at: time(at) })}
        </li>
      ))}
    </ul>
  );
}
