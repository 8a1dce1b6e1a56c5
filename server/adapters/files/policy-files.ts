/**
 * Reads a policy from disk: one JSON file, or a folder — policy.json plus forms/<id>.json,
 * calendars/<id>.json, ruleSets/*.json and examples/*.json — with `{"$file": "path#/pointer"}`
 * values replaced by the file (or the part of it) they name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** Why a policy file could not be used (the kesu command words it in the user's language). */
export type PolicyFileReason =
  'missing' | 'unreadable' | 'notJson' | 'nothingAt' | 'nested' | 'noPolicy' | 'notEmpty';

const REASONS: Record<PolicyFileReason, (detail: string) => string> = {
  missing: () => 'does not exist',
  unreadable: () => 'cannot be read',
  notJson: (detail) => `is not valid JSON (${detail})`,
  nothingAt: (detail) => `has nothing at ${detail}`,
  nested: () => 'includes nest too deeply',
  noPolicy: () => 'has no policy.json',
  notEmpty: () => 'is not empty',
};

/** A policy file that cannot be read or parsed; the message is English. */
export class PolicyFileError extends Error {
  readonly file: string;
  readonly reason: PolicyFileReason;
  /** The part of the reason that is not words: a JSON pointer, the parser's message. */
  readonly detail: string;
  constructor(file: string, reason: PolicyFileReason, detail = '') {
    super(`${file}: ${REASONS[reason](detail)}`);
    this.name = 'PolicyFileError';
    this.file = file;
    this.reason = reason;
    this.detail = detail;
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PolicyFileError(file, 'unreadable');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError(file, 'notJson', (error as Error).message);
  }
}

function atPointer(value: unknown, pointer: string, file: string): unknown {
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !(key in current)) {
      throw new PolicyFileError(file, 'nothingAt', pointer);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Replaces every `{"$file": "…"}` in the value, relative to the folder of the file it is in. */
function resolveIncludes(value: unknown, folder: string, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIncludes(item, folder, depth));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$file === 'string' && Object.keys(record).length === 1) {
    if (depth > 16) throw new PolicyFileError(record.$file, 'nested');
    const [path = '', pointer = ''] = record.$file.split('#');
    const file = resolve(folder, path);
    const included = atPointer(readJson(file), pointer, file);
    return resolveIncludes(included, dirname(file), depth + 1);
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key, resolveIncludes(item, folder, depth)]),
  );
}

function jsonFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => extname(name) === '.json')
    .sort()
    .map((name) => join(folder, name));
}

function loadFile(file: string): unknown {
  return resolveIncludes(readJson(file), dirname(file));
}

/** Assembles a policy folder into one document. */
function loadFolder(folder: string): Record<string, unknown> {
  const main = join(folder, 'policy.json');
  if (!existsSync(main)) throw new PolicyFileError(folder, 'noPolicy');
  const policy = loadFile(main) as Record<string, unknown>;
  for (const key of ['forms', 'calendars']) {
    const parts = jsonFiles(join(folder, key));
    if (parts.length === 0) continue;
    const map = { ...((policy[key] as Record<string, unknown> | undefined) ?? {}) };
    for (const file of parts) map[basename(file, '.json')] = loadFile(file);
    policy[key] = map;
  }
  for (const key of ['ruleSets', 'examples']) {
    const parts = jsonFiles(join(folder, key));
    if (parts.length === 0) continue;
    const list = [...((policy[key] as unknown[] | undefined) ?? [])];
    for (const file of parts) {
      const content = loadFile(file);
      list.push(...(Array.isArray(content) ? content : [content]));
    }
    policy[key] = list;
  }
  return policy;
}

/**
 * The policy document at a path: a JSON file or a policy folder.
 * @throws PolicyFileError when a file is missing or not JSON
 */
export function loadPolicyDocument(path: string): unknown {
  const full = resolve(path);
  if (!existsSync(full)) throw new PolicyFileError(path, 'missing');
  return statSync(full).isDirectory() ? loadFolder(full) : loadFile(full);
}
