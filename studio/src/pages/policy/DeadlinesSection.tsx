/**
 * Deadlines (时限): the clocks (duration, working or calendar time, calendar, start and stop, warning
 * and escalation levels in words) and the duration tables (category conditions → duration).
 */
import { useTranslation } from 'react-i18next';
import { AddClock } from './AddClock.tsx';
import { AddDurationTable } from './AddDurationTable.tsx';
import { ClockRows } from './ClockRows.tsx';
import type { SectionProps } from './editor.ts';
import { DurationTable } from './DurationTable.tsx';
import { TableHead } from '../../components/TableHead.tsx';

/** The deadlines section: the clocks' table, a form to add one, then the duration tables likewise. */
export function DeadlinesSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const words = { policy, lang: i18n.language, t };
  return (
    <div className="policy-deadlines">
      <h2>{t('deadlines.title')}</h2>
      <p className="help">{t('deadlines.intro')}</p>
      <table className="policy-table" data-testid="clocks">
        <caption>{t('deadlines.clocks')}</caption>
        <TableHead
          columns={[t('deadlines.clock'), t('deadlines.duration'), t('deadlines.calendarUsed')]}
        />
        <tbody>
          {Object.entries(policy.clocks).map(([id, clock]) => (
            <ClockRows
              key={id}
              id={id}
              clock={clock}
              words={words}
              policy={policy}
              update={update}
              problemsAt={problemsAt}
            />
          ))}
        </tbody>
      </table>
      <AddClock policy={policy} update={update} />
      {Object.entries(policy.durationTables ?? {}).map(([tableId, table]) => (
        <DurationTable
          key={tableId}
          tableId={tableId}
          table={table}
          policy={policy}
          update={update}
          problemsAt={problemsAt}
        />
      ))}
      <AddDurationTable policy={policy} update={update} />
    </div>
  );
}
