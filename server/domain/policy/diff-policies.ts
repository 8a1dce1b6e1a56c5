/**
 * diffPolicies: the changes between two policies, each a code with its parameters (an approval
 * band's new chain, a clock's old and new duration); server/messages/diff-messages.ts words them
 * for a consultant or an administrator.
 */
import { withNames } from './diff-names.ts';
import {
  attachmentLimits,
  type ApprovalRow,
  type AttachmentLimits,
  type ClockDuration,
  type Label,
  type Policy,
} from './format.ts';

/** A part of the policy whose entries are added or removed by id. */
export type DiffPart =
  | 'role'
  | 'clock'
  | 'state'
  | 'transition'
  | 'categoryDimension'
  | 'categoryValue'
  | 'form'
  | 'calendar'
  | 'ruleSet';

/** An approval band as a change shows it: its amounts, its categories and its approver chain. */
export type DiffBand = Pick<ApprovalRow, 'min' | 'max' | 'when' | 'chain'>;

/** The parameters of every change code. */
export type DiffParams = {
  band_added: { band: DiffBand };
  band_changed: { before: DiffBand; after: DiffBand };
  band_removed: { band: DiffBand };
  /** `dimension` is set for a category value. */
  part_added: { part: DiffPart; id: string; dimension?: string };
  part_removed: { part: DiffPart; id: string; dimension?: string };
  /** An absent limit (no limit) is null. */
  authority_changed: { role: string; before: number | null; after: number | null };
  clock_duration_changed: { clock: string; before: ClockDuration; after: ClockDuration };
  clock_changed: { clock: string };
  transition_roles_changed: { transition: string; before: string[]; after: string[] };
  transition_changed: { transition: string };
  form_changed: { form: string };
  calendar_changed: { calendar: string };
  numbering_changed: { before: string; after: string };
  rule_set_changed: { ruleSet: string };
  /** The attachment limits in force before and after, defaults filled in. */
  attachments_changed: { before: AttachmentLimits; after: AttachmentLimits };
  examples_changed: { before: number; after: number };
};

/** What a change between two policies is. */
export type DiffCode = keyof DiffParams;

/**
 * The labels of the ids a change names, keyed `kind:id` ("role:salesManager", "clock:reply",
 * "transition:reply", "state:closed", "dimension:severity", "value:severity:major"), from the new
 * policy or, for what it removed, the old one. Kept with the change, so it reads in words later.
 */
export type DiffNames = Record<string, Label>;

/** One change: where in the policy, its code, the parameters its sentence needs, and labels. */
export type PolicyChange = {
  [C in DiffCode]: { path: string; code: C; params: DiffParams[C]; names?: DiffNames };
}[DiffCode];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const bandOf = ({ min, max, when, chain }: ApprovalRow): DiffBand => ({
  min,
  ...(max === undefined ? {} : { max }),
  ...(when ? { when } : {}),
  chain,
});

function keyed<T>(
  before: Record<string, T>,
  after: Record<string, T>,
  path: string,
  part: { part: DiffPart; dimension?: string },
  out: PolicyChange[],
  changed?: (id: string, a: T, b: T) => void,
): void {
  for (const id of Object.keys(after))
    if (!(id in before))
      out.push({ path: `${path}/${id}`, code: 'part_added', params: { ...part, id } });
  for (const id of Object.keys(before)) {
    if (!(id in after))
      out.push({ path: `${path}/${id}`, code: 'part_removed', params: { ...part, id } });
    else if (changed && !same(before[id], after[id])) changed(id, before[id] as T, after[id] as T);
  }
}

function diffApprovals(before: Policy, after: Policy, out: PolicyChange[]): void {
  const rowsBefore = new Map(before.approvals.rows.map((row) => [row.id, row]));
  const rowsAfter = new Map(after.approvals.rows.map((row) => [row.id, row]));
  for (const [id, row] of rowsAfter) {
    const old = rowsBefore.get(id);
    const path = `/approvals/rows/${id}`;
    if (!old) out.push({ path, code: 'band_added', params: { band: bandOf(row) } });
    else if (!same(old, row))
      out.push({
        path,
        code: 'band_changed',
        params: { before: bandOf(old), after: bandOf(row) },
      });
  }
  for (const [id, row] of rowsBefore)
    if (!rowsAfter.has(id))
      out.push({
        path: `/approvals/rows/${id}`,
        code: 'band_removed',
        params: { band: bandOf(row) },
      });
}

