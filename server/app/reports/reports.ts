/**
 * Monthly and annual reports of a company: counts by every category dimension, department and
 * responsible person; timely rate per clock; closure rate; handling time; satisfaction; remedies;
 * and the policy's assessment (penalty) rules applied per person.
 */
import type { Case, ClockState } from '../../domain/case/case.ts';
import { readClock } from '../../domain/clocks/clocks.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { parseInstant, zonedParts } from '../../domain/time/time.ts';
import { companyAccess } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import type { StoredCase } from '../ports/ports.ts';

export type Report = {
  company: string;
  period: string;
  total: number;
  byCategory: Record<string, Record<string, number>>;
  /** Cases per month received ("YYYY-MM"); an annual report lists all twelve, zeros included. */
  byMonth: Record<string, number>;
  /** Per category dimension and value, the cases per month (only months with cases). */
  byCategoryByMonth: Record<string, Record<string, Record<string, number>>>;
  byState: Record<string, number>;
  byDepartment: Record<string, number>;
  byPerson: Record<string, number>;
  clocks: Record<string, { counted: number; timely: number; rate: number | null }>;
  closed: number;
  closureRate: number | null;
  handlingHours: { average: number | null; p90: number | null };
  satisfaction: { responses: number; average: number | null };
  remedies: { count: number; approvedAmount: number };
  assessment: {
    person: string;
    month: string;
    count: number;
    rule: string;
    consequence: string;
    penaltyAmount?: number;
  }[];
};

const bump = (map: Record<string, number>, key: string) => void (map[key] = (map[key] ?? 0) + 1);

function responsiblePerson(c: Case): string {
  for (const submission of [...c.submissions].reverse()) {
    const person = submission.data.responsiblePerson;
    if (typeof person === 'string' && person) return person;
  }
  return c.assignee.user ?? '(none)';
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}

