/**
 * A report written as CSV for Excel, in the reader's language: each row a section, an item and a
 * value as people read them (the policy's labels), then the section's and the item's codes in
 * their own columns for programs. UTF-8 with BOM, so that Excel opens Chinese intact.
 */
import type {
  AssessmentMeasure,
  AssessmentSubject,
  Label,
  Lang,
  Policy,
} from '../../domain/policy/format.ts';
import type { DeductPoints, Report } from './report.ts';

/** The report's sections, by the code written in the section code column. */
export type CsvSection =
  | 'total'
  | 'closed'
  | 'closureRate'
  | 'category'
  | 'month'
  | 'state'
  | 'department'
  | 'person'
  | 'timelyRate'
  | 'handlingHours'
  | 'satisfaction'
  | 'remedies'
  | 'assessment'
  | 'aggregateAssessment';

/** The items that are not keys of the policy or the data, by code. */
export type CsvItem =
  'counted' | 'timely' | 'rate' | 'average' | 'p90' | 'responses' | 'count' | 'approvedAmount';

/** The words of the CSV in one language (the HTTP layer has them; the report holds codes). */
export type ReportCsvWords = {
  lang: Lang;
  /** Section, item, value, section code, item code. */
  headers: [string, string, string, string, string];
  /** The item header naming the zone its months are counted in: "Item (months in Asia/Shanghai time)". */
  itemIn: (timeZone: string) => string;
  sections: Record<CsvSection, string>;
  items: Record<CsvItem, string>;
  per: Record<AssessmentSubject, string>;
  /** "(none)": no department or person. */
  none: string;
  /** A section with what it is about: "Category: Severity". */
  sectionOf: (section: string, detail: string) => string;
  /** The section of a measure rule's rows: "Assessment by measure (company) 2026-03". */
  aggregateSection: (per: AssessmentSubject, period: string) => string;
  /** A measured value as read: "20.5 h", "87.5%", "3". */
  measured: (measure: AssessmentMeasure, value: number) => string;
  /** The penalty and points of an assessment row, as a suffix ("" when neither). */
  penalties: (penaltyAmount: number | undefined, deductPoints: DeductPoints | undefined) => string;
};

type Row = [string, string, string | number | null, string, string];

const NONE = '(none)';

/** The labels of the policy's keys in the words' language, falling back to the key. */
function labelsOf(policy: Policy | undefined, words: ReportCsvWords) {
  const text = (label: Label | undefined, key: string) =>
    key === NONE ? words.none : label?.[words.lang] || label?.['zh-CN'] || key;
  const rule = (id: string) => policy?.assessment?.find((r) => r.id === id);
  return {
    dimension: (d: string) => text(policy?.categories[d]?.label, d),
    value: (d: string, v: string) => text(policy?.categories[d]?.values[v]?.label, v),
    state: (id: string) => text(policy?.workflow.states[id]?.label, id),
    department: (id: string) => text(policy?.departments?.[id]?.label, id),
    clock: (id: string) => text(policy?.clocks[id]?.label, id),
    person: (name: string) => (name === NONE ? words.none : name),
    rule: (id: string) => text(rule(id)?.label, id),
    consequence: (id: string, stored: string) => text(rule(id)?.consequence, stored),
  };
}

type Labels = ReturnType<typeof labelsOf>;

function countRows(report: Report, words: ReportCsvWords, label: Labels): Row[] {
  const s = words.sections;
  const rows: Row[] = [
    [s.total, '', report.total, 'total', ''],
    [s.closed, '', report.closed, 'closed', ''],
    [s.closureRate, '', report.closureRate, 'closureRate', ''],
  ];
  for (const [d, values] of Object.entries(report.byCategory))
    for (const [v, n] of Object.entries(values))
      rows.push([
        words.sectionOf(s.category, label.dimension(d)),
        label.value(d, v),
        n,
        `category:${d}`,
        v,
      ]);
  for (const [month, n] of Object.entries(report.byMonth))
    rows.push([s.month, month, n, 'month', month]);
  const keyed = (section: 'state' | 'department' | 'person', counts: Record<string, number>) => {
    for (const [key, n] of Object.entries(counts))
      rows.push([s[section], label[section](key), n, section, key]);
  };
  keyed('state', report.byState);
  keyed('department', report.byDepartment);
  keyed('person', report.byPerson);
  return rows;
}

function figureRows(report: Report, words: ReportCsvWords, label: Labels): Row[] {
  const s = words.sections;
  const item = (section: CsvSection, code: CsvItem, value: number | null): Row => [
    s[section],
    words.items[code],
    value,
    section,
    code,
  ];
  const rows: Row[] = [];
  for (const [clock, entry] of Object.entries(report.clocks)) {
    const title = words.sectionOf(s.timelyRate, label.clock(clock));
    const at = (code: CsvItem, value: number | null): Row => [
      title,
      words.items[code],
      value,
      `timelyRate:${clock}`,
      code,
    ];
    rows.push(at('counted', entry.counted), at('timely', entry.timely), at('rate', entry.rate));
  }
  rows.push(
    item('handlingHours', 'average', report.handlingHours.average),
    item('handlingHours', 'p90', report.handlingHours.p90),
    item('satisfaction', 'average', report.satisfaction.average),
    item('satisfaction', 'responses', report.satisfaction.responses),
    item('remedies', 'count', report.remedies.count),
    item('remedies', 'approvedAmount', report.remedies.approvedAmount),
  );
  return rows;
}

function assessmentRows(report: Report, words: ReportCsvWords, label: Labels): Row[] {
  const s = words.sections;
  const rows: Row[] = report.assessment.map((a) => [
    words.sectionOf(s.assessment, a.month),
    label.person(a.person),
    `${label.rule(a.rule)}: ${a.count} → ${label.consequence(a.rule, a.consequence)}${words.penalties(a.penaltyAmount, a.deductPoints)}`,
    `assessment:${a.month}`,
    a.rule,
  ]);
  for (const a of report.aggregateAssessment) {
    const subject =
      a.per === 'person'
        ? label.person(a.subject)
        : a.per === 'department'
          ? label.department(a.subject)
          : a.subject;
    rows.push([
      words.aggregateSection(a.per, a.period),
      subject,
      `${label.rule(a.rule)}: ${words.measured(a.measure, a.value)} → ${label.consequence(a.rule, a.consequence)}${words.penalties(a.penaltyAmount, a.deductPoints)}`,
      `aggregateAssessment:${a.period}`,
      a.rule,
    ]);
  }
  return rows;
}

/** The report as CSV in the words' language, labels from the policy it was counted under. */
export function reportCsv(
  report: Report,
  policy: Policy | undefined,
  words: ReportCsvWords,
): string {
  const label = labelsOf(policy, words);
  const [section, item, ...codes] = words.headers;
  const rows: (string | number | null)[][] = [
    [section, policy ? words.itemIn(policy.timeZone) : item, ...codes],
    ...countRows(report, words, label),
    ...figureRows(report, words, label),
    ...assessmentRows(report, words, label),
  ];
  const cell = (value: string | number | null) => {
    // Text that Excel would read as a formula (a person named "=HYPERLINK(…)") is kept as text.
    const text =
      value === null
        ? ''
        : typeof value === 'string' && /^[=+\-@\t\r]/.test(value)
          ? `'${value}`
          : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
