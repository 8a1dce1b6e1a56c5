/** Policy checks of the attachment limits: known types, and limits within the platform's. */
import type { ProblemSink } from './check-sink.ts';
import {
  ATTACHMENT_MAX_BYTES_CEILING,
  ATTACHMENT_MAX_PER_CASE_CEILING,
  ATTACHMENT_TYPES,
  type Policy,
} from '../format.ts';

const KNOWN: ReadonlySet<string> = new Set(ATTACHMENT_TYPES);

/**
 * `attachment_type_unknown` for a type Kesu cannot recognise from content, and
 * `attachment_limit_too_high` for a size or count above the platform's ceiling.
 */
export function checkAttachments(policy: Policy, sink: ProblemSink): void {
  const limits = policy.attachments;
  if (!limits) return;
  (limits.types ?? []).forEach((type, i) => {
    if (!KNOWN.has(type))
      sink.add(['attachments', 'types', i], 'attachment_type_unknown', {
        type,
        known: ATTACHMENT_TYPES.join(', '),
      });
  });
  if (limits.maxBytes !== undefined && limits.maxBytes > ATTACHMENT_MAX_BYTES_CEILING)
    sink.add(['attachments', 'maxBytes'], 'attachment_limit_too_high', {
      limit: 'maxBytes',
      value: limits.maxBytes,
      ceiling: ATTACHMENT_MAX_BYTES_CEILING,
    });
  if (limits.maxPerCase !== undefined && limits.maxPerCase > ATTACHMENT_MAX_PER_CASE_CEILING)
    sink.add(['attachments', 'maxPerCase'], 'attachment_limit_too_high', {
      limit: 'maxPerCase',
      value: limits.maxPerCase,
      ceiling: ATTACHMENT_MAX_PER_CASE_CEILING,
    });
}
