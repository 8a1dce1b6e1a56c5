/** Downloads of a report: the server's CSV, and an Excel workbook built in the browser with exceljs. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy, Report } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { saveFile } from '../../components/save-file.ts';
import { useSession } from '../../session.tsx';
import { reportTables } from './report-tables.ts';
import { buildReportWorkbook } from './report-workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ReportDownloads({ report, policy }: { report: Report; policy?: Policy }) {
  const { t, i18n } = useTranslation('reports');
  const { api } = useSession();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<unknown>();
  const run = async (kind: 'csv' | 'xlsx', work: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  const csv = () =>
    run('csv', async () => {
      const file = await api.download(`/companies/${report.company}/reports/${report.period}.csv`);
      saveFile(file.blob, file.filename);
    });
  // The workbook's headers and labels are Chinese whatever the page's language: it is filed and shared.
  const xlsx = () =>
    run('xlsx', async () => {
      const zh = i18n.getFixedT('zh-CN', 'reports');
      const tables = reportTables(report, policy, (key, options) => zh(key, options), 'zh-CN');
      const bytes = await buildReportWorkbook(tables);
      saveFile(new Blob([bytes], { type: XLSX }), `kesu-${report.company}-${report.period}.xlsx`);
    });
  return (
    <div className="reports-downloads">
      <button type="button" onClick={() => void csv()} disabled={busy !== null}>
        {t('download.csv')}
      </button>
      <button type="button" onClick={() => void xlsx()} disabled={busy !== null}>
        {t('download.xlsx')}
      </button>
      {busy === 'xlsx' && <Loading label={t('download.preparing')} />}
      {busy === 'csv' && <Loading />}
      {error !== undefined && <ErrorPanel error={error} />}
    </div>
  );
}
