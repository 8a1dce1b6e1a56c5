/**
 * Deadlines (时限): the clocks (duration, working or calendar time, calendar, start and stop, warning
 * and escalation levels in words) and the duration tables (category conditions → duration).
 */
import { useTranslation } from 'react-i18next';
import { ClockRows } from './ClockRows.tsx';
import type { SectionProps } from './editor.ts';
import { DurationTable } from './DurationTable.tsx';
import { TableHead } from '../../components/TableHead.tsx';

/** The deadlines section of the policy editor: the clocks' table, then each duration table. */
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
    </div>
  );
}
