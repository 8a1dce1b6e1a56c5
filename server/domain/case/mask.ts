/** Masking complainant data (保密) for roles that do not need it. */
import type { Policy } from '../policy/format.ts';
import { readPath, writePath } from '../policy/schema-fields.ts';

/** "13800001234" → "1******1234", "王小明" → "王**": enough to recognise, not enough to use. */
export function maskValue(value: unknown): unknown {
  if (typeof value === 'number') return maskValue(String(value));
  if (typeof value !== 'string' || value === '') return value;
  const chars = [...value];
  if (chars.length <= 3) return chars[0] + '*'.repeat(chars.length - 1);
  const keep = Math.min(4, Math.floor(chars.length / 2.5));
  return chars[0] + '*'.repeat(chars.length - 1 - keep) + chars.slice(-keep).join('');
}

/** True when one of the roles may see the policy's confidential fields unmasked. */
export function seesConfidential(
  policy: Pick<Policy, 'confidentiality'>,
  roles: string[],
): boolean {
  const rule = policy.confidentiality;
  return !rule || rule.roles.some((role) => roles.includes(role));
}

/** The intake with the confidential fields masked, unless the roles may see them. */
export function maskIntake(
  policy: Pick<Policy, 'confidentiality'>,
  intake: Record<string, unknown>,
  roles: string[],
): Record<string, unknown> {
  if (seesConfidential(policy, roles)) return intake;
  let masked = intake;
  for (const field of policy.confidentiality?.fields ?? []) {
    const value = readPath(masked, field);
    if (value !== undefined) masked = writePath(masked, field, maskValue(value));
  }
  return masked;
}
