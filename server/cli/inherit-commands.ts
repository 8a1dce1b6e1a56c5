/**
 * The consultant's template inheritance: `kesu new --extends`, `kesu extend` (a full policy as
 * overrides), `kesu inherit` (which parts are inherited) and `kesu merge` (a new template version
 * into a policy).
 */
import { basename } from 'node:path';
import { loadPolicyDocument } from '../adapters/files/policy-files.ts';
import {
  isSplitFolder,
  policyFolder,
  TEMPLATE_BASE_FILE,
  writeExtendsFolder,
  writeJson,
} from '../adapters/files/template-base.ts';
import { resolvePolicyArgument } from '../adapters/files/template-library.ts';
import { mergeTemplate } from '../domain/policy/merge-template.ts';
import { describeConflict } from '../messages/merge-messages.ts';
import {
  extendsRefOf,
  inheritanceReport,
  isExtendsForm,
  policyBody,
  templateVersion,
  toExtendsForm,
  type ExtendsRef,
  type PartStatus,
} from '../domain/policy/inheritance.ts';
import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';
import type { CliCommand } from './cli-io.ts';
import { loadPolicy } from './load-policy.ts';
import { UsageError } from './parse-args.ts';
import {
  baseTemplate,
  bundledTemplate,
  InheritError,
  resolveLoaded,
  templateSnapshot,
  type Json,
} from './resolve-loaded.ts';

/**
 * The snapshot of a bundled template and the reference to it. @throws InheritError for no such
 * template
 */
function bundledSnapshot(templateId: string, lang: Lang): { snapshot: Json; ref: ExtendsRef } {
  const template = bundledTemplate(templateId);
  if (!template) throw new InheritError(say(lang, 'noPolicy', templateId));
  const snapshot = templateSnapshot(template);
  return { snapshot, ref: { template: templateId, version: templateVersion(snapshot) } };
}

/**
 * `kesu new <template> <dir> --extends`: a folder that extends the template, with no overrides yet.
 */
export function newExtendsFolder(templateId: string, dir: string, lang: Lang): string[] {
  const { snapshot, ref } = bundledSnapshot(templateId, lang);
  return writeExtendsFolder(dir, { extends: ref, id: basename(dir) }, snapshot);
}

const STATUS_ORDER: PartStatus[] = ['overridden', 'added', 'removed', 'inherited'];

/**
 * `kesu inherit <policy>`: every part, with whether it is inherited, overridden, added or removed.
 */
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

/** Writes a merged policy and the template version it now extends back to its folder. */
function writeMerged(dir: string, document: unknown, theirs: Json, lang: Lang): string {
  const folder = policyFolder(dir);
  if (isSplitFolder(folder)) throw new InheritError(say(lang, 'splitFolder', dir));
  writeJson(folder, 'policy.json', document);
  writeJson(folder, TEMPLATE_BASE_FILE, templateSnapshot(theirs));
  return folder;
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
  if (write) lines.push(say(lang, 'mergeWritten', writeMerged(dir, merged.document, theirs, lang)));
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
  const { snapshot, ref } = bundledSnapshot(templateId, lang);
  const overrides = toExtendsForm(document as Json, snapshot, ref);
  const parts = inheritanceReport(snapshot, overrides, policyBody(document as Json));
  const written = writeExtendsFolder(dir, overrides, snapshot);
  return { written, parts: parts.filter((part) => part.status !== 'inherited').length };
}

/** `kesu inherit <policy>`. */
export const inherit: CliCommand = (parsed, { lang }, io) => {
  const { raw, path } = loadPolicy(parsed.args[0], lang);
  for (const line of inheritLines(path, raw, lang)) io.out(line);
  return 0;
};

/** `kesu extend <policy> <dir> --template <id>`. @throws UsageError for a missing argument */
export const extend: CliCommand = (parsed, { lang }, io) => {
  const [source, dir] = parsed.args;
  const template = parsed.flags.template;
  if (!source || !dir || !template)
    throw new UsageError(say(lang, 'missingArgument', '<policy> <dir> --template <id>'));
  const { raw, path } = loadPolicy(source, lang);
  const { parts } = extendFolder(path, raw, template, dir, lang);
  io.out(say(lang, 'extended', dir, parts));
  return 0;
};

/** `kesu merge <dir> --template <id|path> [--write]`: exit 1 on conflicts. @throws UsageError */
export const merge: CliCommand = (parsed, { lang }, io) => {
  const [dir] = parsed.args;
  const template = parsed.flags.template;
  if (!dir || !template)
    throw new UsageError(say(lang, 'missingArgument', '<dir> --template <id|path>'));
  const merged = mergeFolder(dir, template, parsed.flags.write === 'true', lang);
  for (const line of merged.lines) io.out(line);
  return merged.conflicts > 0 ? 1 : 0;
};
