/** What the API says in a company's monthly (YYYY-MM) or annual (YYYY) report. */

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
  }[];
};
