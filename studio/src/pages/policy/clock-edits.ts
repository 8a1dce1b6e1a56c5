/**
 * Adding, removing and changing deadline clocks (时限) in a draft: a new clock, its start and stop
 * triggers, its warning and escalation levels, and the rule that starts a clock only for cases of
 * one category value (the format has no condition on a clock's start: a `startClock` rule does it).
 */
import type { Label, Policy } from '../../api/types.ts';
import type { Clock, Duration, Level, Trigger } from './duration.ts';

/** The rule set the studio keeps its clock-starting rules in; run last, it sees every category. */
export const CLOCK_START_SET = 'clockStarts';

/** What a new clock's form gives: its label, duration, calendar, and what starts it. */
export type NewClock = {
  label: Label;
  duration: Duration;
  calendar: string;
  /** Started when the case opens, or (by a rule at intake) only when a category has a value. */
  start: { opened: true } | { dimension: string; value: string };
};

/** A valid new clock id: letters, digits and underscores, starting with a letter, unused. */
export function isNewClockId(policy: Policy, id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(id) && !(id in policy.clocks);
}

/** The name of the rule that starts the clock for a category value. */
export function startRuleName(clockId: string): string {
  return `start_${clockId}`;
}

/** Adds a clock; one started by a category value gets its rule in the clock-starting rule set. */
export function addClock(draft: Policy, id: string, spec: NewClock): void {
  const opened = 'opened' in spec.start;
  draft.clocks[id] = {
    label: spec.label,
    calendar: spec.calendar,
    duration: spec.duration,
    start: opened ? [{ event: 'caseOpened' }] : [],
    stop: [],
  };
  if (!('opened' in spec.start)) setStartRule(draft, id, spec.start.dimension, spec.start.value);
}

/** The start rule's description, in both languages, from the names in the draft. */
function startRuleDescription(draft: Policy, clockId: string, dimension: string, value: string) {
  const clock = draft.clocks[clockId]?.label;
  const dim = draft.categories[dimension];
  const val = dim?.values[value]?.label;
  const zh = (label: Label | undefined, code: string) => label?.['zh-CN'] || code;
  const en = (label: Label | undefined, code: string) => label?.en || label?.['zh-CN'] || code;
  return {
    'zh-CN': `${zh(dim?.label, dimension)}为「${zh(val, value)}」的案件立案时，开始计时「${zh(clock, clockId)}」`,
    en: `Starts “${en(clock, clockId)}” when a case with ${en(dim?.label, dimension)} “${en(val, value)}” is opened`,
  };
}

/** Writes (or rewrites) the rule that starts the clock at intake when the category has the value. */
export function setStartRule(draft: Policy, clockId: string, dimension: string, value: string) {
  const sets = (draft.ruleSets ??= []);
  const at = sets.findIndex((s) => s.id === CLOCK_START_SET);
  // Kept last, so its rules see the categories every other rule set sets (added since, too).
  const set =
    at >= 0
      ? sets.splice(at, 1)[0]!
      : {
          id: CLOCK_START_SET,
          label: { 'zh-CN': '计时器启动', en: 'Clock starts' },
          rules: [],
        };
  sets.push(set);
  const rule = {
    name: startRuleName(clockId),
    description: startRuleDescription(draft, clockId, dimension, value),
    conditions: { all: [{ fact: 'categories', path: `$.${dimension}`, operator: 'equal', value }] },
    event: { type: 'startClock', params: { clock: clockId } },
  } as (typeof set.rules)[number];
  const existing = set.rules.findIndex((r) => r.name === rule.name);
  if (existing >= 0) set.rules[existing] = rule;
  else set.rules.push(rule);
}

/** The category value a clock-starting rule of the studio's shape tests, if the clock has one. */
export function startCondition(
  policy: Policy,
  clockId: string,
): { dimension: string; value: string } | undefined {
  const set = policy.ruleSets?.find((s) => s.id === CLOCK_START_SET);
  const rule = set?.rules.find((r) => r.name === startRuleName(clockId));
  const all = (rule?.conditions as { all?: unknown[] } | undefined)?.all;
  const leaf = all?.[0] as { fact?: string; path?: string; value?: unknown } | undefined;
  if (!leaf || leaf.fact !== 'categories' || typeof leaf.path !== 'string') return undefined;
  return { dimension: leaf.path.replace(/^\$\./, ''), value: String(leaf.value) };
}

/**
 * Removes the clock only: what still names it (rules, examples, reports' assessment) stays, so the
 * policy check names each place in the problems panel.
 */
export function removeClock(draft: Policy, id: string): void {
  delete draft.clocks[id];
}

/** A trigger as one string for a select: "opened", "transition:reply", "state:closed". */
export function triggerKey(trigger: Trigger): string {
  if ('event' in trigger) return 'opened';
  if ('transition' in trigger) return `transition:${trigger.transition}`;
  return `state:${trigger.enterState}`;
}

/** The trigger a select's string stands for. */
export function triggerOf(key: string): Trigger {
  if (key === 'opened') return { event: 'caseOpened' };
  if (key.startsWith('transition:')) return { transition: key.slice(11) };
  return { enterState: key.slice(6) };
}

/** Every trigger the policy offers: the case opening, each transition, entering each state. */
export function triggerKeys(policy: Policy): string[] {
  return [
    'opened',
    ...policy.workflow.transitions.map((t) => `transition:${t.id}`),
    ...Object.keys(policy.workflow.states).map((s) => `state:${s}`),
  ];
}

type LevelKind = 'warnings' | 'escalations';

/**
 * Adds the next level: a warning reminds at 75% of the time, an escalation reminds when due; the
 * levels of a kind number on from the highest.
 */
export function addLevel(clock: Clock, kind: LevelKind): void {
  const list = (clock[kind] ??= []);
  const level = Math.max(0, ...list.map((l) => l.level)) + 1;
  const next: Level =
    kind === 'warnings'
      ? { level, atFraction: 0.75, actions: [{ type: 'remind' }] }
      : { level, actions: [{ type: 'remind' }] };
  list.push(next);
}

/** Removes a level; a kind left without levels is removed from the clock. */
export function removeLevel(clock: Clock, kind: LevelKind, index: number): void {
  const list = clock[kind] ?? [];
  list.splice(index, 1);
  if (list.length === 0) delete clock[kind];
}

/** What a level does: remind, notify a role, reassign to a role, raise a category. */
export type ActionType = Level['actions'][number]['type'];

export const ACTION_TYPES: ActionType[] = ['remind', 'notify', 'reassign', 'raiseSeverity'];

/** A new action of the type, its role or dimension the policy's first. */
export function newAction(policy: Policy, type: ActionType): Level['actions'][number] {
  const role = Object.keys(policy.roles)[0] ?? '';
  if (type === 'notify' || type === 'reassign') return { type, role };
  if (type === 'raiseSeverity') {
    const dimension =
      'severity' in policy.categories ? 'severity' : (Object.keys(policy.categories)[0] ?? '');
    return { type, dimension };
  }
  return { type: 'remind' };
}

/** Adds a duration table (时限表) with no rows yet and a default of one working day. */
export function addDurationTable(draft: Policy, id: string, label: Label): void {
  (draft.durationTables ??= {})[id] = {
    label,
    rows: [],
    default: { amount: 1, unit: 'workingDays' },
  };
}

/**
 * Removes a duration table only: the clocks that read it stay, so the policy check names each in
 * the problems panel.
 */
export function removeDurationTable(draft: Policy, id: string): void {
  delete draft.durationTables?.[id];
}
