/**
 * Policy checks of attachments: known types and limits within the platform's; attachment fields
 * (附件) only on stage forms, accepting only types the policy allows.
 */
import type { ProblemSink } from './check-sink.ts';
import { ACCEPT_KEYWORD, isAttachmentSchema } from '../../forms/attachment-fields.ts';
import {
  ATTACHMENT_MAX_BYTES_CEILING,
  ATTACHMENT_MAX_PER_CASE_CEILING,
  ATTACHMENT_TYPES,
  attachmentLimits,
  type JsonSchema,
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

/** Every attachment field of a schema: its path inside the schema and its subschema. */
function attachmentFields(schema: unknown, at: string[] = []): [string[], JsonSchema][] {
  if (!schema || typeof schema !== 'object') return [];
  if (isAttachmentSchema(schema as JsonSchema)) return [[at, schema as JsonSchema]];
  return Object.entries(schema).flatMap(([key, value]) => attachmentFields(value, [...at, key]));
}

/** The field a path inside a schema names: ".photos" for properties/photos/items. */
function fieldName(at: string[]): string {
  const names = at.filter((part, i) => at[i - 1] === 'properties');
  return names.length ? `.${names.join('.')}` : '.';
}

/**
 * `form_attachment_on_intake` for an attachment field on the intake form, and
 * `form_attachment_type_not_allowed` for a type its `x-accept` lists that the policy does not allow.
 */
export function checkAttachmentFields(policy: Policy, sink: ProblemSink): void {
  const allowed = attachmentLimits(policy.attachments).types;
  for (const [form, definition] of Object.entries(policy.forms)) {
    for (const [at, field] of attachmentFields(definition.schema)) {
      const path = ['forms', form, 'schema', ...at];
      if (form === 'intake') sink.add(path, 'form_attachment_on_intake', { field: fieldName(at) });
      const accept = field[ACCEPT_KEYWORD];
      if (!Array.isArray(accept)) continue;
      accept.forEach((type, i) => {
        if (typeof type === 'string' && !allowed.includes(type))
          sink.add([...path, ACCEPT_KEYWORD, i], 'form_attachment_type_not_allowed', {
            form,
            field: fieldName(at),
            type,
            allowed: allowed.join(', '),
          });
      });
    }
  }
}
