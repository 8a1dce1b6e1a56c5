/** What every section of the policy editor receives from the editor frame. */
import type { Policy, PolicyProblem } from '../../api/types.ts';

export type SectionProps = {
  company: string;
  /** The draft as last loaded or edited (a full policy document). */
  policy: Policy;
  /** Changes the draft: `change` mutates a copy; the frame saves it (debounced) and re-checks it. */
  update: (change: (draft: Policy) => void) => void;
  /** The policy check's problems for the whole draft (each path a JSON Pointer). */
  problems: PolicyProblem[];
  /**
   * The check's warnings, which do not keep the draft from being published (a change of numbering
   * that can repeat a number already given).
   */
  warnings: PolicyProblem[];
  /** Problems whose path starts with the pointer ("/approvals/rows/2"). */
  problemsAt: (pointer: string) => PolicyProblem[];
  /** Saves now (if dirty); resolves, with the draft's version, when the server has the editor's draft. */
  flush: () => Promise<number>;
  /** The draft's version on the server (changes after each save). */
  draftVersion: number;
  /** Takes a draft the server changed itself (e.g. accepted example results) as the editor's own. */
  adopt: (draft: { document: unknown; version: number }) => void;
};

/** The section a problem's path belongs to, for the problems panel's links. */
export function sectionOf(path: string): string {
  const top = path.split('/')[1] ?? '';
  const map: Record<string, string> = {
    forms: 'forms',
    categories: 'categories',
    roles: 'approvals',
    departments: 'approvals',
    approvals: 'approvals',
    durationTables: 'deadlines',
    clocks: 'deadlines',
    calendars: 'calendar',
    workflow: 'workflow',
    numbering: 'numbering',
    ruleSets: 'rules',
    assessment: 'rules',
    confidentiality: 'forms',
    examples: 'examples',
  };
  return map[top] ?? 'publish';
}
