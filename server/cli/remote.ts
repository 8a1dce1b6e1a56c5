/** `kesu push` and `kesu pull`: move a policy to and from a running server's draft. */
import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';

/** A running Kesu server: its base URL, the token to call it with, the HTTP client and the language its answers are worded in (English unless given). */
export type Remote = { url: string; token: string; fetch: typeof fetch; lang?: Lang };

/** A refused or failed call to the server. */
export class RemoteError extends Error {}

async function call(
  remote: Remote,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await remote.fetch(`${remote.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${remote.token}`,
        'content-type': 'application/json',
        'accept-language': remote.lang ?? 'en',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw unreachable(remote, error);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, json };
}

/** A server that could not be reached, as a RemoteError with the network's reason. */
export function unreachable(remote: Remote, error: unknown): RemoteError {
  const lang = remote.lang ?? 'en';
  type Cause = { code?: string; errors?: { code?: string }[] };
  const inner = (error as { cause?: Cause }).cause;
  // Node's fetch puts the socket's code on its cause, or on each address tried (AggregateError).
  const cause = inner?.code ?? inner?.errors?.find((e) => e.code)?.code;
  const message = (error as Error).message;
  // The network's own words are English: another language gets its code (ECONNREFUSED) alone.
  const reason = lang === 'en' || !cause ? `${message}${cause ? ` (${cause})` : ''}` : cause;
  return new RemoteError(say(lang, 'cannotReach', remote.url, reason));
}

/** What a call was doing, worded in the user's language when it is refused. */
export type RemoteStep =
  | 'stepReadingDraft'
  | 'stepSavingDraft'
  | 'stepCheckingDraft'
  | 'stepRunningExamples'
  | 'stepImporting'
  | 'stepBacktest';

/** A refused call as a RemoteError: what was tried, the status, the code and message. */
export function failure(
  remote: Remote,
  what: RemoteStep,
  result: { status: number; json: Record<string, unknown> },
): RemoteError {
  const error = result.json.error as { code?: string; message?: string } | undefined;
  const step = say(remote.lang ?? 'en', what);
  return new RemoteError(
    `${step}: ${result.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
  );
}

/** A problem as the server words it. */
export type RemoteProblem = { path: string; code: string; message: string };

/** What the server made of a pushed draft: its check, and its examples when it checks clean. */
export type PushAnswer = {
  version: number;
  problems: RemoteProblem[];
  warnings: RemoteProblem[];
  examples?: {
    passed: number;
    failed: number;
    results: { id: string; title: unknown; passed: boolean }[];
  };
};

/** Replaces the company's draft with the document; returns the new version, its check and examples. */
export async function pushDraft(
  remote: Remote,
  company: string,
  document: unknown,
): Promise<PushAnswer> {
  const base = `/api/companies/${company}/policy/draft`;
  const current = await call(remote, 'GET', base);
  if (current.status !== 200 && current.status !== 404)
    throw failure(remote, 'stepReadingDraft', current);
  const expectedVersion = current.status === 200 ? Number(current.json.version) : 0;
  const saved = await call(remote, 'PUT', base, { document, expectedVersion });
  if (saved.status !== 200) throw failure(remote, 'stepSavingDraft', saved);
  const check = await call(remote, 'POST', `${base}/check`);
  if (check.status !== 200) throw failure(remote, 'stepCheckingDraft', check);
  const problems = (check.json.problems as RemoteProblem[] | undefined) ?? [];
  const warnings = (check.json.warnings as RemoteProblem[] | undefined) ?? [];
  const answer = { version: Number(saved.json.version), problems, warnings };
  if (problems.length > 0) return answer;
  const examples = await call(remote, 'POST', `${base}/examples`);
  if (examples.status !== 200) throw failure(remote, 'stepRunningExamples', examples);
  return { ...answer, examples: examples.json as NonNullable<PushAnswer['examples']> };
}

/** The company's draft document and its version. */
export async function pullDraft(
  remote: Remote,
  company: string,
): Promise<{ version: number; document: Record<string, unknown> }> {
  const draft = await call(remote, 'GET', `/api/companies/${company}/policy/draft`);
  if (draft.status !== 200) throw failure(remote, 'stepReadingDraft', draft);
  return {
    version: Number(draft.json.version),
    document: draft.json.document as Record<string, unknown>,
  };
}

/** What the import route answers for a batch. */
export type ImportAnswer = {
  imported: number;
  alreadyImported: number;
  rejected: { row: number; key: string; code: string; message: string; field?: string }[];
};

/** Sends one batch of mapped rows to the import route (as a dry run or for real). */
export async function postImportBatch(
  remote: Remote,
  company: string,
  body: { rows: unknown[]; dryRun: boolean; sentTransition?: string },
): Promise<ImportAnswer> {
  const answer = await call(remote, 'POST', `/api/companies/${company}/cases/import`, body);
  if (answer.status !== 200) throw failure(remote, 'stepImporting', answer);
  return answer.json as unknown as ImportAnswer;
}
