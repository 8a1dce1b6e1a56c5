/**
 * The complainant's follow link: the state of a complaint filed on the public form, in words and
 * without internal details, and files added with it for a while after filing. The link's token is
 * `<case id>.<secret>`; only the secret's hash is stored, and any other token is not found.
 */
import type { Label, Lang } from '../../domain/policy/format.ts';
import { attachmentLimits, PUBLIC_UPLOAD_WINDOW_MINUTES } from '../../domain/policy/format.ts';
import { AppError, notFound } from '../app-error.ts';
import { attachToCase, type AttachmentUpload } from '../cases/attachments.ts';
import { publishedPolicy } from '../policies/published-versions.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { Attachment, PublishedPolicy, StoredCase } from '../ports/ports.ts';
import { PUBLIC_ACTOR } from './public-complaints.ts';

/** What the complainant may know of their complaint. */
export type FollowView = {
  number: string;
  receivedAt: string;
  /** The workflow state's name in the reader's language. */
  state: string;
  replied: boolean;
  closed: boolean;
  /** Files on the complaint, and until when (if at all) more may be added with the link. */
  files: number;
  uploadUntil?: string;
  /** The company's time zone, in which the page shows the times. */
  timeZone: string;
};

/** The case the token is for, filed on the public form of the company. @throws not_found */
async function followedCase(deps: AppDeps, companyId: string, token: string) {
  const [caseId = '', secret = ''] = token.split('.', 2);
  const stored = caseId && secret ? await deps.store.cases.get(companyId, caseId) : undefined;
  if (!stored || stored.case.origin?.followHash !== deps.hashSecret(secret))
    throw notFound('complaint');
  return { stored, version: await publishedPolicy(deps, companyId, stored.policyVersion) };
}

const labelIn = (label: Label | undefined, lang: Lang) =>
  (lang === 'en' ? label?.en : undefined) || label?.['zh-CN'];

/** Until when files may be added: the window after filing, if the case's policy takes files. */
function uploadUntil(stored: StoredCase, version: PublishedPolicy): string | undefined {
  if (version.policy.publicForm?.attachments !== true) return undefined;
  const until = Date.parse(stored.case.receivedAt) + PUBLIC_UPLOAD_WINDOW_MINUTES * 60_000;
  return new Date(until).toISOString();
}

/**
 * The complaint's state for its follow link: number, received time, state in words, whether it was
 * replied to or closed — no assignee, notes, amounts or audit.
 * @throws not_found for a wrong token or another company's
 */
export async function followComplaint(
  deps: AppDeps,
  companyId: string,
  token: string,
  lang: Lang,
): Promise<FollowView> {
  const { stored, version } = await followedCase(deps, companyId, token);
  const { policy } = version;
  const replies = new Set(
    policy.workflow.transitions.filter((t) => t.effect === 'reply').map((t) => t.id),
  );
  const audit = await deps.store.audit.forCase(companyId, stored.case.id);
  const until = uploadUntil(stored, version);
  return {
    number: stored.case.number,
    receivedAt: stored.case.receivedAt,
    state: labelIn(policy.workflow.states[stored.case.state]?.label, lang) ?? stored.case.state,
    replied: audit.some((entry) => replies.has(entry.action)),
    closed: stored.case.terminal !== undefined,
    files: (await deps.store.attachments.list(companyId, stored.case.id)).length,
    ...(until && Date.parse(until) > Date.parse(deps.now()) ? { uploadUntil: until } : {}),
    timeZone: policy.timeZone,
  };
}

/**
 * The attachment limits for a file sent with the follow link, read before its body is.
 * @throws not_found (wrong token), public_upload_closed (the form takes no files, or the window
 *   after filing has passed)
 */
export async function publicUploadLimits(deps: AppDeps, companyId: string, token: string) {
  const { stored, version } = await followedCase(deps, companyId, token);
  const until = uploadUntil(stored, version);
  if (!until || Date.parse(until) <= Date.parse(deps.now()))
    throw new AppError('public_upload_closed', 'Files can no longer be added', {
      ...(until ? { until } : {}),
    });
  return { stored, limits: attachmentLimits(version.policy.attachments) };
}

/**
 * Adds a file to the complaint with its follow link, within the case's attachment limits (type
 * from content, size, count), by the public.
 * @throws not_found, public_upload_closed, attachment_missing, attachment_too_large,
 *   attachment_type_not_allowed, attachment_too_many
 */
export async function addPublicAttachment(
  deps: AppDeps,
  companyId: string,
  token: string,
  upload: AttachmentUpload,
): Promise<Attachment> {
  const { stored, limits } = await publicUploadLimits(deps, companyId, token);
  return attachToCase(deps, stored, limits, upload, PUBLIC_ACTOR);
}
