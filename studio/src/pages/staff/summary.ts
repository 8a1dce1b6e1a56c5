/** Short texts about a case for lists: what the complaint is about, who it is assigned to. */
import type { CaseSummary, Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

const SUMMARY_FIELDS = ['description', 'content', 'subject', 'summary'];

function firstText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (value && typeof value === 'object')
    for (const child of Object.values(value)) {
      const found = firstText(child);
      if (found) return found;
    }
  return undefined;
}

/** The complaint's description (or its first text), shortened. */
export function intakeSummary(intake: Record<string, unknown>, max = 48): string {
  const named = SUMMARY_FIELDS.map((key) => intake[key]).find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const text = named ?? firstText(intake) ?? '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The customer's name as the intake gives it (company, or person), if any. */
export function customerOf(intake: Record<string, unknown>): string {
  const customer = intake.customer;
  if (customer && typeof customer === 'object') {
    const c = customer as Record<string, unknown>;
    return String(c.company ?? c.name ?? '');
  }
  return String(intake.customerName ?? '');
}

/** "role label · department label" of an assignment. */
export function assigneeText(
  policy: Policy,
  assignee: CaseSummary['assignee'],
  lang: string,
  userName?: string,
): string {
  const parts = [
    assignee.role ? labelText(policy.roles[assignee.role]?.label, lang) || assignee.role : '',
    assignee.department && assignee.department !== assignee.role
      ? labelText(policy.departments?.[assignee.department]?.label, lang) || assignee.department
      : '',
    userName ?? '',
  ];
  return parts.filter(Boolean).join(' · ') || '—';
}