function diffRolesAndClocks(before: Policy, after: Policy, out: PolicyChange[]): void {
  keyed(before.roles, after.roles, '/roles', { part: 'role' }, out, (role, a, b) => {
    if (a.authorityLimit !== b.authorityLimit)
      out.push({
        path: `/roles/${role}/authorityLimit`,
        code: 'authority_changed',
        params: { role, before: a.authorityLimit ?? null, after: b.authorityLimit ?? null },
      });
  });
  keyed(before.clocks, after.clocks, '/clocks', { part: 'clock' }, out, (clock, a, b) => {
    if (!same(a.duration, b.duration))
      out.push({
        path: `/clocks/${clock}/duration`,
        code: 'clock_duration_changed',
        params: { clock, before: a.duration, after: b.duration },
      });
    if (!same({ ...a, duration: 0 }, { ...b, duration: 0 }))
      out.push({ path: `/clocks/${clock}`, code: 'clock_changed', params: { clock } });
  });
}

function diffWorkflow(before: Policy, after: Policy, out: PolicyChange[]): void {
  keyed(before.workflow.states, after.workflow.states, '/workflow/states', { part: 'state' }, out);
  const transitions = (policy: Policy) =>
    Object.fromEntries(policy.workflow.transitions.map((t) => [t.id, t]));
  const path = '/workflow/transitions';
  keyed(transitions(before), transitions(after), path, { part: 'transition' }, out, (id, a, b) => {
    if (!same(a.roles, b.roles))
      out.push({
        path: `${path}/${id}/roles`,
        code: 'transition_roles_changed',
        params: { transition: id, before: a.roles, after: b.roles },
      });
    else
      out.push({ path: `${path}/${id}`, code: 'transition_changed', params: { transition: id } });
  });
}

function diffDefinitions(before: Policy, after: Policy, out: PolicyChange[]): void {
  const dimension = { part: 'categoryDimension' } as const;
  keyed(before.categories, after.categories, '/categories', dimension, out, (id, a, b) =>
    keyed(
      a.values,
      b.values,
      `/categories/${id}/values`,
      { part: 'categoryValue', dimension: id },
      out,
    ),
  );
  keyed(before.forms, after.forms, '/forms', { part: 'form' }, out, (form) =>
    out.push({ path: `/forms/${form}`, code: 'form_changed', params: { form } }),
  );
  keyed(before.calendars, after.calendars, '/calendars', { part: 'calendar' }, out, (calendar) =>
    out.push({ path: `/calendars/${calendar}`, code: 'calendar_changed', params: { calendar } }),
  );
}

/** Every change from `before` to `after`, most consequential parts first. */
export function diffPolicies(before: Policy, after: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  diffApprovals(before, after, out);
  diffRolesAndClocks(before, after, out);
  diffWorkflow(before, after, out);
  diffDefinitions(before, after, out);
  if (!same(before.numbering, after.numbering))
    out.push({
      path: '/numbering',
      code: 'numbering_changed',
      params: { before: before.numbering.pattern, after: after.numbering.pattern },
    });
  const sets = (policy: Policy) => Object.fromEntries(policy.ruleSets.map((set) => [set.id, set]));
  keyed(sets(before), sets(after), '/ruleSets', { part: 'ruleSet' }, out, (ruleSet) =>
    out.push({ path: `/ruleSets/${ruleSet}`, code: 'rule_set_changed', params: { ruleSet } }),
  );
  const limits = [attachmentLimits(before.attachments), attachmentLimits(after.attachments)];
  if (!same(limits[0], limits[1]))
    out.push({
      path: '/attachments',
      code: 'attachments_changed',
      params: { before: limits[0]!, after: limits[1]! },
    });
  if (before.examples.length !== after.examples.length)
    out.push({
      path: '/examples',
      code: 'examples_changed',
      params: { before: before.examples.length, after: after.examples.length },
    });
  return withNames(out, before, after);
}
