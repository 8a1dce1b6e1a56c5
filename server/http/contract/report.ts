/** What the API says in a company's monthly (YYYY-MM) or annual (YYYY) report. */
import type { AssessmentMeasure, AssessmentSubject } from '../../domain/policy/format.ts';

/** A count per key (category value, month, state, department, person). */
type Counts = Record<string, number>;

/** A report: counts, timely and closure rates, handling time, satisfaction, remedies, assessment. */
export type ReportAnswer = {
  company: string;
  period: string;
  total: number;
  byCategory: Record<string, Counts>;
  /** Cases per month received ("YYYY-MM"); an annual report lists all twelve, zeros included. */
  byMonth: Counts;
  /** Per category dimension and value, the cases per month (only months with cases). */
  byCategoryByMonth: Record<string, Record<string, Counts>>;
  byState: Counts;
  byDepartment: Counts;
  byPerson: Counts;
  clocks: Record<string, { counted: number; timely: number; rate: number | null }>;
  closed: number;
  closureRate: number | null;
  handlingHours: { average: number | null; p90: number | null };
  satisfaction: { responses: number; average: number | null };
  remedies: { count: number; approvedAmount: number };
  /** The policy's assessment (penalty) rules applied per person and month. */
  assessment: {
    person: string;
    month: string;
    count: number;
    rule: string;
    consequence: string;
    penaltyAmount?: number;
    /** Points deducted, or "all" points lost. */
    deductPoints?: number | 'all';
  }[];
  /**
   * The policy's measure rules applied per subject (person, department, company) and period
   * ("YYYY-MM", or "YYYY" in an annual report), with the value measured: e.g. the month's average
   * handling time above 17 h.
   */
  aggregateAssessment: {
    rule: string;
    measure: AssessmentMeasure;
    per: AssessmentSubject;
    /** The person's name, the department's id, or the company's id. */
    subject: string;
    period: string;
    value: number;
    /** The subject's cases of the period the value was measured over. */
    cases: number;
    consequence: string;
    penaltyAmount?: number;
    deductPoints?: number | 'all';
  }[];
  /** Storage the company uses now (whatever the period): the bytes of every file on its cases. */
  storage?: { attachmentBytes: number };
};
