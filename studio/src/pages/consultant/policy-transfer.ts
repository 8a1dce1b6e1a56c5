/**
 * A company's policy as a file, out and in, through the draft's export and import routes: the file
 * keeps the draft's own form (a full policy, or one that extends a template), and an import that is
 * not a policy changes nothing.
 */
import { ApiError, type Api } from '../../api/client.ts';
import type { PolicyDraft, PolicyProblem } from '../../api/types.ts';

/** The draft's document and the file name to save it as: `<company>-policy-<YYYY-MM-DD>.json`. */
export async function exportPolicy(
  api: Api,
  company: string,
): Promise<{ text: string; filename: string }> {
  const file = await api.download(`/companies/${company}/policy/draft/export`);
  return { text: await file.blob.text(), filename: file.filename };
}

/** Why a file's text is not a policy document. */
export type PolicyFileProblem =
  | { kind: 'empty' }
  | { kind: 'invalidJson'; reason: string }
  | { kind: 'notPolicy'; missing: string[] };

const REQUIRED = ['forms', 'workflow'] as const;

/**
 * The policy document in a file's text — a policy, or a saved draft (`{ document: … }`) —
 * or what is wrong with it. Only the shape is checked here; the policy check says the rest.
 */
export function parsePolicyFile(
  text: string,
): { document: Record<string, unknown> } | { problem: PolicyFileProblem } {
  if (!text.trim()) return { problem: { kind: 'empty' } };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: { kind: 'invalidJson', reason: (error as Error).message } };
  }
  const record = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const document =
    record(value) && record(value.document) && !('workflow' in value) ? value.document : value;
  if (!record(document)) return { problem: { kind: 'notPolicy', missing: [...REQUIRED] } };
  // A policy that extends a template carries only its overrides: the server resolves and checks it.
  if (record(document.extends)) return { document };
  const missing = REQUIRED.filter((key) => !record(document[key]));
  return missing.length ? { problem: { kind: 'notPolicy', missing } } : { document };
}

/** Replaces the company's draft with the document and checks it: the new draft and its problems. */
export async function importPolicy(
  api: Api,
  company: string,
  document: Record<string, unknown>,
): Promise<{ draft: PolicyDraft; problems: PolicyProblem[] }> {
  const current = await api.get(`/companies/${company}/policy/draft`).catch((error: unknown) => {
    // A company created without a template has no draft yet: the first save expects version 0.
    if (error instanceof ApiError && error.status === 404 && error.code === 'not_found')
      return { version: 0 };
    throw error;
  });
  // The import answers with the saved draft and the problems the check still finds.
  const { problems, ...draft } = await api.post(`/companies/${company}/policy/draft/import`, {
    document,
    expectedVersion: current.version,
  });
  return { draft, problems };
}
