/** What the simulator's run decided: decisions with their rules and why, approver chain, clocks. */
import { useTranslation } from 'react-i18next';
import type { CaseExplanation, Policy } from '../../api/types.ts';
import { formatTime, labelText, punctuation } from '../../i18n/index.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { SourceText } from './SourceText.tsx';

function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

export function SimulationResult({ policy, result }: { policy: Policy; result: CaseExplanation }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const tz = policy.timeZone;
  const state = policy.workflow.states[result.case.state];
  const roleName = (id: string) => labelText(policy.roles[id]?.label, lang) || id;
  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  return (
    <div className="policy-sim-result">
      <p>
        {t('simulator.state')}:{' '}
        <strong>{labelText(state?.label, lang) || result.case.state}</strong>
        {' · '}
        {t('simulator.readAt')}: {formatTime(result.at, lang, tz)}
      </p>
      {Object.keys(result.case.categories).length > 0 && (
        <p>
          {t('simulator.categories')}:{' '}
          {Object.entries(result.case.categories).map(([dim, value]) => {
            const dimension = policy.categories[dim];
            return (
              <span key={dim} className="policy-chip">
                {labelText(dimension?.label, lang) || dim}:{' '}
                {labelText(dimension?.values[value]?.label, lang) || value}
              </span>
            );
          })}
        </p>
      )}
      {(result.case.assignee.role || result.case.assignee.department) && (
        <p>
          {t('simulator.assignee')}:{' '}
          {[
            result.case.assignee.role && roleName(result.case.assignee.role),
            result.case.assignee.department &&
              (labelText(policy.departments?.[result.case.assignee.department]?.label, lang) ||
                result.case.assignee.department),
          ]
            .filter(Boolean)
            .join(' / ')}
        </p>
      )}
      {result.case.flags.length > 0 && (
        <p>
          {t('simulator.flags')}:{' '}
          {result.case.flags.map((flag) => (
            <span key={flag} className="policy-chip">
              {flag}
            </span>
          ))}
        </p>
      )}
      {result.case.notifications.length > 0 && (
        <p>
          {t('simulator.notified')}:{' '}
          {result.case.notifications.map((n, i) => (
            <span key={i} className="policy-chip" title={labelText(n.message, lang)}>
              {roleName(n.role)} · {formatTime(n.at, lang, tz)}
            </span>
          ))}
        </p>
      )}
      <h4>{t('simulator.decisions', { count: result.decisions.length })}</h4>
      <table className="policy-table" data-testid="policy-sim-decisions">
        <TableHead columns={[t('simulator.action'), t('simulator.because'), t('simulator.why')]} />
        <tbody>
          {result.decisions.map((d, i) => (
            <tr key={i}>
              <td>
                <strong>{t(`simulator.actions.${d.action.type}`)}</strong>
                <div className="muted">
                  {paramsText(d.action.params as Record<string, unknown>)}
                </div>
              </td>
              <td>
                <SourceText source={d.source} />
              </td>
              <td>
                {d.why.length > 0 ? <pre className="policy-trace">{d.why.join('\n')}</pre> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('simulator.chain')}</h4>
      {result.approverChain ? (
        <div data-testid="policy-sim-chain">
          <p className="help">
            {t(`simulator.chainBasis.${result.approverChain.basis}`, {
              amount: result.approverChain.amount,
              row: result.approverChain.row,
            })}
          </p>
          <ol className="policy-chain">
            {result.approverChain.chain.map((step, i) => (
              <li key={i}>
                {roleName(step.role)}{' '}
                <small className="muted">{t(`simulator.status.${step.status}`, step.status)}</small>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="muted">{t('simulator.noChain')}</p>
      )}
      <h4>{t('simulator.clocks', { count: result.clocks.length })}</h4>
      {result.clocks.map((clock) => (
        <div
          key={clock.id}
          className="policy-sim-clock"
          data-testid={`policy-sim-clock-${clock.id}`}
        >
          <p>
            <strong>{labelText(policy.clocks[clock.id]?.label, lang) || clock.id}</strong>{' '}
            <span className={clock.overdue ? 'badge danger' : 'badge'}>
              {t(`simulator.clockStatus.${clock.status}`, clock.status)}
              {clock.overdue ? ` · ${t('simulator.overdue')}` : ''}
            </span>
            <br />
            {t('simulator.due')}: <strong>{formatTime(clock.due, lang, tz)}</strong>{' '}
            <small className="muted">
              {t('simulator.counted', {
                total: hours(clock.totalMinutes),
                elapsed: hours(clock.elapsedMinutes),
              })}
            </small>
          </p>
          {clock.durationSource && (
            <p className="help">
              {t('simulator.durationFrom')} <SourceText source={clock.durationSource} />
            </p>
          )}
          {clock.explanation.days.length > 0 && (
            <p className="help">
              {clock.explanation.days
                .map(
                  (day) =>
                    `${day.date} ${labelText(day.name, lang)}${lang === 'en' ? ' (' : '（'}${t(`calendar.short.${day.kind}`)}${lang === 'en' ? ')' : '）'}`,
                )
                .join(punctuation(lang).list)}
            </p>
          )}
          {clock.explanation.outsideCoverage && (
            <p className="help danger">{t('simulator.outsideCoverage')}</p>
          )}
          <details>
            <summary>
              {t('simulator.intervals', { count: clock.explanation.intervals.length })}
            </summary>
            <ul className="policy-intervals">
              {clock.explanation.intervals.map((interval, i) => (
                <li key={i}>
                  {formatTime(interval.from, lang, tz)} – {formatTime(interval.to, lang, tz)}{' '}
                  <small className="muted">{t('simulator.minutes', { n: interval.minutes })}</small>
                </li>
              ))}
            </ul>
          </details>
        </div>
      ))}
    </div>
  );
}
