/** The bundled templates: every folder under rulesets/ with a policy.json. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyDocument } from './policy-files.ts';

type Label = { 'zh-CN': string; en?: string };

export type TemplateEntry = {
  id: string;
  title: Label;
  path: string;
  /** The parts its sources do not state, and what it assumed (empty when it declares none). */
  assumptions: { part: string; note: Label }[];
};

/** The rulesets/ folder of this installation. */
export const RULESETS_DIR = resolve(fileURLToPath(import.meta.url), '../../../../rulesets');

/** Lists the bundled templates (id, title, path relative to the working directory). */
export function listTemplates(root = RULESETS_DIR, cwd = process.cwd()): TemplateEntry[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'policy.json')))
    .map((entry) => {
      const folder = join(root, entry.name);
      const policy = loadPolicyDocument(join(folder, 'policy.json')) as {
        id?: string;
        title?: TemplateEntry['title'];
        assumptions?: TemplateEntry['assumptions'];
      };
      return {
        id: policy.id ?? entry.name,
        title: policy.title ?? { 'zh-CN': entry.name },
        path: relative(cwd, folder) || '.',
        assumptions: policy.assumptions ?? [],
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A path to load: the argument itself if it exists, else the bundled template with that id. */
export function resolvePolicyArgument(argument: string, root = RULESETS_DIR): string | undefined {
  if (existsSync(argument)) return argument;
  const template = listTemplates(root, '/').find((entry) => entry.id === argument);
  return template ? join('/', template.path) : undefined;
}
