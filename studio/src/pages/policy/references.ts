/**
 * Where a part of the policy is referred to: a category dimension or one of its values, a role, a
 * workflow state or transition. The editor names these places (in words, through problemPlace) as soon as the
 * part is removed, before the check has run on the saved draft.
 */
import type { Policy } from '../../api/types.ts';

/** A part of the policy other parts refer to by its id. */
export type PolicyPart =
  | { kind: 'dimension'; id: string }
  | { kind: 'value'; dimension: string; value: string }
  | { kind: 'role'; id: string }
  | { kind: 'state'; id: string }
  | { kind: 'transition'; id: string };

type Json = Record<string, unknown>;
type Condition = { fact: string; path?: string; value?: unknown };

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaf conditions (fact, path, value) of a json-rules-engine condition tree. */
function leaves(node: unknown): Condition[] {
  if (Array.isArray(node)) return node.flatMap(leaves);
  if (!isRecord(node)) return [];
  if (typeof node.fact === 'string') return [node as Condition];
  return [node.all, node.any, node.not].flatMap(leaves);
}

/** The dimension a `categories` condition path reads ("$.severity" → "severity"). */
const dimensionOf = (path: string | undefined) => (path ?? '').replace(/^\$\.?/, '').split('.')[0];

const includesValue = (value: unknown, id: string) =>
  Array.isArray(value) ? value.includes(id) : value === id;

/** Whether a condition tree reads the part (a category's dimension or value, or the state). */
function conditionUses(node: unknown, part: PolicyPart): boolean {
  return leaves(node).some((c) => {
    if (part.kind === 'state') return c.fact === 'state' && includesValue(c.value, part.id);
    if (c.fact !== 'categories') return false;
    if (part.kind === 'dimension') return dimensionOf(c.path) === part.id;
    return (
      part.kind === 'value' &&
      dimensionOf(c.path) === part.dimension &&
      includesValue(c.value, part.value)
    );
  });
}

/** Whether a category match ({ dimension: [values] }) names the part. */
function matchUses(when: Record<string, string[]> | undefined, part: PolicyPart): boolean {
  if (part.kind === 'dimension') return when?.[part.id] !== undefined;
  return part.kind === 'value' && (when?.[part.dimension]?.includes(part.value) ?? false);
}

/** Whether an action's parameters (a rule's event or an escalation's action) name the part. */
function actionUses(params: Json, part: PolicyPart): boolean {
  if (part.kind === 'role') return params.role === part.id;
  if (part.kind === 'dimension') return params.dimension === part.id;
  if (part.kind === 'value')
    return (
      params.dimension === part.dimension &&
      (params.value === part.value || params.to === part.value)
    );
  return false;
}

function inApprovals(policy: Policy, part: PolicyPart, out: string[]): void {
  policy.approvals.rows.forEach((row, i) => {
    if (matchUses(row.when, part)) out.push(`/approvals/rows/${i}/when`);
    if (part.kind === 'role' && row.chain.includes(part.id)) out.push(`/approvals/rows/${i}/chain`);
  });
  for (const [id, table] of Object.entries(policy.durationTables ?? {}))
    table.rows.forEach((row, i) => {
      if (matchUses(row.when, part)) out.push(`/durationTables/${id}/rows/${i}/when`);
    });
}

function inWorkflow(policy: Policy, part: PolicyPart, out: string[]): void {
  const { workflow } = policy;
  if (part.kind === 'state' && workflow.initial === part.id) out.push('/workflow/initial');
  workflow.transitions.forEach((tr, i) => {
    const at = `/workflow/transitions/${i}`;
    if (part.kind === 'state' && tr.from.includes(part.id)) out.push(`${at}/from`);
    if (part.kind === 'state' && tr.to === part.id) out.push(`${at}/to`);
    if (part.kind === 'role' && tr.roles.includes(part.id)) out.push(`${at}/roles`);
    if (tr.guard && conditionUses(tr.guard, part)) out.push(`${at}/guard`);
  });
  if (part.kind === 'role' && policy.confidentiality?.roles.includes(part.id))
    out.push('/confidentiality/roles');
}

/** Whether a clock's start or stop trigger is entering the state or taking the transition. */
function triggers(trigger: Policy['clocks'][string]['start'][number], part: PolicyPart): boolean {
  if (part.kind === 'state') return 'enterState' in trigger && trigger.enterState === part.id;
  return part.kind === 'transition' && 'transition' in trigger && trigger.transition === part.id;
}

function inClocks(policy: Policy, part: PolicyPart, out: string[]): void {
  for (const [id, clock] of Object.entries(policy.clocks)) {
    const at = `/clocks/${id}`;
    for (const when of ['start', 'stop'] as const)
      if (clock[when].some((trigger) => triggers(trigger, part))) out.push(`${at}/${when}`);
    if (part.kind === 'state' && clock.pauseIn?.includes(part.id)) out.push(at);
    for (const kind of ['warnings', 'escalations'] as const)
      clock[kind]?.forEach((level, i) => {
        if (level.actions.some((action) => actionUses(action as Json, part)))
          out.push(`${at}/${kind}/${i}/actions`);
      });
  }
}

function inRules(policy: Policy, part: PolicyPart, out: string[]): void {
  policy.ruleSets.forEach((set, s) =>
    set.rules.forEach((rule, r) => {
      const at = `/ruleSets/${s}/rules/${r}`;
      if (conditionUses(rule.conditions, part)) out.push(`${at}/conditions`);
      const params = (rule.event as { params?: Json }).params;
      if (params && actionUses(params, part)) out.push(`${at}/event`);
    }),
  );
}

function inExamples(policy: Policy, part: PolicyPart, out: string[]): void {
  policy.examples.forEach((example, i) => {
    const at = `/examples/${i}`;
    const expected = example.expect.categories ?? {};
    const expects =
      (part.kind === 'dimension' && expected[part.id] !== undefined) ||
      (part.kind === 'value' && expected[part.dimension] === part.value) ||
      (part.kind === 'state' && example.expect.state === part.id) ||
      (part.kind === 'role' && (example.expect.approverChain ?? []).includes(part.id));
    if (expects) out.push(`${at}/expect`);
    const steps = example.steps ?? [];
    if (part.kind === 'role' && steps.some((s) => s.actor.roles.includes(part.id)))
      out.push(`${at}/steps`);
    if (part.kind === 'transition' && steps.some((s) => s.transition === part.id))
      out.push(`${at}/steps`);
  });
}

/** The JSON Pointers of every place that refers to the part, in the editor's section order. */
export function referencesTo(policy: Policy, part: PolicyPart): string[] {
  const out: string[] = [];
  inApprovals(policy, part, out);
  inClocks(policy, part, out);
  inWorkflow(policy, part, out);
  inRules(policy, part, out);
  inExamples(policy, part, out);
  return [...new Set(out)];
}
