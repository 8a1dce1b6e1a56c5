/**
 * The report's tables on the page: states, responsible departments and people, timely rate,
 * assessment by count and by measure.
 */
import { useTranslation } from 'react-i18next';
import type { ReportTable } from './report-tables.ts';
import { formatCell } from './report-tables.ts';

const SHOWN = ['states', 'departments', 'persons', 'clocks', 'assessment', 'aggregateAssessment'];
const EMPTY: Record<string, string> = {
  assessment: 'table.noAssessment',
  aggregateAssessment: 'aggregate.none',
};

export function ReportTables({ tables }: { tables: ReportTable[] }) {
  const { t, i18n } = useTranslation('reports');
  return (
    <div className="reports-tables">
      {tables
        .filter((table) => SHOWN.includes(table.id))
        .map((table) => (
          <section key={table.id} className="card" data-testid={`report-table-${table.id}`}>
            <h3>{table.title}</h3>
            {table.rows.length === 0 ? (
              <p className="muted">{t(EMPTY[table.id] ?? 'chart.noTimely')}</p>
            ) : (
              <table aria-label={table.title}>
                <thead>
                  <tr>
                    {table.columns.map((column) => (
                      <th key={column.header} className={column.kind === 'text' ? '' : 'num'}>
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => {
                        const kind = table.columns[j]?.kind ?? 'text';
                        return (
                          <td key={j} className={kind === 'text' ? '' : 'num'}>
                            {formatCell(cell, kind, i18n.language)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
    </div>
  );
}
