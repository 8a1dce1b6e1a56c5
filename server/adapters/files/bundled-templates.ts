/** The bundled templates as a TemplateSource for the use cases. */
import { join } from 'node:path';
import type { TemplateSource, TemplateSummary } from '../../app/ports/deps.ts';
import { loadPolicyDocument } from './policy-files.ts';
import { listTemplates, RULESETS_DIR } from './template-library.ts';

type Document = {
  description?: TemplateSummary['title'];
  sources?: { seed: string; section: string }[];
  assumptions?: TemplateSummary['assumptions'];
  forms?: object;
  categories?: object;
  clocks?: object;
  examples?: unknown[];
};

const size = (value: unknown) =>
  value && typeof value === 'object' ? Object.keys(value).length : 0;

/** The gallery's summary of a template document: description, sources, assumptions and a few counts. */
function summarize(entry: { id: string; title: TemplateSummary['title'] }, document: Document) {
  return {
    id: entry.id,
    title: entry.title,
    ...(document.description ? { description: document.description } : {}),
    sources: (document.sources ?? []).map(({ seed, section }) => ({ seed, section })),
    assumptions: (document.assumptions ?? []).map(({ part, note }) => ({ part, note })),
    facts: {
      forms: size(document.forms),
      categories: size(document.categories),
      clocks: size(document.clocks),
      examples: Array.isArray(document.examples) ? document.examples.length : 0,
    },
  };
}

/** Templates read from rulesets/ (each loaded once; the list is summarised on first use). */
export function bundledTemplates(root = RULESETS_DIR): TemplateSource {
  const entries = listTemplates(root, root);
  const cache = new Map<string, unknown>();
  let summaries: TemplateSummary[] | undefined;
  const read = (id: string) => {
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) return undefined;
    if (!cache.has(id)) cache.set(id, loadPolicyDocument(join(root, entry.path)));
    return cache.get(id);
  };
  return {
    list: () =>
      (summaries ??= entries.map((entry) => summarize(entry, read(entry.id) as Document))).map(
        (summary) => structuredClone(summary),
      ),
    load: (id) => structuredClone(read(id)),
  };
}
