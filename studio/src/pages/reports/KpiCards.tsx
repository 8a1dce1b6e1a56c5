/** The report's key figures as cards: complaints, closed, closure rate, handling time, satisfaction. */
import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/types.ts';
import { formatCell } from './report-tables.ts';

export function KpiCards({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const hours = (value: number | null) =>
    value === null ? '—' : t('kpi.hours', { value: formatCell(value, 'decimal', lang) });
  // Each figure's card carries how it is computed (also listed under the tables).
  const cards: { id: string; label: string; value: string; note?: string; how?: string }[] = [
    { id: 'total', label: t('kpi.total'), value: String(report.total) },
    {
      id: 'closed',
      label: t('kpi.closed'),
      value: String(report.closed),
      note: t('kpi.remedies', {
        count: report.remedies.count,
        amount: formatCell(report.remedies.approvedAmount, 'decimal', lang),
      }),
    },
    {
      id: 'closure-rate',
      label: t('kpi.closureRate'),
      value: formatCell(report.closureRate, 'percent', lang),
      how: t('figures.closureRate'),
    },
    {
      id: 'average-hours',
      label: t('kpi.averageHours'),
      value: hours(report.handlingHours.average),
      how: t('figures.handlingTime'),
    },
    {
      id: 'p90-hours',
      label: t('kpi.p90Hours'),
      value: hours(report.handlingHours.p90),
      how: t('figures.handlingTime'),
    },
    {
      id: 'satisfaction',
      label: t('kpi.satisfaction'),
      value: formatCell(report.satisfaction.average, 'decimal', lang),
      note: t('kpi.responses', { count: report.satisfaction.responses }),
      how: t('figures.satisfaction'),
    },
  ];
  return (
    <section className="reports-kpis" aria-label={t('table.summary')}>
      {cards.map((card) => (
        <div
          key={card.id}
          className="reports-kpi"
          data-testid={`report-kpi-${card.id}`}
          title={card.how}
        >
          <span className="reports-kpi-label">{card.label}</span>
          <strong className="reports-kpi-value">{card.value}</strong>
          {card.note && <span className="muted">{card.note}</span>}
        </div>
      ))}
    </section>
  );
}
