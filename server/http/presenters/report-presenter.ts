/** A company's report as the API answers it. */
import type { Report } from '../../app/reports/reports.ts';
import type { ReportAnswer } from '../contract/report.ts';

/** A monthly or annual report. */
export function presentReport(report: Report): ReportAnswer {
  return {
    company: report.company,
    period: report.period,
    total: report.total,
    byCategory: report.byCategory,
    byMonth: report.byMonth,
    byCategoryByMonth: report.byCategoryByMonth,
    byState: report.byState,
    byDepartment: report.byDepartment,
    byPerson: report.byPerson,
    clocks: report.clocks,
    closed: report.closed,
    closureRate: report.closureRate,
    handlingHours: report.handlingHours,
    satisfaction: report.satisfaction,
    remedies: report.remedies,
    assessment: report.assessment,
    aggregateAssessment: report.aggregateAssessment,
    ...(report.storage ? { storage: report.storage } : {}),
  };
}
