/**
 * Limits on the files a case may carry (photos of the product, a signed receipt): how large, of
 * which types and how many. Types are media types recognised from a file's content, never from
 * its name; `text/plain` (which no signature identifies) is allowed only when listed.
 */
import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from './schema-builders.ts';

/**
 * The media types Kesu recognises from a file's content (by signature), and `text/plain`: UTF-8
 * text without control characters, accepted only where a policy lists it.
 */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/tiff',
  'image/bmp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'video/mp4',
  'video/quicktime',
  'audio/mpeg',
  'text/plain',
] as const;

/** The largest file any policy may allow (an upload is held in memory while it is checked). */
export const ATTACHMENT_MAX_BYTES_CEILING = 50 * 1024 * 1024;
/** The most files any policy may allow on one case. */
export const ATTACHMENT_MAX_PER_CASE_CEILING = 200;

/** The limits a policy without `attachments` (or without one of its fields) has. */
export const DEFAULT_ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
  maxPerCase: 20,
};

/** A policy's attachment limits; each field left out takes its default. */
export const AttachmentLimitsSchema = strictObject(
  {
    maxBytes: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Largest file in bytes; 10 MiB by default.' }),
    ),
    types: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9.+-]+/[a-z0-9.+-]+$' }), {
        description:
          'Media types allowed, recognised from the content: JPEG, PNG, WebP, HEIC and PDF by default; text/plain only when listed.',
      }),
    ),
    maxPerCase: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Most files on one case; 20 by default.' }),
    ),
  },
  { description: 'Limits on files attached to cases: size, media types (from content), count.' },
);
/** A policy's attachment limits as written. */
export type AttachmentLimitsInput = Static<typeof AttachmentLimitsSchema>;
/** Attachment limits with every default filled in. */
export type AttachmentLimits = Required<AttachmentLimitsInput>;

/** The policy's attachment limits, defaults filled in. */
export function attachmentLimits(written: AttachmentLimitsInput | undefined): AttachmentLimits {
  return {
    maxBytes: written?.maxBytes ?? DEFAULT_ATTACHMENT_LIMITS.maxBytes,
    types: written?.types ?? [...DEFAULT_ATTACHMENT_LIMITS.types],
    maxPerCase: written?.maxPerCase ?? DEFAULT_ATTACHMENT_LIMITS.maxPerCase,
  };
}
