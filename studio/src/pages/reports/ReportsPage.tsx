/**
 * A company's monthly or annual report: the period picker, key figures, charts drawn as SVG, the
 * tables by department, person and assessment, how each figure is computed, and CSV/XLSX downloads. Labels come from the
 * published policy; the period is in the route (`?period=2026-03`) so a report can be bookmarked.
 */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { monthParams } from './month-name.ts';
import { KpiCards } from './KpiCards.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { periodKind, thisMonth, validPeriod } from './period.ts';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { FigureNotes } from './FigureNotes.tsx';
import { ReportTables } from './ReportTables.tsx';
import { reportTables } from './report-tables.ts';

export function ReportsPage({ company, query }: PageProps) {
  const { t, i18n } = useTranslation('reports');
  const { api } = useSession();
  const period = validPeriod(query.get('period')) ?? thisMonth();
  const policy = useAsync(() => api.get(`/companies/${company}/policy/versions/latest`), [company]);
  const report = useAsync(
    () => api.get(`/companies/${company}/reports/${period}`),
    [company, period],
  );
  const published: Policy | undefined = policy.value?.policy;
  const periodText =
    periodKind(period) === 'annual'
      ? t('period.yearValue', { year: period })
      : t('period.monthValue', {
          year: period.slice(0, 4),
          ...monthParams(Number(period.slice(5, 7))),
        });
  const shown = report.value?.period === period ? report.value : undefined;
  return (
    <div className="reports-page">
      <div className="reports-head">
        <h1>{t('title')}</h1>
        <PeriodPicker
          period={period}
          onChange={(next) => navigate(`/c/${company}/reports?period=${next}`)}
        />
      </div>
      <h2 data-testid="report-period">{t('period.show', { period: periodText })}</h2>
      {report.error !== undefined ? (
        <ErrorPanel error={report.error} onRetry={report.reload} />
      ) : !shown || (policy.loading && !policy.value && !policy.error) ? (
        <Loading />
      ) : (
        <>
          <ReportDownloads report={shown} policy={published} />
          {shown.total === 0 ? (
            <p className="card reports-empty" data-testid="report-empty">
              {t('empty', { period: periodText })}
            </p>
          ) : (
            <>
              <KpiCards report={shown} />
              <ReportCharts report={shown} policy={published} />
              <ReportTables
                tables={reportTables(
                  shown,
                  published,
                  (key, options) => t(key, options),
                  i18n.language,
                )}
              />
              <FigureNotes />
            </>
          )}
        </>
      )}
    </div>
  );
}