function assess(policy: Policy, cases: { c: Case; month: string }[]): Report['assessment'] {
  const counts = new Map<string, number>();
  for (const { c, month } of cases) {
    if (c.categories.validity !== undefined && c.categories.validity !== 'valid') continue;
    const key = `${responsiblePerson(c)}\u0000${month}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: Report['assessment'] = [];
  for (const [key, count] of counts) {
    const [person = '', month = ''] = key.split('\u0000');
    const rule = [...(policy.assessment ?? [])]
      .reverse()
      .find((r) => count >= r.minCount && (r.maxCount === undefined || count <= r.maxCount));
    if (rule)
      rows.push({
        person,
        month,
        count,
        rule: rule.id,
        consequence: rule.consequence['zh-CN'],
        ...(rule.penaltyAmount !== undefined ? { penaltyAmount: rule.penaltyAmount } : {}),
      });
  }
  return rows;
}

/** The months a period covers: itself for "YYYY-MM", January to December for "YYYY". */
function monthsOf(period: string): string[] {
  if (period.length === 7) return [period];
  return Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

/** The report for "YYYY-MM" (monthly) or "YYYY" (annual). @throws invalid_request for another period */
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
  const nowMs = parseInstant(deps.now());
  const report: Report = {
    company: companyId,
    period,
    total: 0,
    byCategory: {},
    byMonth: Object.fromEntries(monthsOf(period).map((month) => [month, 0])),
    byCategoryByMonth: {},
    byState: {},
    byDepartment: {},
    byPerson: {},
    clocks: {},
    closed: 0,
    closureRate: null,
    handlingHours: { average: null, p90: null },
    satisfaction: { responses: 0, average: null },
    remedies: { count: 0, approvedAmount: 0 },
    assessment: [],
  };
  const hours: number[] = [];
  const scores: number[] = [];
  const inPeriod: { c: Case; month: string }[] = [];
  for (const stored of await deps.store.cases.list(companyId)) {
    const version =
      stored.policyVersion === latest.number
        ? latest
        : await publishedPolicy(deps, companyId, stored.policyVersion);
    const month = zonedParts(
      parseInstant(stored.case.receivedAt),
      version.policy.timeZone,
    ).date.slice(0, 7);
    if (!month.startsWith(period)) continue;
    inPeriod.push({ c: stored.case, month });
    bump(report.byMonth, month);
    for (const [dimension, value] of Object.entries(stored.case.categories))
      bump(((report.byCategoryByMonth[dimension] ??= {})[value] ??= {}), month);
    count(report, version.policy, stored, nowMs, hours, scores);
  }
  hours.sort((a, b) => a - b);
  report.closureRate = report.total ? report.closed / report.total : null;
  report.handlingHours = {
    average: hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : null,
    p90: percentile(hours, 0.9),
  };
  report.satisfaction = {
    responses: scores.length,
    average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
  };
  for (const clock of Object.values(report.clocks))
    clock.rate = clock.counted ? clock.timely / clock.counted : null;
  report.assessment = assess(latest.policy, inPeriod);
  const names = new Map(
    (await deps.store.users.list(companyId)).map((user) => [user.id, user.name]),
  );
  // Platform staff (an administrator registering a case) are not among the company's users.
  for (const id of [...Object.keys(report.byPerson), ...report.assessment.map((a) => a.person)])
    if (!names.has(id)) {
      const user = id === '(none)' ? undefined : await deps.store.users.get(id);
      if (user) names.set(id, user.name);
    }
  report.byPerson = Object.fromEntries(
    Object.entries(report.byPerson).map(([id, n]) => [names.get(id) ?? id, n]),
  );
  for (const row of report.assessment) row.person = names.get(row.person) ?? row.person;
  return report;
}

/** Past due at `nowMs` (a stopped clock: when it stopped), from its schedule where it has one. */
function isOverdue(policy: Policy, clock: ClockState, nowMs: number): boolean {
  if (!clock.schedule) return readClock(policy, clock, nowMs).overdue;
  const end = clock.stoppedAt === undefined ? nowMs : parseInstant(clock.stoppedAt);
  return end > parseInstant(clock.schedule.dueAt);
}

function count(
  report: Report,
  policy: Policy,
  stored: StoredCase,
  nowMs: number,
  hours: number[],
  scores: number[],
): void {
  const c = stored.case;
  report.total += 1;
  bump(report.byState, c.state);
  for (const [dimension, value] of Object.entries(c.categories))
    bump((report.byCategory[dimension] ??= {}), value);
  bump(
    report.byDepartment,
    c.categories.responsibleDepartment ?? c.assignee.department ?? '(none)',
  );
  bump(report.byPerson, responsiblePerson(c));
  for (const clock of Object.values(c.clocks)) {
    const overdue = isOverdue(policy, clock, nowMs);
    if (clock.status !== 'stopped' && !overdue) continue;
    const entry = (report.clocks[clock.id] ??= { counted: 0, timely: 0, rate: null });
    entry.counted += 1;
    if (!overdue) entry.timely += 1;
  }
  if (c.terminal) {
    report.closed += 1;
    hours.push((parseInstant(stored.updatedAt) - parseInstant(c.receivedAt)) / 3_600_000);
  }
  if (c.satisfaction !== undefined) scores.push(c.satisfaction);
  if (c.remedy) {
    report.remedies.count += 1;
    if (c.remedy.chain.every((step) => step.status === 'approved'))
      report.remedies.approvedAmount += c.remedy.amount;
  }
}

/** The report as CSV rows (section, key, value) that Excel opens with Chinese intact: UTF-8 with BOM. */
export function reportCsv(report: Report): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'value']];
  rows.push(
    ['total', '', report.total],
    ['closed', '', report.closed],
    ['closureRate', '', report.closureRate],
  );
  for (const [dimension, values] of Object.entries(report.byCategory))
    for (const [value, n] of Object.entries(values)) rows.push([`category:${dimension}`, value, n]);
  for (const [month, n] of Object.entries(report.byMonth)) rows.push(['month', month, n]);
  for (const [state, n] of Object.entries(report.byState)) rows.push(['state', state, n]);
  for (const [department, n] of Object.entries(report.byDepartment))
    rows.push(['department', department, n]);
  for (const [person, n] of Object.entries(report.byPerson)) rows.push(['person', person, n]);
  for (const [clock, entry] of Object.entries(report.clocks))
    rows.push([`timelyRate:${clock}`, `${entry.timely}/${entry.counted}`, entry.rate]);
  rows.push(
    ['handlingHours', 'average', report.handlingHours.average],
    ['handlingHours', 'p90', report.handlingHours.p90],
  );
  rows.push(
    ['satisfaction', 'average', report.satisfaction.average],
    ['satisfaction', 'responses', report.satisfaction.responses],
  );
  rows.push(
    ['remedies', 'count', report.remedies.count],
    ['remedies', 'approvedAmount', report.remedies.approvedAmount],
  );
  for (const a of report.assessment)
    rows.push([
      `assessment:${a.month}`,
      a.person,
      `${a.count} → ${a.consequence}${a.penaltyAmount !== undefined ? ` (${a.penaltyAmount})` : ''}`,
    ]);
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
