/** The facts rules and guards see for a case. */
import type { Case, CaseFacts } from './case.ts';

/** The case as json-rules-engine facts; `forms` holds the latest submission of each stage form. */
export function caseFacts(current: Case): CaseFacts {
  const forms: Record<string, Record<string, unknown>> = {};
  for (const submission of current.submissions) forms[submission.form] = submission.data;
  return {
    intake: current.intake,
    categories: current.categories,
    remedy: current.remedy ? { amount: current.remedy.amount, type: current.remedy.type } : null,
    state: current.state,
    flags: current.flags,
    receivedAt: current.receivedAt,
    forms,
  };
}
