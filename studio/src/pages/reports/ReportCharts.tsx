/** The report's charts: volumes by each category dimension and by month, timely rate per clock, satisfaction. */
import { monthParams } from './month-name.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy, Report } from '../../api/types.ts';
import { BarChart } from './BarChart.tsx';
import { MonthChart } from './MonthChart.tsx';
import { periodKind } from './period.ts';
import { formatCell, policyLabels, reportMonths } from './report-tables.ts';

export function ReportCharts({ report, policy }: { report: Report; policy?: Policy }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const label = policyLabels(policy, lang, t('table.none'));
  const order = (d: string) => policy?.categories?.[d]?.order ?? [];
  const dimensions = Object.entries(report.byCategory);
  const clocks = Object.entries(report.clocks);
  const [breakdown, setBreakdown] = useState('');
  const perMonth = report.byCategoryByMonth?.[breakdown] ?? {};
  return (
    <div className="reports-charts">
      {periodKind(report.period) === 'annual' && (
        <MonthChart
          title={t('chart.byMonth')}
          testId="report-chart-months"
          monthLabel={(m) => t('period.monthName', monthParams(Number(m.slice(5, 7))))}
          months={reportMonths(report).map((month) => ({
            month,
            count: report.byMonth[month] ?? 0,
          }))}
          series={Object.entries(perMonth).map(([value, counts]) => ({
            key: value,
            label: label.value(breakdown, value),
            counts,
          }))}
        >
          <label className="reports-breakdown">
            {t('chart.breakdown')}
            <select value={breakdown} onChange={(e) => setBreakdown(e.target.value)}>
              <option value="">{t('chart.noBreakdown')}</option>
              {dimensions.map(([dimension]) => (
                <option key={dimension} value={dimension}>
                  {label.dimension(dimension)}
                </option>
              ))}
            </select>
          </label>
        </MonthChart>
      )}
      {dimensions.map(([dimension, values]) => (
        <BarChart
          key={dimension}
          testId={`report-chart-category-${dimension}`}
          title={t('chart.byCategory', { dimension: label.dimension(dimension) })}
          max={report.total}
          bars={Object.entries(values)
            .sort(([a, x], [b, y]) => {
              const [i, j] = [order(dimension).indexOf(a), order(dimension).indexOf(b)];
              return i >= 0 && j >= 0 ? i - j : y - x;
            })
            .map(([value, n]) => ({
              key: value,
              label: label.value(dimension, value),
              value: n,
              text: t('chart.casesShare', {
                count: n,
                share: formatCell(n / report.total, 'percent', lang),
              }),
            }))}
        />
      ))}
      {clocks.length > 0 ? (
        <BarChart
          testId="report-chart-timely"
          title={t('chart.timely')}
          max={1}
          bars={clocks.map(([id, entry]) => ({
            key: id,
            label: label.clock(id),
            value: entry.rate ?? 0,
            text: t('chart.timelyValue', {
              rate: formatCell(entry.rate, 'percent', lang),
              timely: entry.timely,
              counted: entry.counted,
            }),
          }))}
        />
      ) : (
        <figure className="reports-chart">
          <figcaption>{t('chart.timely')}</figcaption>
          <p className="muted">{t('chart.noTimely')}</p>
        </figure>
      )}
      {report.satisfaction.average === null ? (
        <figure className="reports-chart">
          <figcaption>{t('chart.satisfaction')}</figcaption>
          <p className="muted">{t('chart.noSatisfaction')}</p>
        </figure>
      ) : (
        <BarChart
          testId="report-chart-satisfaction"
          title={t('chart.satisfaction')}
          max={5}
          bars={[
            {
              key: 'average',
              label: t('kpi.satisfaction'),
              value: report.satisfaction.average,
              text: t('chart.satisfactionValue', {
                average: formatCell(report.satisfaction.average, 'decimal', lang),
                count: report.satisfaction.responses,
              }),
            },
          ]}
        />
      )}
    </div>
  );
}
