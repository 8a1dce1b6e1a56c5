/** What the API says of companies and the bundled templates they start from. */
import type { Label } from '../../domain/policy/index.ts';

/** A company as the API answers it. */
export type CompanyAnswer = {
  id: string;
  name: string;
  /** The template it was created from, if any. */
  template?: string;
  createdAt: string;
  /** In the list: the time zone of its latest published policy, in which its times are shown. */
  timeZone?: string;
};

/** A company with the caller's roles in it (GET /companies/:company). */
export type CompanyAccessAnswer = CompanyAnswer & { roles: string[] };

/** The body of POST /companies. */
export type CreateCompanyBody = { id: string; name: string; template?: string };

/** What the template gallery shows of a bundled template (GET /templates). */
export type TemplateSummaryAnswer = {
  id: string;
  title: Label;
  description?: Label;
  /** The source documents (seed file and section) the template was taken from. */
  sources?: { seed: string; section: string }[];
  /** The parts its sources do not state, and what the template assumed there (zh-CN and en). */
  assumptions?: { part: string; note: Label }[];
  /** How much it holds: forms, category dimensions, clocks, runnable examples. */
  facts?: { forms: number; categories: number; clocks: number; examples: number };
};
