/** What a company's monthly or annual report holds, and the empty one counting starts from. */
import type { AssessmentMeasure, AssessmentSubject } from '../../domain/policy/format.ts';

/** Points deducted by an assessment rule, or "all" points lost. */
export type DeductPoints = number | 'all';

/** A measure rule that applies to a subject in a period, with the value measured. */
export type AggregateAssessmentRow = {
  rule: string;
  measure: AssessmentMeasure;
  per: AssessmentSubject;
  /** The person's name, the department's id, or the company's id. */
  subject: string;
  /** "YYYY-MM" for a month rule, "YYYY" for a year rule. */
  period: string;
  value: number;
  /** The subject's cases of the period the value was measured over. */
  cases: number;
  consequence: string;
  penaltyAmount?: number;
  deductPoints?: DeductPoints;
};

/** A monthly ("YYYY-MM") or annual ("YYYY") report of a company's complaints. */
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
    deductPoints?: DeductPoints;
  }[];
  /** The policy's measure rules (aggregates per period) that apply, per subject and period. */
  aggregateAssessment: AggregateAssessmentRow[];
  /** Storage the company uses now (not the period's): the bytes of every file on its cases. */
  storage?: { attachmentBytes: number };
};

/** The months a period covers: itself for "YYYY-MM", January to December for "YYYY". */
function monthsOf(period: string): string[] {
  if (period.length === 7) return [period];
  return Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

/** A report with nothing counted yet: every month of the period at zero. */
export function emptyReport(company: string, period: string): Report {
  return {
    company,
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
    aggregateAssessment: [],
  };
}
