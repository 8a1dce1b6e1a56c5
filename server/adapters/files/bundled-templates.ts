/** The bundled templates as a TemplateSource for the use cases. */
import { join } from 'node:path';
import type { TemplateSource } from '../../app/deps.ts';
import { loadPolicyDocument } from './policy-files.ts';
import { listTemplates, RULESETS_DIR } from './template-library.ts';

/** Templates read from rulesets/ (each loaded once). */
export function bundledTemplates(root = RULESETS_DIR): TemplateSource {
  const entries = listTemplates(root, root);
  const cache = new Map<string, unknown>();
  return {
    list: () => entries.map(({ id, title }) => ({ id, title })),
    load(id) {
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) return undefined;
      if (!cache.has(id)) cache.set(id, loadPolicyDocument(join(root, entry.path)));
      return structuredClone(cache.get(id));
    },
  };
}
