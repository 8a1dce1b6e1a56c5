/**
 * A policy folder in extends form keeps the template version it extends in `template-base.json`
 * beside its policy.json, so that it resolves (and merges) the same after the template changes.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadPolicyDocument, PolicyFileError } from './policy-files.ts';

export const TEMPLATE_BASE_FILE = 'template-base.json';

/** The folder of a policy path (the folder itself, or the folder of a policy file). */
export function policyFolder(path: string): string {
  const full = resolve(path);
  return existsSync(full) && statSync(full).isDirectory() ? full : dirname(full);
}

/** The template snapshot kept beside the policy at `path`, if there is one. */
export function readTemplateBase(path: string): unknown {
  const file = join(policyFolder(path), TEMPLATE_BASE_FILE);
  return existsSync(file) ? loadPolicyDocument(file) : undefined;
}

/** Writes a JSON document to `<folder>/<name>`, creating the folder. */
export function writeJson(folder: string, name: string, value: unknown): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  return file;
}

/**
 * Writes a new extends-form policy folder: policy.json and the template snapshot.
 * @throws PolicyFileError when the folder has files
 */
export function writeExtendsFolder(dir: string, document: unknown, template: unknown): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new PolicyFileError(dir, 'notEmpty');
  writeJson(dir, 'policy.json', document);
  writeJson(dir, TEMPLATE_BASE_FILE, template);
  return ['policy.json', TEMPLATE_BASE_FILE];
}

/** True when the folder keeps parts of its policy in forms/, calendars/, ruleSets/ or examples/. */
export function isSplitFolder(dir: string): boolean {
  return ['forms', 'calendars', 'ruleSets', 'examples'].some((part) => existsSync(join(dir, part)));
}
