/**
 * Monthly and annual reports of a company: counts by every category dimension, department and
 * responsible person; timely rate per clock; closure rate; handling time; satisfaction; remedies;
 * and the policy's assessment (penalty) rules: counts per person, and aggregates per period.
 */
import type { Case } from '../../domain/case/case.ts';
import { parseInstant } from '../../domain/time/time.ts';
import { companyAccess } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/published-versions.ts';
import type { PublishedPolicy } from '../ports/ports.ts';
import { assessAggregates, type FiguresInMonth } from './assess-aggregates.ts';
import { assessPeople } from './assess-people.ts';
import { caseFigures } from './case-figures.ts';
import { countCase, countMonth, type Samples } from './count-case.ts';
import { emptyReport, type Report } from './report.ts';
import { reportCsv, type ReportCsvWords } from './report-csv.ts';
import { setTimelyRates } from './timely-rates.ts';

export type { Report } from './report.ts';
export { reportCsv, type ReportCsvWords } from './report-csv.ts';

type CaseInMonth = { c: Case; month: string; figures?: FiguresInMonth['figures'] };

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}

const average = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

/** Counts every case received in the period (by the month of its policy's time zone), read from the store by month. */
async function countPeriod(
  deps: AppDeps,
  latest: PublishedPolicy,
  report: Report,
  samples: Samples,
): Promise<CaseInMonth[]> {
  const companyId = report.company;
  const nowMs = parseInstant(deps.now());
  const inPeriod: CaseInMonth[] = [];
  const measured = (latest.policy.assessment ?? []).some((rule) => rule.measure !== undefined);
  for await (const batch of deps.store.cases.scan(companyId, { month: report.period })) {
    for (const stored of batch) {
      const version =
        stored.policyVersion === latest.number
          ? latest
          : await publishedPolicy(deps, companyId, stored.policyVersion);
      // A case's figures are read only when a measure rule will look at them.
      inPeriod.push({
        c: stored.case,
        month: stored.month,
        ...(measured ? { figures: caseFigures(version.policy, stored, nowMs) } : {}),
      });
      countMonth(report, stored.case, stored.month);
      countCase(report, version.policy, stored, nowMs, samples);
    }
  }
  return inPeriod;
}

/** The rates and averages, once every case is counted. */
function setRates(report: Report, { hours, scores }: Samples): void {
  hours.sort((a, b) => a - b);
  report.closureRate = report.total ? report.closed / report.total : null;
  report.handlingHours = { average: average(hours), p90: percentile(hours, 0.9) };
  report.satisfaction = { responses: scores.length, average: average(scores) };
  setTimelyRates(report);
}

/** People by name instead of id, in the per-person counts and the assessment. */
async function namePeople(deps: AppDeps, report: Report): Promise<void> {
  const names = new Map(
    (await deps.store.users.list(report.company)).map((user) => [user.id, user.name]),
  );
  // Platform staff (an administrator registering a case) are not among the company's users.
  const aggregatePeople = report.aggregateAssessment.filter((a) => a.per === 'person');
  const ids = [
    ...Object.keys(report.byPerson),
    ...report.assessment.map((a) => a.person),
    ...aggregatePeople.map((a) => a.subject),
  ];
  for (const id of ids)
    if (!names.has(id)) {
      const user = id === '(none)' ? undefined : await deps.store.users.get(id);
      if (user) names.set(id, user.name);
    }
  report.byPerson = Object.fromEntries(
    Object.entries(report.byPerson).map(([id, n]) => [names.get(id) ?? id, n]),
  );
  for (const row of report.assessment) row.person = names.get(row.person) ?? row.person;
  for (const row of aggregatePeople) row.subject = names.get(row.subject) ?? row.subject;
}

/**
 * The report for "YYYY-MM" (monthly) or "YYYY" (annual). @throws invalid_request for another period
 */
export async function buildReport(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  period: string,
): Promise<Report> {
  await companyAccess(deps, request.principal, companyId);
  if (!/^\d{4}(-\d{2})?$/.test(period))
    throw new AppError('invalid_request', 'period is YYYY or YYYY-MM', {}, [
      { property: '.period', message: 'YYYY or YYYY-MM' },
    ]);
  const latest = await publishedPolicy(deps, companyId);
  const report = emptyReport(companyId, period);
  const samples: Samples = { hours: [], scores: [] };
  const inPeriod = await countPeriod(deps, latest, report, samples);
  setRates(report, samples);
  report.assessment = assessPeople(latest.policy, inPeriod, period.length === 4 ? 'year' : 'month');
  report.aggregateAssessment = assessAggregates(
    latest.policy,
    report,
    inPeriod.flatMap(({ month, figures }) => (figures ? [{ month, figures }] : [])),
  );
  await namePeople(deps, report);
  report.storage = { attachmentBytes: await deps.store.attachments.bytesUsed(companyId) };
  return report;
}

/**
 * The report as CSV in the words' language, labelled by the latest published policy (the one its
 * assessment rules come from). @throws invalid_request for another period
 */
export async function buildReportCsv(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  period: string,
  words: ReportCsvWords,
): Promise<{ report: Report; csv: string }> {
  const report = await buildReport(deps, request, companyId, period);
  const latest = await publishedPolicy(deps, companyId);
  return { report, csv: reportCsv(report, latest.policy, words) };
}
