/** What the API says on the public complaint form and the complainant's follow link (no sign-in). */
import type { FormDefinition } from '../../domain/policy/format.ts';

/** GET /public/:company/form: the company, the form (public fields only) and the files it takes. */
export type PublicFormAnswer = {
  company: { id: string; name: string };
  /** The form's title and introduction in the language asked for (Accept-Language). */
  title: string;
  intro?: string;
  /** The public part of the intake form, for rjsf (titles in both languages, as the policy has them). */
  form: FormDefinition;
  /** The name of the field the page hides from people (a bot that fills it is refused). */
  honeypot: string;
  attachments: {
    allowed: boolean;
    maxBytes: number;
    types: string[];
    maxPerCase: number;
    /** For how long after filing files may be added with the follow link. */
    windowMinutes: number;
  };
};

/** The body of POST /public/:company/complaints: the form's data, and the hidden field (empty). */
export type PublicComplaintBody = { intake: Record<string, unknown>; website?: string };

/**
 * A filed complaint: its number, and the follow token (in `followPath`, to put after the studio's
 * address) shown this once; only the hash of its secret is kept.
 */
export type FiledComplaintAnswer = {
  number: string;
  receivedAt: string;
  followToken: string;
  followPath: string;
};

/** GET /public/:company/complaints/:token: the complaint's state, nothing internal. */
export type FollowAnswer = {
  number: string;
  receivedAt: string;
  /** The state's name in the language asked for. */
  state: string;
  replied: boolean;
  closed: boolean;
  /** How many files the complaint has. */
  files: number;
  /** Until when files may still be added with the link (absent: no longer, or never). */
  uploadUntil?: string;
  /** The company's time zone (IANA), in which the times are shown. */
  timeZone: string;
};

/** A file added with the follow link: its name as kept, type judged from the content, size. */
export type PublicAttachmentAnswer = { name: string; type: string; size: number };
