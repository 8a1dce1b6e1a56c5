/** A policy in extends form resolved against the template version it extends. */
import { loadPolicyDocument } from '../adapters/files/policy-files.ts';
import { readTemplateBase } from '../adapters/files/template-base.ts';
import { listTemplates, resolvePolicyArgument } from '../adapters/files/template-library.ts';
import {
  extendsRefOf,
  isExtendsForm,
  policyBody,
  resolveExtends,
  templateVersion,
  type ExtendsRef,
} from '../domain/policy/inheritance.ts';
import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';

/** A policy document as plain JSON. */
export type Json = Record<string, unknown>;

/** A refused inheritance command (exit 2). */
export class InheritError extends Error {}

/** The bundled template with this id, if there is one. */
export function bundledTemplate(id: string): Json | undefined {
  const path = listTemplates().some((entry) => entry.id === id)
    ? resolvePolicyArgument(id)
    : undefined;
  return path ? (loadPolicyDocument(path) as Json) : undefined;
}

/** What a policy extending `template` keeps of it: its body, with the template's version string. */
export function templateSnapshot(template: Json): Json {
  const snapshot = policyBody(template);
  if (typeof template.version === 'string') snapshot.version = template.version;
  return snapshot;
}

/**
 * The template version a policy at `path` extends: its template-base.json, or the bundled one.
 * @throws InheritError when neither is that version
 */
export function baseTemplate(path: string, ref: ExtendsRef, lang: Lang): Json {
  const kept = readTemplateBase(path) as Json | undefined;
  if (kept && templateVersion(kept) === ref.version) return kept;
  const current = bundledTemplate(ref.template);
  if (!current) throw new InheritError(say(lang, 'noPolicy', ref.template));
  if (templateVersion(current) !== ref.version)
    throw new InheritError(
      say(lang, 'versionUnavailable', ref.template, ref.version, templateVersion(current)),
    );
  return current;
}

/** What a loaded document stands for: itself, or for the extends form the policy it resolves to. */
export function resolveLoaded(
  path: string,
  document: unknown,
  lang: Lang,
): { policy: unknown; ref?: ExtendsRef; template?: Json } {
  if (!isExtendsForm(document)) return { policy: document };
  const ref = extendsRefOf(document);
  const template = baseTemplate(path, ref, lang);
  return { policy: resolveExtends(template, document), ref, template };
}
