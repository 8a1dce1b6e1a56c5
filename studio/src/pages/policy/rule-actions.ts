/**
 * A rule's action (its json-rules-engine `event`) as the builder edits it: one of Kesu's closed
 * list of actions, each parameter picked from the policy (dimension and value, role, department,
 * clock, flag, intake field) or typed (a message in both languages). An event of another type, or
 * with parameters the builder does not know, is left to the JSON view.
 */
import type { Policy } from '../../api/types.ts';

/**
 * Kesu's closed list of actions, as server/domain/policy/format/rules.ts has it (a test holds the
 * two equal): restated so that the editor does not load the format's schema library.
 */
export const ACTION_TYPES = [
  'setCategory',
  'assign',
  'requireApproval',
  'startClock',
  'stopClock',
  'pauseClock',
  'resumeClock',
  'notify',
  'flag',
  'setField',
] as const;

/** One of Kesu's actions. */
export type ActionType = (typeof ACTION_TYPES)[number];

/** What a parameter is picked from. */
export type ParamKind =
  | 'dimension'
  | 'categoryValue'
  | 'role'
  | 'department'
  | 'clock'
  | 'flag'
  | 'message'
  | 'field'
  | 'fieldValue';

export type ParamSpec = { key: string; kind: ParamKind; optional?: boolean };

const clock: ParamSpec[] = [{ key: 'clock', kind: 'clock' }];

/** Each action's parameters, in the order the builder shows them (server/domain/policy/format/rules.ts). */
export const ACTION_PARAMS: Record<ActionType, ParamSpec[]> = {
  setCategory: [
    { key: 'dimension', kind: 'dimension' },
    { key: 'value', kind: 'categoryValue' },
  ],
  assign: [
    { key: 'role', kind: 'role', optional: true },
    { key: 'department', kind: 'department', optional: true },
  ],
  requireApproval: [{ key: 'role', kind: 'role' }],
  startClock: clock,
  stopClock: clock,
  pauseClock: clock,
  resumeClock: clock,
  notify: [
    { key: 'role', kind: 'role' },
    { key: 'message', kind: 'message', optional: true },
  ],
  flag: [
    { key: 'flag', kind: 'flag' },
    { key: 'message', kind: 'message', optional: true },
  ],
  setField: [
    { key: 'field', kind: 'field' },
    { key: 'value', kind: 'fieldValue' },
  ],
};

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isActionType = (type: unknown): type is ActionType =>
  typeof type === 'string' && (ACTION_TYPES as readonly string[]).includes(type);

function fitsParam(spec: ParamSpec, value: unknown): boolean {
  if (spec.kind === 'fieldValue') return true;
  if (spec.kind === 'message')
    return isRecord(value) && Object.values(value).every((text) => typeof text === 'string');
  return typeof value === 'string';
}

/** Whether the builder can edit the event: a known action whose parameters it knows. */
export function isEditableEvent(event: unknown): event is { type: ActionType; params?: Json } {
  if (!isRecord(event) || !isActionType(event.type)) return false;
  if (!hasOnlyKeys(event, ['type', 'params'])) return false;
  if (event.params === undefined) return true;
  if (!isRecord(event.params)) return false;
  const specs = ACTION_PARAMS[event.type];
  return Object.entries(event.params).every(([key, value]) => {
    const spec = specs.find((s) => s.key === key);
    return spec !== undefined && fitsParam(spec, value);
  });
}

const hasOnlyKeys = (node: Json, keys: string[]) =>
  Object.keys(node).every((k) => keys.includes(k));

/** A new event of the type, its parameters set to the policy's first choices. */
export function defaultEvent(type: ActionType, policy: Policy): { type: ActionType; params: Json } {
  const [dimension, definition] = Object.entries(policy.categories ?? {})[0] ?? [];
  const firstRole = Object.keys(policy.roles ?? {})[0] ?? '';
  const firstClock = Object.keys(policy.clocks ?? {})[0] ?? '';
  const params: Json = {};
  for (const spec of ACTION_PARAMS[type]) {
    if (spec.optional && spec.kind !== 'role') continue;
    if (spec.kind === 'dimension') params[spec.key] = dimension ?? '';
    if (spec.kind === 'categoryValue')
      params[spec.key] = Object.keys(definition?.values ?? {})[0] ?? '';
    if (spec.kind === 'role') params[spec.key] = firstRole;
    if (spec.kind === 'clock') params[spec.key] = firstClock;
    if (spec.kind === 'flag') params[spec.key] = 'flag';
    if (spec.kind === 'field') params[spec.key] = '';
    if (spec.kind === 'fieldValue') params[spec.key] = '';
  }
  return { type, params };
}

/** A name for a new rule that no rule of the set has ("rule3"). */
export function newRuleName(names: readonly string[]): string {
  let n = names.length + 1;
  while (names.includes(`rule${n}`)) n += 1;
  return `rule${n}`;
}
