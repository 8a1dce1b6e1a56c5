/** The whole policy document, assembled from its parts, with the shared definitions it refers to. */
import { Type, type Static } from '@sinclair/typebox';
import { CalendarDaySchema, CalendarSchema, RangesSchema } from './calendars.ts';
import {
  ClockLevelSchema,
  ClockSchema,
  DurationSchema,
  DurationTableSchema,
  EscalationActionSchema,
  TriggerSchema,
} from './clocks.ts';
import { ActorSchema, ExampleSchema } from './examples.ts';
import { CategoryMatchSchema, CategorySchema, ConfidentialitySchema, FormSchema } from './forms.ts';
import { JsonSchemaSchema, LabelSchema, RuleConditionSchema } from './labels.ts';
import { NumberingSchema } from './numbering.ts';
import { AttachmentLimitsSchema } from './attachments.ts';
import { PublicFormSchema } from './public-form.ts';
import {
  ApprovalRowSchema,
  ApprovalsSchema,
  DepartmentSchema,
  RoleSchema,
} from './roles-approvals.ts';
import { AssessmentSchema, RuleEventSchema, RuleSchema, RuleSetSchema } from './rules.ts';
import { Id, idMap, ref, strictObject, Strings } from './schema-builders.ts';
import { StateSchema, TransitionSchema, WorkflowSchema } from './workflow.ts';
import { EXTENDS_DESCRIPTION } from './extends-description.ts';

/** The shapes policies repeat, emitted once under `definitions` and referred to by `ref(name)`. */
const definitions = {
  label: LabelSchema,
  jsonSchema: JsonSchemaSchema,
  condition: RuleConditionSchema,
  form: FormSchema,
  categoryMatch: CategoryMatchSchema,
  category: CategorySchema,
  role: RoleSchema,
  state: StateSchema,
  transition: TransitionSchema,
  approvalRow: ApprovalRowSchema,
  duration: DurationSchema,
  trigger: TriggerSchema,
  escalationAction: EscalationActionSchema,
  clockLevel: ClockLevelSchema,
  clock: ClockSchema,
  durationTable: DurationTableSchema,
  calendarDay: CalendarDaySchema,
  ranges: RangesSchema,
  calendar: CalendarSchema,
  ruleEvent: RuleEventSchema,
  rule: RuleSchema,
  ruleSet: RuleSetSchema,
  assessment: AssessmentSchema,
  actor: ActorSchema,
  example: ExampleSchema,
};

/** Where a policy's parts come from in the seed documents it was written from. */
export const SourceReferenceSchema = strictObject({
  seed: Type.String(),
  section: Type.String(),
  parts: Strings,
});
/** Where a policy's parts come from in the seed documents it was written from. */
export type SourceReference = Static<typeof SourceReferenceSchema>;

/**
 * A part of a policy its sources do not state (a threshold, a deadline, a role the template chose):
 * the part as sources name parts (`approvals`, `clocks.response`, `ruleSets.level`) and what was
 * assumed, in both languages, so a company adopting the template knows what to confirm.
 */
export const AssumptionSchema = strictObject(
  {
    part: Type.String({ minLength: 1 }),
    note: strictObject({
      'zh-CN': Type.String({ minLength: 1 }),
      en: Type.String({ minLength: 1 }),
    }),
  },
  { description: 'A part of the policy its sources do not state, and what the template assumed.' },
);
/** A part of a policy its sources do not state, and what the template assumed. */
export type Assumption = Static<typeof AssumptionSchema>;

const form = ref('form', FormSchema);
/** The forms by id; the intake form is required. */
const FormsSchema = Type.Unsafe<
  Record<string, Static<typeof form>> & { intake: Static<typeof form> }
>({
  ...idMap(form),
  required: ['intake'],
});

/** The JSON Schema (draft-07) of the policy format: the one definition of a policy document. */
export const PolicySchema = strictObject(
  {
    $schema: Type.Optional(Type.String()),
    extends: Type.Optional(
      strictObject(
        {
          template: Type.String({ minLength: 1, description: 'The template id (kesu templates).' }),
          version: Type.String({
            minLength: 1,
            description:
              "The template version extended: the template's `version`, else its content hash (h-…).",
          }),
        },
        { description: EXTENDS_DESCRIPTION },
      ),
    ),
    version: Type.Optional(
      Type.String({ description: 'A template’s version, named by policies that extend it.' }),
    ),
    id: Id,
    title: ref('label', LabelSchema),
    description: Type.Optional(ref('label', LabelSchema)),
    sources: Type.Optional(Type.Array(SourceReferenceSchema)),
    assumptions: Type.Optional(Type.Array(AssumptionSchema)),
    timeZone: Type.String(),
    roles: idMap(ref('role', RoleSchema)),
    departments: Type.Optional(idMap(DepartmentSchema)),
    forms: FormsSchema,
    categories: idMap(ref('category', CategorySchema)),
    workflow: WorkflowSchema,
    approvals: ApprovalsSchema,
    durationTables: Type.Optional(idMap(ref('durationTable', DurationTableSchema))),
    clocks: idMap(ref('clock', ClockSchema)),
    calendars: idMap(ref('calendar', CalendarSchema)),
    numbering: NumberingSchema,
    ruleSets: Type.Array(ref('ruleSet', RuleSetSchema)),
    assessment: Type.Optional(Type.Array(ref('assessment', AssessmentSchema))),
    confidentiality: Type.Optional(ConfidentialitySchema),
    attachments: Type.Optional(AttachmentLimitsSchema),
    publicForm: Type.Optional(PublicFormSchema),
    examples: Type.Array(ref('example', ExampleSchema)),
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://kesu.dev/schemas/policy.schema.json',
    title: 'Kesu policy',
    description:
      'One company complaint-handling policy: forms, categories, workflow, approval matrix (核决权限), clocks, calendars, numbering, rules and examples.',
    definitions,
  },
);
/** A company's complaint-handling policy, as the domain reads it once it has checked clean. */
export type Policy = Static<typeof PolicySchema>;
