/**
 * The company's public complaint form (网上投诉, the "web" channel): whether it is published, which
 * intake fields the public sees, the values it sets for them (marking the channel), its heading,
 * and whether the complainant may add files after filing.
 */
import { Type, type Static } from '@sinclair/typebox';
import { LabelSchema } from './labels.ts';
import { anyKeyMap, ref, strictObject } from './schema-builders.ts';

/** How long after filing the complainant may add files with the follow link. */
export const PUBLIC_UPLOAD_WINDOW_MINUTES = 60;

/** The public complaint form of a company; absent or not enabled: the company has none. */
export const PublicFormSchema = strictObject(
  {
    enabled: Type.Boolean({ description: 'Whether the form is published at its public link.' }),
    title: Type.Optional(ref('label', LabelSchema)),
    intro: Type.Optional(ref('label', LabelSchema)),
    fields: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        uniqueItems: true,
        description:
          'The intake fields the public sees, in order ("customer" shows the group, "customer.name" one field of it); all of them when left out. Every required field not shown must be set by `set`.',
      }),
    ),
    set: Type.Optional(
      anyKeyMap(
        Type.Unsafe<string | number | boolean>({
          type: ['string', 'number', 'boolean'],
          description:
            'Intake field → the value every public complaint gets (e.g. channel: "web").',
        }),
      ),
    ),
    attachments: Type.Optional(
      Type.Boolean({
        description:
          'Whether the complainant may add files (within the policy’s attachment limits) for an hour after filing; false by default.',
      }),
    ),
  },
  { description: 'The company’s public complaint form: shown without sign-in at its public link.' },
);
/** The company's public complaint form as written. */
export type PublicForm = Static<typeof PublicFormSchema>;
