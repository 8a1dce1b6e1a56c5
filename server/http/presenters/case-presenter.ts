/** Cases as the API answers them: built field by field, so storage bookkeeping stays in storage. */
import type { CaseView } from '../../app/cases/cases.ts';
import type { CaseSummary } from '../../app/cases/case-list.ts';
import type { AuditEntry } from '../../app/ports/ports.ts';
import type { AuditEntryAnswer, CaseAnswer, CaseSummaryAnswer } from '../contract/case.ts';
import type { Page } from '../contract/common.ts';

/**
 * One audit entry; the company and case it belongs to are the route's, so they are not repeated.
 */
export function presentAuditEntry(entry: AuditEntry): AuditEntryAnswer {
  return {
    id: entry.id,
    at: entry.at,
    by: entry.by,
    action: entry.action,
    policyVersion: entry.policyVersion,
    ...(entry.fromPolicyVersion === undefined
      ? {}
      : { fromPolicyVersion: entry.fromPolicyVersion }),
    ...(entry.note === undefined ? {} : { note: entry.note }),
    before: entry.before,
    after: entry.after,
    events: entry.events,
  };
}

/**
 * A case as its reader sees it. The numbering period and serial (the number already says them) and
 * the company id (the route's) are storage's own and stay there; `importKey` and `updatedAt` are
 * kept because clients read them.
 */
export function presentCase(view: CaseView): CaseAnswer {
  return {
    case: view.case,
    policyVersion: view.policyVersion,
    version: view.version,
    updatedAt: view.updatedAt,
    importKey: view.importKey,
    clocks: view.clocks,
    actions: view.actions.map((action) => ({
      id: action.id,
      label: action.label,
      form: action.form,
    })),
    decisions: view.decisions,
    approverChain: view.approverChain,
    audit: view.audit?.map(presentAuditEntry),
    people: view.people,
  };
}

/** A case as the list shows it. */
export function presentCaseSummary(summary: CaseSummary): CaseSummaryAnswer {
  return {
    id: summary.id,
    number: summary.number,
    state: summary.state,
    receivedAt: summary.receivedAt,
    categories: summary.categories,
    assignee: summary.assignee,
    intake: summary.intake,
    nextDue: summary.nextDue,
    overdue: summary.overdue,
    version: summary.version,
  };
}

/** One page of the case list. */
export function presentCasePage(page: Page<CaseSummary>): Page<CaseSummaryAnswer> {
  return {
    items: page.items.map(presentCaseSummary),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
