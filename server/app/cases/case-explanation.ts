/**
 * What a case view adds to explain the case to its readers: each decision with its "why", the
 * approver chain (核决权限) and the names of the people in its history.
 */
import { approverChainOf, type ApproverChainExplanation } from '../../domain/case/explain-case.ts';
import type { Case, Decision, DecisionSource } from '../../domain/case/case.ts';
import { explainTrace } from '../../domain/rules/evaluate-rules.ts';
import type { Label, Lang, Policy } from '../../domain/policy/format.ts';
import type { CaseContext } from '../../domain/case/open-case.ts';

/** A decision with the lines that explain it: the rule's condition trace, or where it came from. */
export type ExplainedDecision = Decision & { why: string[] };

function text(label: Label | undefined, lang: Lang): string {
  if (!label) return '';
  return (lang === 'en' ? label.en : undefined) ?? label['zh-CN'];
}

function describeSource(policy: Policy, source: DecisionSource, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  switch (source.kind) {
    case 'rule':
      return explainTrace(source.trace);
    case 'table': {
      const row =
        source.table === 'approvals'
          ? policy.approvals.rows.find((r) => r.id === source.row)
          : undefined;
      const table = policy.durationTables?.[source.table];
      const name = text(table?.label, lang) || source.table;
      const note = text(row?.note, lang);
      return [
        zh ? `按表“${name}”第 ${source.row} 行` : `Row ${source.row} of the table ${name}`,
        ...(note ? [note] : []),
      ];
    }
    case 'form':
      return [
        zh ? `由表单字段 ${source.field} 的填写值决定` : `Set by the form field ${source.field}`,
      ];
    case 'staff':
      return [
        zh ? `由工作人员 ${source.user} 设定` : `Set by staff member ${source.user}`,
        ...(source.reason ? [source.reason] : []),
      ];
    case 'default': {
      const dimension = text(policy.categories[source.dimension]?.label, lang) || source.dimension;
      return [zh ? `“${dimension}”的默认值` : `The default of ${dimension}`];
    }
  }
}

/** Every decision of the case with its explanation in the reader's language. */
export function explainDecisions(policy: Policy, current: Case, lang: Lang): ExplainedDecision[] {
  return current.decisions.map((decision) => ({
    ...decision,
    why: describeSource(policy, decision.source, lang),
  }));
}

/** The remedy's approver chain, or the chain the amount sought would need; null when neither applies. */
export function approverChain(
  context: CaseContext,
  current: Case,
): ApproverChainExplanation | null {
  try {
    return approverChainOf(context, current);
  } catch {
    // An amount no matrix row covers (a gap the policy check reports) has no chain to preview.
    return null;
  }
}
