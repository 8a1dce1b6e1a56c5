/**
 * A stored case's history read back into what a replay needs: its intake, who opened it, and each
 * workflow action with its time, data and actor. Entries that keep their `input` are exact; older
 * ones get their data from the case's form submissions (same transition, same time) or from the
 * events the action wrote, and their roles from the user's record or else the roles the step allows.
 * Read from the case's trail: sweep entries are not in it (a backtest reads breaches off the
 * clocks), nor anything else that did not move the case through a transition.
 */
import type { Case, CaseEvent } from '../../domain/case/case.ts';
import type { Policy } from '../../domain/policy/format.ts';
import type {
  RecordedAction,
  RecordedCase,
  RecordedStep,
} from '../../domain/backtest/replay-case.ts';
import { opensCase, type CaseHead, type TrailEntry } from '../ports/audit-trail.ts';

/** The company's users' roles by user id (what is known of them). */
export type RolesOf = (user: string) => string[] | undefined;

type Json = Record<string, unknown>;

/** The data an older entry's action was given, as far as the case and its events tell. */
function dataOf(c: Case | undefined, entry: TrailEntry, transition: string): Json | undefined {
  const submitted = c?.submissions.find((s) => s.transition === transition && s.at === entry.at);
  if (submitted) return submitted.data;
  const data: Json = {};
  for (const event of entry.events ?? []) eventData(event, c, data);
  return Object.keys(data).length > 0 ? data : undefined;
}

function eventData(event: CaseEvent, c: Case | undefined, data: Json): void {
  if (event.type === 'assigned') Object.assign(data, event.data);
  if (event.type === 'reopened' && typeof event.data.reason === 'string')
    data.reason = event.data.reason;
  if (event.type === 'categorySet' && (event.data.source as Json | undefined)?.kind === 'staff') {
    const source = event.data.source as Json;
    data.dimension = event.data.dimension;
    data.value = event.data.to;
    if (typeof source.reason === 'string') data.reason = source.reason;
  }
  if (event.type === 'approved' || event.type === 'approvalRejected') {
    const step = [...(c?.reopened ?? []).map((r) => r.remedy), c?.remedy]
      .flatMap((remedy) => remedy?.chain ?? [])
      .find((s) => s.at === event.at && s.user === event.by);
    if (step?.comment) data.comment = step.comment;
  }
}

function rolesFor(entry: TrailEntry, policy: Policy, rolesOf: RolesOf): string[] {
  const known = rolesOf(entry.by);
  if (known) return known;
  const allowed = policy.workflow.transitions.find((t) => t.id === entry.action)?.roles ?? [];
  const approved = (entry.events ?? []).flatMap((event) =>
    (event.type === 'approved' || event.type === 'approvalRejected') &&
    typeof event.data.role === 'string'
      ? [event.data.role]
      : [],
  );
  return approved.length > 0 ? approved : allowed;
}

function actionOf(
  body: Case | undefined,
  entry: TrailEntry,
  policy: Policy,
  rolesOf: RolesOf,
): RecordedAction {
  const roles = entry.input?.roles ?? rolesFor(entry, policy, rolesOf);
  const data = entry.input ? entry.input.data : dataOf(body, entry, entry.action);
  return {
    transition: entry.action,
    at: entry.at,
    actor: { user: entry.by, roles },
    ...(data ? { data } : {}),
  };
}

/**
 * The steps an import took after opening, in order: the sent step (with the roles the policy gives
 * it and no data, as the import does) and the categories the record gave.
 */
function importedSteps(entry: TrailEntry, policy: Policy): RecordedStep[] {
  return (entry.events ?? []).flatMap((event): RecordedStep[] => {
    const transition = event.type === 'transition' ? event.data.transition : undefined;
    if (typeof transition === 'string') {
      const roles = policy.workflow.transitions.find((t) => t.id === transition)?.roles ?? [];
      const actor = { user: event.by ?? entry.by, roles };
      return [{ transition, at: event.at, actor, data: {} }];
    }
    const source = event.data.source as Json | undefined;
    if (event.type !== 'categorySet' || source?.kind !== 'staff') return [];
    const reason = typeof source.reason === 'string' ? { reason: source.reason } : {};
    const user = typeof source.user === 'string' ? source.user : entry.by;
    const [category, value] = [event.data.dimension, event.data.to];
    if (typeof category !== 'string' || typeof value !== 'string') return [];
    return [{ category, value, at: event.at, user, ...reason }];
  });
}

/**
 * Whether reading the case's history needs its body: an action written before its input was kept
 * gets its data from the case's form submissions and approval chain.
 */
export function needsBody(entries: readonly TrailEntry[]): boolean {
  return entries.some((entry) => !entry.input && !opensCase(entry.action));
}

/**
 * The case's history as a replay needs it, from its trail (see audit-trail.ts); `policy` is the
 * version it ran under, `body` the stored case where `needsBody` says so.
 * @returns undefined when the history has no intake or import entry to start from
 */
export function recordedCase(
  head: Pick<CaseHead, 'case'>,
  entries: readonly TrailEntry[],
  policy: Policy,
  rolesOf: RolesOf,
  body?: Case,
): RecordedCase | undefined {
  const first = entries.find((e) => opensCase(e.action));
  if (!first) return undefined;
  const actions: RecordedStep[] = first.action === 'import' ? importedSteps(first, policy) : [];
  for (const entry of entries) {
    if (entry === first || entry.action === 'sweep') continue;
    actions.push(actionOf(body, entry, policy, rolesOf));
  }
  const intake = first.intake ?? body?.intake;
  if (!intake) return undefined;
  return {
    id: head.case.id,
    number: head.case.number,
    receivedAt: head.case.receivedAt,
    intake,
    openedBy: { user: first.by, roles: rolesOf(first.by) ?? [] },
    actions,
  };
}
