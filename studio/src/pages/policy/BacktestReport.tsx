/** A backtest's report: totals, a list per kind of change, and the affected cases with a drill-down. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backtest, Policy } from '../../api/types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { formatTime, labelText } from '../../i18n/index.ts';
import { BacktestCaseDetail } from './BacktestCaseDetail.tsx';
import {
  differenceSummary,
  matrixRowsText,
  refusalText,
  roleName,
  stateName,
  transitionName,
} from './backtest-text.ts';

type Props = { report: Backtest; policy: Policy };

function Kind({ title, id, lines }: { title: string; id: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div data-testid={`backtest-${id}`}>
      <h4>{title}</h4>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function useKindLines(report: Backtest, policy: Policy) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const yuan = (n: number) => n.toLocaleString(lang);
  const cases = (count: number) => t('backtest.cases', { count });
  const { tables } = report;
  const rule = (side: { rule: string | null; penaltyAmount: number | null }) =>
    side.rule === null
      ? t('backtest.none')
      : `${side.rule}${side.penaltyAmount === null ? '' : ` (${yuan(side.penaltyAmount)})`}`;
  return {
    categories: tables.categories.map(
      (r) => `${r.dimension}: ${r.from ?? '–'} → ${r.to ?? '–'} · ${cases(r.cases)}`,
    ),
    approvers: tables.approvers.map(
      (r) =>
        `${t(r.change === 'removed' ? 'backtest.approverRemoved' : 'backtest.approverAdded', {
          cases: r.cases,
          amounts:
            r.minAmount === r.maxAmount
              ? yuan(r.minAmount)
              : `${yuan(r.minAmount)}–${yuan(r.maxAmount)}`,
          role: roleName(policy, r.role, lang),
        })} · ${t('backtest.rows', {
          from: matrixRowsText(r.fromRow, policy, lang, t),
          to: matrixRowsText(r.toRow, policy, lang, t),
        })}`,
    ),
    clocks: tables.clocks.map((r) =>
      t('backtest.clockLine', {
        clock: labelOfClock(policy, r.clock, lang),
        due: r.dueChanged,
        lateToOnTime: r.lateToOnTime,
        onTimeToLate: r.onTimeToLate,
      }),
    ),
    routing: tables.routing.map((r) => `${r.from || '–'} → ${r.to || '–'} · ${cases(r.cases)}`),
    notifications: tables.notifications.map(
      (r) =>
        `${t(r.change === 'added' ? 'backtest.notificationAdded' : 'backtest.notificationRemoved', { notification: r.notification })} · ${cases(r.cases)}`,
    ),
    refused: tables.refused.map((r) => {
      const transition = transitionName(policy, r.transition, lang);
      const line =
        r.from === null
          ? t('backtest.nowRefused', { transition, reason: refusalText(r.to, t) })
          : t('backtest.noLongerRefused', { transition, reason: refusalText(r.from, t) });
      return `${line} · ${cases(r.cases)}`;
    }),
    states: tables.states.map(
      (r) =>
        `${stateName(policy, r.from, lang)} → ${stateName(policy, r.to, lang)} · ${cases(r.cases)}`,
    ),
    intake: tables.intake.map(
      (r) => `${refusalText(r.from, t)} → ${refusalText(r.to, t)} · ${cases(r.cases)}`,
    ),
    assessment: tables.assessment.map((r) =>
      t('backtest.assessmentLine', {
        person: r.person,
        month: r.month,
        from: rule(r.from),
        to: rule(r.to),
      }),
    ),
  };
}

function labelOfClock(policy: Policy, clock: string, lang: string): string {
  return labelText(policy.clocks[clock]?.label, lang) || clock;
}

export function BacktestReport({ report, policy }: Props) {
  const { t, i18n } = useTranslation('policy');
  const [open, setOpen] = useState<string | null>(null);
  const lines = useKindLines(report, policy);
  const { totals } = report;
  const shown = report.affected.find((a) => a.id === open);
  return (
    <div data-testid="backtest-report">
      <p className="policy-a-success" role="status" data-testid="backtest-totals">
        {t('backtest.totals', totals)}
      </p>
      <p className="muted">
        {t('backtest.versions', { versions: report.versions.join(', ') || '–' })}
      </p>
      {totals.changed === 0 && <p>{t('backtest.noChanges')}</p>}
      {(Object.keys(lines) as (keyof typeof lines)[]).map((kind) => (
        <Kind key={kind} id={kind} title={t(`backtest.${kind}`)} lines={lines[kind]} />
      ))}
      {report.affected.length > 0 && (
        <>
          <h4>
            {t('backtest.affected', { shown: report.affected.length, total: totals.changed })}
          </h4>
          <table className="policy-table" data-testid="backtest-affected">
            <TableHead
              columns={[t('backtest.number'), t('backtest.received'), t('backtest.changes'), '']}
            />
            <tbody>
              {report.affected.map((a) => (
                <tr key={a.id} data-testid={`backtest-case-${a.number}`}>
                  <td>{a.number}</td>
                  <td>{formatTime(a.receivedAt, i18n.language, policy.timeZone)}</td>
                  <td>
                    {a.differences
                      .map((d) => differenceSummary(d, policy, i18n.language, t))
                      .join('; ')}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setOpen(a.id)}
                      aria-label={`${t('backtest.show')} ${a.number}`}
                    >
                      {t('backtest.show')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {shown && (
        <BacktestCaseDetail affected={shown} policy={policy} onClose={() => setOpen(null)} />
      )}
      {report.errors.length > 0 && (
        <Kind
          id="errors"
          title={t('backtest.errors')}
          lines={report.errors.map((e) => `${e.number}: ${e.message}`)}
        />
      )}
    </div>
  );
}
