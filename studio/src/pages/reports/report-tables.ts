/**
 * A report as tables — the same rows on the page and in the Excel file — with every key shown by
 * its label in the published policy (category values, clocks, departments, states, assessment rules).
 */
import type { Policy, Report } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { aggregateAssessmentTable } from './aggregate-table.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type CellKind = 'text' | 'count' | 'percent' | 'decimal';
export type Cell = string | number | null;
export type ReportTable = {
  id: string;
  title: string;
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
  /** Per row, the kind of its last cell where it differs by row (the summary's figures). */
  rowKinds?: CellKind[];
};

const NONE = '(none)';

/** Labels of the policy's keys in a language, falling back to the key itself. */
export function policyLabels(policy: Policy | undefined, lang: string, none: string) {
  const text = (label: Parameters<typeof labelText>[0], key: string) =>
    key === NONE ? none : labelText(label, lang) || key;
  return {
    dimension: (d: string) => text(policy?.categories?.[d]?.label, d),
    value: (d: string, v: string) => text(policy?.categories?.[d]?.values?.[v]?.label, v),
    clock: (id: string) => text(policy?.clocks?.[id]?.label, id),
    department: (id: string) => text(policy?.departments?.[id]?.label, id),
    state: (id: string) => text(policy?.workflow?.states?.[id]?.label, id),
    rule: (id: string) => text(policy?.assessment?.find((rule) => rule.id === id)?.label, id),
    consequence: (id: string, stored: string) =>
      text(policy?.assessment?.find((rule) => rule.id === id)?.consequence, stored),
    person: (name: string) => (name === NONE ? none : name),
  };
}

/** Months of the report in order, as "YYYY-MM". */
export function reportMonths(report: Report): string[] {
  return Object.keys(report.byMonth ?? {}).sort();
}

const counts = (map: Record<string, number>, label: (key: string) => string): Cell[][] =>
  Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => [label(key), n]);

/**
 * The report's tables: summary, categories, months, states, departments, people, clocks, assessment
 * by count and by measure.
 */
export function reportTables(
  report: Report,
  policy: Policy | undefined,
  t: Translate,
  lang: string,
): ReportTable[] {
  const label = policyLabels(policy, lang, t('table.none'));
  const c = (key: string, kind: CellKind = 'text') => ({ header: t(`table.${key}`), kind });
  const summary: [string, Cell, CellKind][] = [
    ['total', report.total, 'count'],
    ['closed', report.closed, 'count'],
    ['closureRate', report.closureRate, 'percent'],
    ['averageHours', report.handlingHours.average, 'decimal'],
    ['p90Hours', report.handlingHours.p90, 'decimal'],
    ['satisfaction', report.satisfaction.average, 'decimal'],
    ['responses', report.satisfaction.responses, 'count'],
    ['remedyCount', report.remedies.count, 'count'],
    ['approvedAmount', report.remedies.approvedAmount, 'decimal'],
  ];
  return [
    {
      id: 'summary',
      title: t('table.summary'),
      columns: [c('metric'), c('value', 'decimal')],
      rows: summary.map(([key, value]) => [t(`table.${key}`), value]),
      rowKinds: summary.map(([, , kind]) => kind),
    },
    {
      id: 'categories',
      title: t('table.categories'),
      columns: [c('dimension'), c('category'), c('count', 'count')],
      rows: Object.entries(report.byCategory).flatMap(([d, values]) =>
        counts(values, (v) => label.value(d, v)).map((row) => [label.dimension(d), ...row]),
      ),
    },
    {
      id: 'months',
      title: t('table.months'),
      columns: [c('month'), c('count', 'count')],
      rows: reportMonths(report).map((month) => [month, report.byMonth[month] ?? 0]),
    },
    {
      id: 'states',
      title: t('table.states'),
      columns: [c('state'), c('count', 'count')],
      rows: counts(report.byState, label.state),
    },
    {
      id: 'departments',
      title: t('table.departments'),
      columns: [c('department'), c('count', 'count')],
      rows: counts(report.byDepartment, label.department),
    },
    {
      id: 'persons',
      title: t('table.persons'),
      columns: [c('person'), c('count', 'count')],
      rows: counts(report.byPerson, label.person),
    },
    {
      id: 'clocks',
      title: t('table.clocks'),
      columns: [c('clock'), c('counted', 'count'), c('timely', 'count'), c('rate', 'percent')],
      rows: Object.entries(report.clocks).map(([id, e]) => [
        label.clock(id),
        e.counted,
        e.timely,
        e.rate,
      ]),
    },
    {
      id: 'assessment',
      title: t('table.assessment'),
      columns: [
        c('person'),
        c('month'),
        c('count', 'count'),
        c('rule'),
        c('consequence'),
        c('penalty', 'decimal'),
        c('points', 'decimal'),
      ],
      rows: report.assessment.map((a) => [
        label.person(a.person),
        a.month,
        a.count,
        label.rule(a.rule),
        label.consequence(a.rule, a.consequence),
        a.penaltyAmount ?? null,
        a.deductPoints === 'all' ? t('aggregate.allPoints') : (a.deductPoints ?? null),
      ]),
    },
    aggregateAssessmentTable(report, policy, t, lang),
  ];
}

/** A cell as the page shows it: percentages with one decimal, hours rounded, empty as "—". */
export function formatCell(value: Cell, kind: CellKind, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'decimal')
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  return String(value);
}
