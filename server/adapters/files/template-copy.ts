/**
 * Writes a bundled template as a policy folder a consultant can keep in git: every file copied,
 * and `$file` includes that reach outside the template (the shared calendars) inlined, so the
 * folder stands on its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PolicyFileError } from './policy-files.ts';

function inlineOutside(value: unknown, folder: string, root: string): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineOutside(item, folder, root));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$file === 'string' && Object.keys(record).length === 1) {
    const [path = '', pointer = ''] = record.$file.split('#');
    const file = resolve(folder, path);
    if (!relative(root, file).startsWith('..')) return value;
    let included: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of pointer.split('/').slice(1))
      included = (included as Record<string, unknown>)[key];
    return inlineOutside(included, dirname(file), root);
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key, inlineOutside(item, folder, root)]),
  );
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Copies the template folder to `target`, which must not exist or be empty.
 * @throws PolicyFileError when the target has files
 */
export function copyTemplate(source: string, target: string): string[] {
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new PolicyFileError(target, 'notEmpty');
  const written: string[] = [];
  for (const file of filesUnder(source)) {
    const destination = join(target, relative(source, file));
    mkdirSync(dirname(destination), { recursive: true });
    if (file.endsWith('.json')) {
      const content = inlineOutside(
        JSON.parse(readFileSync(file, 'utf8')),
        dirname(file),
        source,
      ) as Record<string, unknown>;
      if (typeof content.$schema === 'string') delete content.$schema;
      writeFileSync(destination, JSON.stringify(content, null, 2) + '\n');
    } else {
      writeFileSync(destination, readFileSync(file));
    }
    written.push(relative(target, destination));
  }
  return written;
}
