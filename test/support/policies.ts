/** Builders for tests: the starter policy (a fresh copy each call), a context, an actor. */
import { createAjvValidator } from '../../server/adapters/validation/ajv-validator.ts';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import type { Actor } from '../../server/domain/case/case.ts';
import type { CaseContext } from '../../server/domain/case/open-case.ts';
import type { Policy } from '../../server/domain/policy/format.ts';

const validator = createAjvValidator();

/** The repository's root folder. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** A fresh copy of the starter policy, changed by `change` if given. */
export function buildPolicy(change?: (policy: Policy) => void): Policy {
  const policy = structuredClone(
    loadPolicyDocument(`${ROOT}rulesets/starter/policy.json`),
  ) as Policy;
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
