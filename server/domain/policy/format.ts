/**
 * The policy format: one document per company policy. Each part is defined once, with TypeBox,
 * under ./format/; the types below are derived from those definitions, and
 * `schemas/policy.schema.json` is generated from `PolicySchema` (npm run schema:policy).
 */
export * from './format/labels.ts';
export * from './format/forms.ts';
export * from './format/roles-approvals.ts';
export * from './format/workflow.ts';
export * from './format/clocks.ts';
export * from './format/calendars.ts';
export * from './format/numbering.ts';
export * from './format/rules.ts';
export * from './format/examples.ts';
export * from './format/attachments.ts';
export * from './format/public-form.ts';
export * from './format/policy.ts';
