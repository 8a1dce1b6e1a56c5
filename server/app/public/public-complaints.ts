/**
 * The company's public complaint form (网上投诉): read without sign-in, a complaint filed through
 * the same registration as staff intake (channel `web`, by the public, no staff member), a wait
 * after too many complaints from one client address, and the complainant's follow link.
 */
import { publicFormOf, publicIntake } from '../../domain/forms/public-form.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FormDefinition, Lang } from '../../domain/policy/format.ts';
import { attachmentLimits, PUBLIC_UPLOAD_WINDOW_MINUTES } from '../../domain/policy/format.ts';
import { AppError, notFound } from '../app-error.ts';
import { registerCase } from '../cases/register-case.ts';
import { publishedPolicy } from '../policies/published-versions.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { Company, PublishedPolicy } from '../ports/ports.ts';

/** Who the audit names for what the public does (no user of the company). */
export const PUBLIC_ACTOR = 'public:web';
/** Complaints one client address may file within COMPLAINT_WINDOW_SECONDS of the last. */
export const COMPLAINT_LIMIT = 5;
export const COMPLAINT_WINDOW_SECONDS = 600;

/** The public form of a company, as the public reads it. */
export type PublicFormView = {
  company: Pick<Company, 'id' | 'name'>;
  form: FormDefinition;
  /** Files the complainant may add after filing: the policy's limits, or none. */
  attachments: ReturnType<typeof attachmentLimits> & { allowed: boolean; windowMinutes: number };
};

/** A filed complaint: its number and the follow token (`<case id>.<secret>`) shown only now. */
export type FiledComplaint = { number: string; receivedAt: string; token: string };

/** The company and its latest policy, when it publishes a public form. @throws not_found */
async function publicPolicy(deps: AppDeps, companyId: string) {
  const company = await deps.store.companies.get(companyId);
  const version = company && (await publishedPolicy(deps, companyId).catch(() => undefined));
  const form = version && publicFormOf(version.policy);
  if (!company || !version || !form) throw notFound('public form');
  return { company, version, form };
}

function uploadsOf(version: PublishedPolicy): PublicFormView['attachments'] {
  return {
    allowed: version.policy.publicForm?.attachments === true,
    windowMinutes: PUBLIC_UPLOAD_WINDOW_MINUTES,
    ...attachmentLimits(version.policy.attachments),
  };
}

/**
 * The public form of the company (its public fields only) and what files it takes.
 * @throws not_found for an unknown company or one without a public form
 */
export async function readPublicForm(deps: AppDeps, companyId: string): Promise<PublicFormView> {
  const { company, version, form } = await publicPolicy(deps, companyId);
  return { company: { id: company.id, name: company.name }, form, attachments: uploadsOf(version) };
}

/** Seconds until the address may file again (0: now), as the counter stands. */
function waitSeconds(last: { count: number; lastAt: string } | undefined, now: string): number {
  if (!last || last.count < COMPLAINT_LIMIT) return 0;
  const until = Date.parse(last.lastAt) + COMPLAINT_WINDOW_SECONDS * 1000;
  return Math.max(0, Math.ceil((until - Date.parse(now)) / 1000));
}

function tooMany(seconds: number): AppError {
  return new AppError('too_many_complaints', `Too many complaints; wait ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Files a complaint on the public form: the honeypot must be empty, the address under its limit,
 * the fields the public form's; the case is registered like a staff intake, by the public, with
 * channel `web` and the hash of a new follow secret. A complaint counts against the address only
 * once it is valid (kept in the store, so runtimes sharing it count together).
 * @throws not_found, submission_refused (honeypot filled), too_many_complaints (with
 *   `retryAfterSeconds`), form_invalid (every field error; nothing stored)
 */
export async function filePublicComplaint(
  deps: AppDeps,
  input: {
    companyId: string;
    intake: Record<string, unknown>;
    honeypot: string;
    address: string;
    lang: Lang;
  },
): Promise<FiledComplaint> {
  const { version } = await publicPolicy(deps, input.companyId);
  if (input.honeypot !== '') throw new AppError('submission_refused', 'The form was not sent');
  const key = `complaints:${input.address}`;
  const now = deps.now();
  const wait = waitSeconds(await deps.store.attemptCounts.get(key), now);
  if (wait > 0) throw tooMany(wait);
  const intake = publicIntake(version.policy, input.intake, input.lang);
  const errors = deps.validator.validateForm(version.policy.forms.intake, intake, input.lang);
  if (errors.length > 0)
    throw new DomainError(
      'form_invalid',
      'The complaint form has errors',
      { form: 'intake' },
      errors,
    );
  const since = new Date(Date.parse(now) - COMPLAINT_WINDOW_SECONDS * 1000).toISOString();
  // Counted in one step before the case is stored: complaints at once from one address count each.
  const counted = await deps.store.attemptCounts.record(key, now, since);
  if (counted.count > COMPLAINT_LIMIT) throw tooMany(COMPLAINT_WINDOW_SECONDS);
  const secret = deps.newSecret();
  const origin = { channel: 'web' as const, followHash: deps.hashSecret(secret) };
  const actor = { user: PUBLIC_ACTOR, roles: [] };
  const registration = { actor, lang: input.lang, origin };
  const { stored } = await registerCase(deps, input.companyId, intake, registration);
  const { id, number, receivedAt } = stored.case;
  return { number, receivedAt, token: `${id}.${secret}` };
}
