/**
 * Every clock of the case: due time, countdown, status, what changed its deadline or passed it
 * unraised, and the working intervals it counted.
 */
import { useTranslation } from 'react-i18next';
import type { ClockReading, Policy } from '../../api/types.ts';
import { Countdown } from '../../components/Countdown.tsx';
import { ClockChanges } from './ClockChanges.tsx';
import { formatTime, labelText } from '../../i18n/index.ts';

export function CaseClocks({ policy, clocks }: { policy: Policy; clocks: ClockReading[] }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const time = (iso: string) => formatTime(iso, lang, policy.timeZone);
  if (clocks.length === 0) return <p className="muted">{t('case.noClocks')}</p>;
  return (
    <ul className="staff-clocks">
      {clocks.map((clock) => {
        const label = labelText(policy.clocks[clock.id]?.label, lang) || clock.id;
        const { explanation } = clock;
        return (
          <li key={clock.id} data-testid={`clock-${clock.id}`}>
            <div className="staff-clock-head">
              <strong>{label}</strong>{' '}
              <span
                className={`badge ${clock.overdue ? 'danger' : clock.status === 'stopped' ? 'ok' : ''}`}
              >
                {t(`case.clockStatus.${clock.status}`)}
              </span>{' '}
              <span>
                {t('case.dueAt')}: {time(clock.due)}
              </span>{' '}
              {clock.status === 'running' && <Countdown due={clock.due} />}
              <span className="muted">
                {' '}
                {t('case.elapsed', {
                  elapsed: Math.round(clock.elapsedMinutes),
                  total: Math.round(clock.totalMinutes),
                })}
              </span>
            </div>
            <ClockChanges policy={policy} clock={clock} />
            {explanation.closeOf && (
              <p className="muted" data-testid={`clock-${clock.id}-close`}>
                {t('case.closeOf', { date: explanation.closeOf, n: explanation.duration.amount })}
              </p>
            )}
            <details>
              <summary>{t('case.intervals')}</summary>
              <ul>
                {explanation.intervals.map((interval) => (
                  <li key={interval.from}>
                    {time(interval.from)} – {time(interval.to)} (
                    {t('case.minutes', { minutes: Math.round(interval.minutes) })})
                  </li>
                ))}
              </ul>
              {explanation.pauses.length > 0 && (
                <>
                  <p>{t('case.pauses')}</p>
                  <ul>
                    {explanation.pauses.map((pause) => (
                      <li key={pause.from}>
                        {time(pause.from)} – {time(pause.to)} (
                        {t('case.minutes', { minutes: Math.round(pause.minutes) })})
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {explanation.days.length > 0 && (
                <>
                  <p>{t('case.days')}</p>
                  <ul>
                    {explanation.days.map((day) => (
                      <li key={day.date}>
                        {day.date} {t(`case.${day.kind}`)} {labelText(day.name, lang)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {explanation.outsideCoverage && <p className="muted">{t('case.outsideCoverage')}</p>}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
