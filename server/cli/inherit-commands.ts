/**
 * The consultant's template inheritance: resolve a policy in extends form, `kesu new --extends`,
 * `kesu inherit` (which parts are inherited) and `kesu merge` (a new template version into a policy).
 */
import { basename } from 'node:path';
import { loadPolicyDocument } from '../adapters/files/policy-files.ts';
import {
  isSplitFolder,
  policyFolder,
  readTemplateBase,
  TEMPLATE_BASE_FILE,
  writeExtendsFolder,
  writeJson,
} from '../adapters/files/template-base.ts';
import { listTemplates, resolvePolicyArgument } from '../adapters/files/template-library.ts';
import { mergeTemplate } from '../domain/policy/merge-template.ts';
import { describeConflict } from '../messages/merge-messages.ts';
import {
  extendsRefOf,
  inheritanceReport,
  isExtendsForm,
  policyBody,
  resolveExtends,
  templateVersion,
  toExtendsForm,
  type ExtendsRef,
  type PartStatus,
} from '../domain/policy/inheritance.ts';
import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';

type Json = Record<string, unknown>;

/** A refused inheritance command (exit 2). */
export class InheritError extends Error {}

function bundled(id: string): Json | undefined {
  const path = listTemplates().some((entry) => entry.id === id)
    ? resolvePolicyArgument(id)
    : undefined;
  return path ? (loadPolicyDocument(path) as Json) : undefined;
}

/** The template version a policy at `path` extends: its template-base.json, or the bundled one. */
export function baseTemplate(path: string, ref: ExtendsRef, lang: Lang): Json {
  const kept = readTemplateBase(path) as Json | undefined;
  if (kept && templateVersion(kept) === ref.version) return kept;
  const current = bundled(ref.template);
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

/** `kesu new <template> <dir> --extends`: a folder that extends the template, with no overrides yet. */
export function newExtendsFolder(templateId: string, dir: string, lang: Lang): string[] {
  const template = bundled(templateId);
  if (!template) throw new InheritError(say(lang, 'noPolicy', templateId));
  const snapshot = policyBody(template);
  if (typeof template.version === 'string') snapshot.version = template.version;
  const ref = { template: templateId, version: templateVersion(snapshot) };
  return writeExtendsFolder(dir, { extends: ref, id: basename(dir) }, snapshot);
}

const STATUS_ORDER: PartStatus[] = ['overridden', 'added', 'removed', 'inherited'];

/** `kesu inherit <policy>`: every part, with whether it is inherited, overridden, added or removed. */
export function inheritLines(path: string, document: unknown, lang: Lang): string[] {
  if (!isExtendsForm(document)) return [say(lang, 'notExtending', path)];
  const { policy, ref, template } = resolveLoaded(path, document, lang);
  const parts = inheritanceReport(template!, document as Json, policy as Json);
  const lines = [say(lang, 'extendsLine', path, ref!.template, ref!.version)];
  for (const status of STATUS_ORDER)
    for (const part of parts.filter((p) => p.status === status)) {
      const inside = part.changes?.length ? `  (${part.changes.join(', ')})` : '';
      lines.push(`  ${say(lang, status).padEnd(lang === 'en' ? 11 : 4)} ${part.path}${inside}`);
    }
  const count = (status: PartStatus) => parts.filter((p) => p.status === status).length;
  lines.push(say(lang, 'inheritTotal', ...STATUS_ORDER.map(count)));
  return lines;
}

/** `kesu merge <dir> --template <id|path> [--write]`: the conflicts in words; writes the merge. */
export function mergeFolder(
  dir: string,
  templateArgument: string,
  write: boolean,
  lang: Lang,
): { lines: string[]; conflicts: number } {
  const document = loadPolicyDocument(dir);
  if (!isExtendsForm(document)) throw new InheritError(say(lang, 'notExtending', dir));
  const ref = extendsRefOf(document);
  const base = baseTemplate(dir, ref, lang);
  const source = resolvePolicyArgument(templateArgument);
  if (!source) throw new InheritError(say(lang, 'noPolicy', templateArgument));
  const theirs = loadPolicyDocument(source) as Json;
  const id = typeof theirs.id === 'string' ? theirs.id : templateArgument;
  const next = { template: id, version: templateVersion(theirs) };
  const merged = mergeTemplate({ base, theirs, document, ref: next });
  const lines = [say(lang, 'mergeLine', ref.template, ref.version, next.version)];
  for (const conflict of merged.conflicts) lines.push(`  ✗ ${describeConflict(conflict, lang)}`);
  lines.push(say(lang, 'mergeTotal', merged.conflicts.length));
  if (write) {
    const folder = policyFolder(dir);
    if (isSplitFolder(folder)) throw new InheritError(say(lang, 'splitFolder', dir));
    writeJson(folder, 'policy.json', merged.document);
    const snapshot = policyBody(theirs);
    if (typeof theirs.version === 'string') snapshot.version = theirs.version;
    writeJson(folder, TEMPLATE_BASE_FILE, snapshot);
    lines.push(say(lang, 'mergeWritten', folder));
  }
  return { lines, conflicts: merged.conflicts.length };
}

/**
 * `kesu extend <policy> <dir> --template <id>`: a full policy rewritten as overrides of a bundled
 * template, in a new folder that resolves to the same policy.
 */
export function extendFolder(
  path: string,
  document: unknown,
  templateId: string,
  dir: string,
  lang: Lang,
): { written: string[]; parts: number } {
  if (isExtendsForm(document)) throw new InheritError(say(lang, 'alreadyExtends', path));
  const template = bundled(templateId);
  if (!template) throw new InheritError(say(lang, 'noPolicy', templateId));
  const snapshot = policyBody(template);
  if (typeof template.version === 'string') snapshot.version = template.version;
  const ref = { template: templateId, version: templateVersion(snapshot) };
  const overrides = toExtendsForm(document as Json, snapshot, ref);
  const parts = inheritanceReport(snapshot, overrides, policyBody(document as Json));
  const written = writeExtendsFolder(dir, overrides, snapshot);
  return { written, parts: parts.filter((part) => part.status !== 'inherited').length };
}
