/** Builders for tests: the starter policy (a fresh copy each call), a context, an actor. */
import { createAjvValidator } from '../../server/adapters/validation/ajv-validator.ts';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import type { Actor } from '../../server/domain/case/case.ts';
import type { CaseContext } from '../../server/domain/case/open-case.ts';
import { checkPolicy } from '../../server/domain/policy/check/check-policy.ts';
import type { Policy } from '../../server/domain/policy/format.ts';

const validator = createAjvValidator();

/** The repository's root folder. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** The document as a policy that checks clean; throws with its problems otherwise. */
export function checkedPolicy(document: unknown): Policy {
  const checked = checkPolicy(document, validator, 'en');
  if (!checked.ok)
    throw new Error(`not a clean policy: ${JSON.stringify(checked.problems, null, 2)}`);
  return checked.policy;
}

/** The policy file or folder under the repository ("rulesets/starter/policy.json"), checked clean. */
export function loadCheckedPolicy(path: string): Policy {
  return checkedPolicy(loadPolicyDocument(`${ROOT}${path}`));
}

let starter: Policy | undefined;

/** A fresh copy of the starter policy, changed by `change` if given. */
export function buildPolicy(change?: (policy: Policy) => void): Policy {
  starter ??= loadCheckedPolicy('rulesets/starter/policy.json');
  const policy = structuredClone(starter);
  change?.(policy);
  return policy;
}

/** A case context for a policy, with the real ajv validator. */
export function buildContext(policy: Policy = buildPolicy()): CaseContext {
  return { policy, validator, lang: 'en' };
}

/** The shared ajv validator. */
export function testValidator() {
  return validator;
}

/** An actor with the given roles. */
export function actor(user: string, ...roles: string[]): Actor {
  return { user, roles };
}

/** A valid intake for the starter policy. */
export function starterIntake(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerName: '王女士',
    phone: '13800000000',
    description: '收到的商品有划痕',
    amountSought: 200,
    ...overrides,
  };
}
