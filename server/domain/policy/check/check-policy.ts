/**
 * checkPolicy: every problem of a policy document, each with its JSON Pointer path — the shape
 * against the policy format's schema first, then what the schema cannot see (references, bands,
 * reachability, numbering). Shape problems carry the schema validator's message; the others are
 * codes with parameters, worded where they are shown.
 */
import { checkApprovals } from './check-approvals.ts';
import { checkAssumptions } from './check-assumptions.ts';
import { checkAttachmentFields, checkAttachments } from './check-attachments.ts';
import { checkAssessment } from './check-assessment.ts';
import { checkFormMessages } from './check-form-messages.ts';
import { checkPublicForm } from './check-public-form.ts';
import { checkRules } from './check-rules.ts';
import type { CheckProblem } from './check-codes.ts';
import { createProblemSink, type ProblemSink } from './check-sink.ts';
import { checkCalendars, checkClocks, checkNumbering } from './check-time.ts';
import { checkWorkflow } from './check-workflow.ts';
import type { Lang, Policy } from '../format.ts';
import { hasField } from '../schema-fields.ts';
import type { PolicyProblem, SchemaValidator } from '../../validator.ts';

/**
 * What a check makes of a document: the policy it is, or the problems that keep it from being one —
 * shape problems (with the validator's message) or check problems (code and parameters); callers
 * that have worded the problems hold a PolicyCheck<PolicyProblem>.
 */
export type PolicyCheck<P = PolicyProblem | CheckProblem> =
  { ok: true; policy: Policy; problems: [] } | { ok: false; problems: P[] };

/**
 * The document as a policy if it has the format's shape (the JSON Schema generated from
 * PolicySchema), else its shape problems, which the validator words in `lang`; references between
 * its parts are not looked at.
 */
export function checkPolicyShape(
  document: unknown,
  validator: SchemaValidator,
  lang: Lang = 'en',
): PolicyCheck<PolicyProblem> {
  const shape = validator.policyShapeErrors(document, lang);
  return hasPolicyShape(document, shape)
    ? { ok: true, policy: document, problems: [] }
    : { ok: false, problems: shape };
}

// The schema the validator checks against is generated from PolicySchema, so no shape error means
// the document is a Policy.
function hasPolicyShape(_document: unknown, shapeErrors: PolicyProblem[]): _document is Policy {
  return shapeErrors.length === 0;
}

/** The document as a policy that may be published, or every problem it has (shape problems worded in `lang`). */
export function checkPolicy(
  document: unknown,
  validator: SchemaValidator,
  lang: Lang = 'en',
): PolicyCheck {
  const shaped = checkPolicyShape(document, validator, lang);
  if (!shaped.ok) return shaped;
  const { policy } = shaped;
  const sink = createProblemSink();
  checkForms(policy, validator, sink, lang);
  checkFormMessages(policy, sink);
  checkCategories(policy, sink);
  checkRoles(policy, sink);
  checkConfidentiality(policy, sink);
  checkWorkflow(policy, sink);
  checkApprovals(policy, sink);
  checkClocks(policy, sink);
  checkCalendars(policy, sink);
  checkNumbering(policy, sink);
  checkRules(policy, sink);
  checkAssessment(policy, sink);
  checkExamples(policy, sink);
  checkAssumptions(policy, sink);
  checkAttachments(policy, sink);
  checkAttachmentFields(policy, sink);
  checkPublicForm(policy, sink);
  return sink.problems.length === 0 ? shaped : { ok: false, problems: sink.problems };
}

// Forms are validated by the server and rendered by the studio with draft-07 validators only.
const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

function checkForms(
  policy: Policy,
  validator: SchemaValidator,
  sink: ProblemSink,
  lang: Lang,
): void {
  for (const [id, form] of Object.entries(policy.forms)) {
    const at = ['forms', id, 'schema'];
    // An intake is always an object; a form of another type would publish and then refuse every one.
    if (form.schema.type !== 'object')
      sink.add([...at, 'type'], 'form_not_object', {
        form: id,
        type: JSON.stringify(form.schema.type ?? null),
      });
    const version = form.schema.$schema;
    if (version !== undefined && (typeof version !== 'string' || !DRAFT_07.test(version))) {
      sink.add([...at, '$schema'], 'form_schema_version', { form: id, version: String(version) });
      continue;
    }
    for (const { path, message } of validator.compileErrors(form.schema, lang)) {
      const inside = path
        .split('/')
        .slice(1)
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
      sink.add([...at, ...inside], 'form_schema_invalid', {
        form: id,
        reason: message,
      });
    }
  }
}

function checkCategories(policy: Policy, sink: ProblemSink): void {
  for (const [id, dimension] of Object.entries(policy.categories)) {
    const at = ['categories', id];
    if (dimension.default !== undefined && !dimension.values[dimension.default]) {
      sink.add([...at, 'default'], 'unknown_category_value', {
        dimension: id,
        value: dimension.default,
      });
    }
    (dimension.order ?? []).forEach((value, i) => {
      if (!dimension.values[value])
        sink.add([...at, 'order', i], 'unknown_category_value', { dimension: id, value });
    });
    if (dimension.field !== undefined && !hasField(policy.forms.intake.schema, dimension.field)) {
      sink.add([...at, 'field'], 'unknown_field', { field: dimension.field, form: 'intake' });
    }
  }
}

function checkConfidentiality(policy: Policy, sink: ProblemSink): void {
  const rule = policy.confidentiality;
  if (!rule) return;
  rule.fields.forEach((field, i) => {
    if (!hasField(policy.forms.intake.schema, field))
      sink.add(['confidentiality', 'fields', i], 'unknown_field', { field, form: 'intake' });
  });
  rule.roles.forEach((role, i) => {
    if (role !== 'admin' && !policy.roles[role])
      sink.add(['confidentiality', 'roles', i], 'unknown_role', { role });
  });
}

function checkRoles(policy: Policy, sink: ProblemSink): void {
  for (const [id, role] of Object.entries(policy.roles)) {
    if (role.department !== undefined && !policy.departments?.[role.department]) {
      sink.add(['roles', id, 'department'], 'unknown_department', { department: role.department });
    }
  }
}

function checkExamples(policy: Policy, sink: ProblemSink): void {
  const ids = new Set<string>();
  const transitions = new Set(policy.workflow.transitions.map((transition) => transition.id));
  policy.examples.forEach((example, index) => {
    const at = ['examples', index];
    if (ids.has(example.id)) sink.add([...at, 'id'], 'duplicate_id', { id: example.id });
    ids.add(example.id);
    (example.steps ?? []).forEach((step, i) => {
      step.actor.roles.forEach((role, r) => {
        if (!policy.roles[role])
          sink.add([...at, 'steps', i, 'actor', 'roles', r], 'unknown_role', { role });
      });
      if (!transitions.has(step.transition)) {
        sink.add([...at, 'steps', i, 'transition'], 'unknown_transition', {
          transition: step.transition,
        });
      }
    });
    for (const [dimension, value] of Object.entries(example.expect.categories ?? {})) {
      const definition = policy.categories[dimension];
      if (!definition)
        sink.add([...at, 'expect', 'categories', dimension], 'unknown_category', { dimension });
      else if (!definition.values[value]) {
        sink.add([...at, 'expect', 'categories', dimension], 'unknown_category_value', {
          dimension,
          value,
        });
      }
    }
    for (const clock of Object.keys(example.expect.due ?? {})) {
      if (!policy.clocks[clock])
        sink.add([...at, 'expect', 'due', clock], 'unknown_clock', { clock });
    }
  });
}
