/**
 * What `kesu test --accept` changed, in words: per accepted example, each expected value before →
 * after, named by its label (a category dimension, a clock, a role) in the reader's language.
 */
import type { AcceptOutcome } from '../domain/examples/accept-examples.ts';
import type { ExampleExpectation, Lang, Policy } from '../domain/policy/format.ts';
import { say, type MessageKey } from './cli-messages.ts';
import { labelIn } from './print-explanation.ts';

type Field = keyof ExampleExpectation;

const FIELD_KEYS: Record<Field, MessageKey> = {
  state: 'fieldState',
  number: 'fieldNumber',
  categories: 'fieldCategory',
  decisions: 'fieldDecisions',
  approverChain: 'fieldApproverChain',
  due: 'fieldDue',
  error: 'fieldError',
  flags: 'fieldFlags',
  absentFlags: 'fieldAbsentFlags',
  notified: 'fieldNotified',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const none = '—';

/** A value in words: a state or role by label with its id, a list joined, anything else as JSON. */
function valueText(policy: Policy, field: Field, value: unknown, lang: Lang): string {
  if (value === undefined) return none;
  const role = (id: string) => `${labelIn(policy.roles[id]?.label, lang, id)} [${id}]`;
  if (field === 'state' && typeof value === 'string')
    return `${labelIn(policy.workflow.states[value]?.label, lang, value)} [${value}]`;
  if ((field === 'approverChain' || field === 'notified') && Array.isArray(value))
    return value.length === 0 ? none : value.map((id: string) => role(id)).join(' → ');
  if (field === 'due' && typeof value === 'string') return value.replace('T', ' ');
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.length === 0 ? none : value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Lines "  category Severity: General [general] → Major [major]" for one accepted example. */
function changeLines(
  policy: Policy,
  before: ExampleExpectation,
  after: ExampleExpectation,
  lang: Lang,
): string[] {
  const lines: string[] = [];
  for (const field of Object.keys(FIELD_KEYS) as Field[]) {
    const [was, is] = [before[field], after[field]];
    if (same(was, is)) continue;
    if (field === 'categories' || field === 'due') {
      const [a, b] = [(was ?? {}) as Record<string, string>, (is ?? {}) as Record<string, string>];
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (a[key] === b[key]) continue;
        const named =
          field === 'categories'
            ? labelIn(policy.categories[key]?.label, lang, key)
            : labelIn(policy.clocks[key]?.label, lang, key);
        const value = (v: string | undefined) =>
          field === 'categories' && v !== undefined
            ? `${labelIn(policy.categories[key]?.values[v]?.label, lang, v)} [${v}]`
            : valueText(policy, field, v, lang);
        lines.push(
          `    ${say(lang, FIELD_KEYS[field], named)}: ${value(a[key])} → ${value(b[key])}`,
        );
      }
      continue;
    }
    const from = valueText(policy, field, was, lang);
    lines.push(
      `    ${say(lang, FIELD_KEYS[field])}: ${from} → ${valueText(policy, field, is, lang)}`,
    );
  }
  return lines;
}

/** The summary: each accepted example and what changed, each refused one and why, the files written. */
export function formatAccepted(
  policy: Policy,
  outcome: Omit<AcceptOutcome, 'policy'>,
  lang: Lang,
): string[] {
  const lines: string[] = [];
  for (const { id, before, after } of outcome.accepted) {
    const title = policy.examples.find((e) => e.id === id)?.title;
    lines.push(say(lang, 'acceptedExample', id, labelIn(title, lang)));
    lines.push(...changeLines(policy, before, after, lang));
  }
  for (const { id, reason } of outcome.refused)
    lines.push(say(lang, reason === 'error' ? 'acceptRefusedError' : 'acceptRefusedUnknown', id));
  if (outcome.accepted.length === 0 && outcome.refused.length === 0)
    lines.push(say(lang, 'acceptNothing'));
  return lines;
}
