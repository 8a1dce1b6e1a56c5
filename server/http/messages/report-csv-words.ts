/** The words of the CSV report in zh-CN and en: headers, sections, items, measured values. */
import type { ReportCsvWords } from '../../app/reports/report-csv.ts';
import type { AssessmentMeasure, Lang } from '../../domain/policy/format.ts';

const HOURS = new Set<AssessmentMeasure>(['averageHandlingHours']);
const RATES = new Set<AssessmentMeasure>(['timelyRate', 'closureRate']);

/** A measured value: hours with one decimal, rates as a percentage, counts as they are. */
const measured = (hours: string) => (measure: AssessmentMeasure, value: number) =>
  HOURS.has(measure)
    ? `${Number(value.toFixed(1))}${hours}`
    : RATES.has(measure)
      ? `${Number((value * 100).toFixed(1))}%`
      : String(value);

const ZH: ReportCsvWords = {
  lang: 'zh-CN',
  headers: ['分项', '项目', '数值', '分项代码', '项目代码'],
  itemIn: (timeZone) => `项目（月份按 ${timeZone} 时间）`,
  sections: {
    total: '投诉总数',
    closed: '已结案',
    closureRate: '结案率',
    category: '分类',
    month: '月份',
    state: '状态',
    department: '责任部门',
    person: '责任人',
    timelyRate: '及时率',
    handlingHours: '处理时长（小时）',
    satisfaction: '满意度',
    remedies: '补救',
    assessment: '考核',
    aggregateAssessment: '指标考核',
  },
  items: {
    counted: '计入数',
    timely: '及时数',
    rate: '及时率',
    average: '平均',
    p90: '90分位',
    responses: '回访份数',
    count: '案件数',
    approvedAmount: '已核准金额',
  },
  per: { person: '按责任人', department: '按部门', company: '全公司' },
  none: '（未指定）',
  sectionOf: (section, detail) => `${section}：${detail}`,
  aggregateSection: (per, period) => `指标考核（${ZH.per[per]}）${period}`,
  measured: measured(' 小时'),
  penalties: (amount, points) => {
    const parts = [
      ...(amount !== undefined ? [`罚款 ${amount}`] : []),
      ...(points === 'all' ? ['扣除全部分数'] : points !== undefined ? [`扣 ${points} 分`] : []),
    ];
    return parts.length ? `（${parts.join('；')}）` : '';
  },
};

const EN: ReportCsvWords = {
  lang: 'en',
  headers: ['Section', 'Item', 'Value', 'Section code', 'Item code'],
  itemIn: (timeZone) => `Item (months in ${timeZone} time)`,
  sections: {
    total: 'Complaints',
    closed: 'Closed',
    closureRate: 'Closure rate',
    category: 'Category',
    month: 'Month',
    state: 'State',
    department: 'Department',
    person: 'Person',
    timelyRate: 'Timely rate',
    handlingHours: 'Handling time (h)',
    satisfaction: 'Satisfaction',
    remedies: 'Remedies',
    assessment: 'Assessment',
    aggregateAssessment: 'Assessment by measure',
  },
  items: {
    counted: 'Counted',
    timely: 'Timely',
    rate: 'Rate',
    average: 'Average',
    p90: '90th percentile',
    responses: 'Follow-ups',
    count: 'Cases',
    approvedAmount: 'Approved amount',
  },
  per: { person: 'per person', department: 'per department', company: 'whole company' },
  none: '(none)',
  sectionOf: (section, detail) => `${section}: ${detail}`,
  aggregateSection: (per, period) => `Assessment by measure (${EN.per[per]}) ${period}`,
  measured: measured(' h'),
  penalties: (amount, points) => {
    const parts = [
      ...(amount !== undefined ? [`penalty ${amount}`] : []),
      ...(points === 'all'
        ? ['all points lost']
        : points !== undefined
          ? [`${points} points deducted`]
          : []),
    ];
    return parts.length ? ` (${parts.join('; ')})` : '';
  },
};

/** The CSV's words in a language. */
export function reportCsvWords(lang: Lang): ReportCsvWords {
  return lang === 'en' ? EN : ZH;
}
