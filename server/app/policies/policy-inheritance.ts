/**
 * A company's policy and its template: export and import of the draft, which parts are inherited,
 * and merging a new template version into the draft.
 */
import { DomainError } from '../../domain/errors.ts';
import { mergeTemplate, type MergeConflict } from '../../domain/policy/merge-template.ts';
import {
  inheritanceReport,
  isExtendsForm,
  type ExtendsRef,
  type InheritedPart,
} from '../../domain/policy/inheritance.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { currentTemplate, resolveDraft, withPrefix } from './draft-resolution.ts';
import { adminOf, checkDocument, getDraft, saveDraftDocument } from './policy-lifecycle.ts';
import type { CheckedProblem } from './policy-problems.ts';
import type { PolicyDraft } from '../ports/ports.ts';

type Json = Record<string, unknown>;

/** The draft as a file: the document as stored, or (`full`) the full policy it resolves to. */
export async function exportDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  form: 'stored' | 'full',
): Promise<{ filename: string; document: unknown }> {
  const draft = await getDraft(deps, context, companyId);
  const document = form === 'full' ? resolveDraft(deps, draft).policy : draft.document;
  const date = deps.now().slice(0, 10);
  return { filename: `kesu-${companyId}-policy-draft-${date}.json`, document };
}

/**
 * Replaces the draft with an imported document — a full policy or one in extends form — once it
 * resolves and has the policy format's shape; the remaining check problems are returned.
 * @throws invalid_request, override_invalid, unknown_template, template_version_unavailable,
 * policy_invalid (each naming the field), stale_version; nothing changes on any of them
 */
export async function importDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  document: unknown,
  expectedVersion: unknown,
): Promise<{ draft: PolicyDraft; problems: CheckedProblem[] }> {
  await adminOf(deps, context, companyId);
  if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion))
    throw invalid('.expectedVersion', 'required integer');
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    throw invalid('.document', 'must be a policy document (a JSON object)');
  const current = await deps.store.policies.getDraft(companyId);
  const { policy } = resolveDraft(deps, { document, base: current?.base }, '.document');
  const shape = deps.validator.policyShapeErrors(policy, context.lang);
  if (shape.length > 0)
    throw new DomainError(
      'policy_invalid',
      'The document is not a policy',
      { problems: shape },
      shape.map((problem) => ({
        property: `.document${problem.path.replace(/\//g, '.')}`,
        message: problem.message,
      })),
    );
  const draft = await saveDraftDocument(deps, context, companyId, document, expectedVersion);
  return {
    draft: withoutBase(draft),
    problems: checkDocument(deps, policy, context.lang).problems,
  };
}

/** The draft record without the template snapshot it keeps. */
export function withoutBase(draft: PolicyDraft): PolicyDraft {
  const { base: _base, ...rest } = draft;
  return rest;
}

function invalid(property: string, message: string): AppError {
  return new AppError('invalid_request', `${property.slice(1)}: ${message}`, {}, [
    { property, message },
  ]);
}

/** Of every part of the draft: inherited from the template, overridden, added or removed. */
export async function draftInheritance(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<{ extends: ExtendsRef | null; parts: InheritedPart[] }> {
  const draft = await getDraft(deps, context, companyId);
  if (!isExtendsForm(draft.document)) return { extends: null, parts: [] };
  const { policy, ref, template } = resolveDraft(deps, draft);
  const parts = inheritanceReport(template!.policy, draft.document as Json, policy as Json);
  return { extends: ref!, parts };
}

export type DraftMerge = {
  document: Json;
  policy: Json;
  /** The edges word each conflict. */
  conflicts: MergeConflict[];
  problems: CheckedProblem[];
  /** The saved draft's version when applied. */
  applied?: number;
};

/**
 * Merges the current version of a template into the draft (three-way, from the version it extends);
 * with `apply`, saves the merge as the draft.
 * @throws invalid_request, not_extending, unknown_template, override_invalid, stale_version
 */
export async function mergeDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  input: { template: unknown; apply: unknown; expectedVersion: unknown },
): Promise<DraftMerge> {
  const draft = await getDraft(deps, context, companyId);
  if (typeof input.template !== 'string' || input.template === '')
    throw invalid('.template', 'required template id');
  if (input.apply !== undefined && typeof input.apply !== 'boolean')
    throw invalid('.apply', 'must be true or false');
  if (input.expectedVersion !== undefined && typeof input.expectedVersion !== 'number')
    throw invalid('.expectedVersion', 'must be a number');
  if (!isExtendsForm(draft.document))
    throw new AppError('not_extending', 'The draft does not extend a template', {}, [
      { property: '.document.extends', message: 'missing' },
    ]);
  const document = draft.document as Json;
  const { template: base } = resolveDraft(deps, draft);
  const theirs = currentTemplate(deps, input.template);
  const ref = { template: theirs.template, version: theirs.version };
  const merged = withPrefix('.document', () =>
    mergeTemplate({ base: base!.policy, theirs: theirs.policy, document, ref }),
  );
  const result: DraftMerge = {
    document: merged.document,
    policy: merged.policy,
    conflicts: merged.conflicts,
    problems: checkDocument(deps, merged.policy, context.lang).problems,
  };
  if (input.apply !== true) return result;
  const expected = (input.expectedVersion as number | undefined) ?? draft.version;
  const saved = await saveDraftDocument(deps, context, companyId, merged.document, expected);
  return { ...result, applied: saved.version };
}
