/** Cases as the API answers them: built field by field, so storage bookkeeping stays in storage. */
import { presentDelivery } from './notification-presenter.ts';
import type { CaseActionView, CaseView } from '../../app/cases/cases.ts';
import type { CaseListPage, CaseSummary } from '../../app/cases/case-list.ts';
import type { Attachment, AuditEntry } from '../../app/ports/ports.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { formatInstant, parseInstant } from '../../domain/time/time.ts';
import type {
  AttachmentAnswer,
  AuditEntryAnswer,
  CaseActionAnswer,
  CaseAnswer,
  CasePageAnswer,
  CaseSummaryAnswer,
} from '../contract/case.ts';
import { actionRefusalMessage } from '../messages/action-refusal-messages.ts';

/** A case as the API shows it: a web complaint's origin without the hash of its follow secret. */
function withoutFollowHash<T>(value: T): T {
  if (!value || typeof value !== 'object' || !('origin' in value)) return value;
  const { origin } = value as { origin?: { channel: string } };
  return origin ? { ...value, origin: { channel: origin.channel } } : value;
}

/**
 * One audit entry; the company and case it belongs to are the route's, so they are not repeated.
 * Its time is also given in company time (`atLocal`, with the zone's offset).
 */
export function presentAuditEntry(entry: AuditEntry, timeZone: string): AuditEntryAnswer {
  return {
    id: entry.id,
    at: entry.at,
    atLocal: formatInstant(parseInstant(entry.at), timeZone),
    by: entry.by,
    action: entry.action,
    policyVersion: entry.policyVersion,
    ...(entry.fromPolicyVersion === undefined
      ? {}
      : { fromPolicyVersion: entry.fromPolicyVersion }),
    ...(entry.note === undefined ? {} : { note: entry.note }),
    before: withoutFollowHash(entry.before),
    after: withoutFollowHash(entry.after),
    events: entry.events,
    ...(entry.attachment === undefined ? {} : { attachment: entry.attachment }),
    ...(entry.files === undefined ? {} : { files: entry.files }),
  };
}

/** A file on a case: its metadata, without the company and case (the route's). */
export function presentAttachment(attachment: Attachment): AttachmentAnswer {
  const { id, name, type, size, sha256, addedAt, addedBy } = attachment;
  return { id, name, type, size, sha256, addedAt, addedBy };
}

/** An action of the case: whether it is possible now, and if not, why in the caller's language. */
function presentAction(action: CaseActionView, lang: Lang): CaseActionAnswer {
  const { refusal } = action;
  return {
    id: action.id,
    label: action.label,
    form: action.form,
    allowed: !refusal,
    ...(refusal
      ? {
          refusal: {
            code: refusal.code,
            message: actionRefusalMessage(refusal, lang),
            waitingFor: refusal.waitingFor.map((w) => w.role),
          },
        }
      : {}),
  };
}

/**
 * A case as its reader sees it, its actions' refusals worded in `lang`. The numbering period and serial (the number already says them) and
 * the company id (the route's) are storage's own and stay there; `importKey` and `updatedAt` are
 * kept because clients read them.
 */
export function presentCase(view: CaseView, lang: Lang): CaseAnswer {
  return {
    case: withoutFollowHash(view.case),
    policyVersion: view.policyVersion,
    version: view.version,
    updatedAt: view.updatedAt,
    importKey: view.importKey,
    clocks: view.clocks,
    actions: view.actions.map((action) => presentAction(action, lang)),
    decisions: view.decisions,
    approverChain: view.approverChain,
    timeZone: view.timeZone,
    audit: view.audit?.map((entry) => presentAuditEntry(entry, view.timeZone)),
    ...(view.attachments ? { attachments: view.attachments.map(presentAttachment) } : {}),
    people: view.people,
    deliveries: view.deliveries?.map(presentDelivery),
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

/** One page of the case list, with the names of its assignees. */
export function presentCasePage(page: CaseListPage): CasePageAnswer {
  return {
    items: page.items.map(presentCaseSummary),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    people: page.people,
  };
}
