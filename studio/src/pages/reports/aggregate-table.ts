/**
 * The table of measure rules that apply (assessment over aggregates per period): who, which
 * period, the rule, the value measured, the cases it was measured over and the consequence.
 */
import type { Policy, Report } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import type { Cell, CellKind, ReportTable, Translate } from './report-tables.ts';

type Row = Report['aggregateAssessment'][number];

/** The measured value as read: hours with one decimal, rates as a percentage, counts as they are. */
function measuredText(row: Row, t: Translate, lang: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  if (row.measure === 'averageHandlingHours') return t('kpi.hours', { value: number(row.value) });
  if (row.measure === 'timelyRate' || row.measure === 'closureRate')
    return `${number(row.value * 100)}%`;
  return number(row.value);
}

/** The subject as read: a person by name, a department by its label, the company as such. */
function subjectText(row: Row, policy: Policy | undefined, t: Translate, lang: string): string {
  if (row.per === 'company') return t('aggregate.company');
  if (row.per === 'department')
    return labelText(policy?.departments?.[row.subject]?.label, lang) || row.subject;
  return row.subject === '(none)' ? t('table.none') : row.subject;
}

/** Points deducted as read ("5", or "all points"); empty when the rule deducts none. */
function pointsText(row: Row, t: Translate): Cell {
  if (row.deductPoints === undefined) return null;
  return row.deductPoints === 'all' ? t('aggregate.allPoints') : row.deductPoints;
}

/** The measure rules' table, labelled by the published policy in the page's language. */
export function aggregateAssessmentTable(
  report: Report,
  policy: Policy | undefined,
  t: Translate,
  lang: string,
): ReportTable {
  const rule = (id: string) => policy?.assessment?.find((r) => r.id === id);
  const c = (key: string, kind: CellKind = 'text') => ({ header: t(key), kind });
  return {
    id: 'aggregateAssessment',
    title: t('aggregate.title'),
    columns: [
      c('aggregate.subject'),
      c('aggregate.period'),
      c('table.rule'),
      c('aggregate.measure'),
      c('aggregate.value'),
      c('aggregate.cases', 'count'),
      c('table.consequence'),
      c('table.penalty', 'decimal'),
      c('aggregate.points', 'decimal'),
    ],
    rows: (report.aggregateAssessment ?? []).map((row) => [
      subjectText(row, policy, t, lang),
      row.period,
      labelText(rule(row.rule)?.label, lang) || row.rule,
      t(`aggregate.measures.${row.measure}`),
      measuredText(row, t, lang),
      row.cases,
      labelText(rule(row.rule)?.consequence, lang) || row.consequence,
      row.penaltyAmount ?? null,
      pointsText(row, t),
    ]),
  };
}
