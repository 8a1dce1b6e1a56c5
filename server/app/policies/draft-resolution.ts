/**
 * Drafts in extends form: the template version they extend (the draft's own snapshot, or the bundled
 * template when its version matches) and the full policy they resolve to.
 */
import { DomainError } from '../../domain/errors.ts';
import {
  extendsRefOf,
  isExtendsForm,
  resolveExtends,
  templateVersion,
  type ExtendsRef,
} from '../../domain/policy/inheritance.ts';
import type { PolicyProblem } from '../../domain/validator.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { PolicyDraft, TemplateSnapshot } from '../ports/ports.ts';

type Json = Record<string, unknown>;

/** The bundled template's current version. @throws unknown_template */
export function currentTemplate(deps: AppDeps, id: string, field = '.template'): TemplateSnapshot {
  const policy = deps.templates.load(id) as Json | undefined;
  if (!policy)
    throw new AppError('unknown_template', `No template ${id}`, { template: id }, [
      { property: field, message: 'unknown template' },
    ]);
  return { template: id, version: templateVersion(policy), policy };
}

/**
 * The template version a reference names: the snapshot kept with the draft, or the bundled one.
 * @throws unknown_template, template_version_unavailable (naming `.extends.template` / `.extends.version`)
 */
export function templateFor(
  deps: AppDeps,
  ref: ExtendsRef,
  snapshot?: TemplateSnapshot,
  prefix = '',
): TemplateSnapshot {
  if (snapshot && snapshot.template === ref.template && snapshot.version === ref.version)
    return snapshot;
  const current = currentTemplate(deps, ref.template, `${prefix}.extends.template`);
  if (current.version !== ref.version)
    throw new AppError(
      'template_version_unavailable',
      `Template ${ref.template} is at version ${current.version}, not ${ref.version}`,
      { template: ref.template, version: ref.version, available: current.version },
      [{ property: `${prefix}.extends.version`, message: `available: ${current.version}` }],
    );
  return current;
}

/** What a draft stands for: the full policy, and for the extends form the reference and template. */
export type ResolvedDraft = { policy: unknown; ref?: ExtendsRef; template?: TemplateSnapshot };

/**
 * Resolves a draft document.
 * @throws override_invalid, unknown_template, template_version_unavailable
 */
export function resolveDraft(
  deps: AppDeps,
  draft: Pick<PolicyDraft, 'document' | 'base'>,
  prefix = '',
): ResolvedDraft {
  if (!isExtendsForm(draft.document)) return { policy: draft.document };
  const document = draft.document as Json;
  const ref = withPrefix(prefix, () => extendsRefOf(document));
  const template = templateFor(deps, ref, draft.base, prefix);
  return {
    policy: withPrefix(prefix, () => resolveExtends(template.policy, document)),
    ref,
    template,
  };
}

/** Runs `fn`, putting `prefix` before the field paths of a domain error it throws. */
export function withPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof DomainError) || prefix === '') throw error;
    throw new DomainError(
      error.code,
      error.message,
      error.details,
      error.fieldErrors.map((field) => ({ ...field, property: prefix + field.property })),
    );
  }
}

/** The problems that keep a draft from resolving, as check problems; undefined when it resolves. */
export function resolutionProblems(error: unknown): PolicyProblem[] | undefined {
  if (!(error instanceof DomainError || error instanceof AppError)) return undefined;
  return error.fieldErrors.map((field) => ({
    path: field.property.replace(/\./g, '/'),
    code: error.code,
    message: field.message,
  }));
}
