/** Loading the company's policy draft for the editor, resolved when it extends a template. */
import type { Api } from '../../api/client.ts';
import type { PolicyDraft } from '../../api/types.ts';

/** How a draft that extends a template differs from it: the template and the parts it changes. */
export type Inheritance = {
  template: string;
  overridden: number;
  parts: { path: string; status: string }[];
};

/**
 * The draft, and how it inherits when it extends a template: such a draft is edited as the full
 * policy it resolves to.
 */
export async function loadDraft(
  api: Api,
  company: string,
): Promise<{ draft: PolicyDraft; inherits: Inheritance | null }> {
  const draft = await api.get(`/companies/${company}/policy/draft`);
  const ref = (draft.document as { extends?: { template?: string } } | null)?.extends;
  if (!ref) return { draft, inherits: null };
  const [full, report] = await Promise.all([
    api.download(`/companies/${company}/policy/draft/export?form=full`),
    api.get(`/companies/${company}/policy/draft/inheritance`),
  ]);
  const parts = report.parts.filter((p) => p.status !== 'inherited');
  return {
    draft: { ...draft, document: JSON.parse(await full.blob.text()) },
    inherits: { template: ref.template ?? '', overridden: parts.length, parts },
  };
}
