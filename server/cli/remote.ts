/** `kesu push` and `kesu pull`: move a policy to and from a running server's draft. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A running Kesu server: its base URL, the token to call it with and the HTTP client. */
export type Remote = { url: string; token: string; fetch: typeof fetch };

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
        'accept-language': 'en',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new RemoteError(`cannot reach ${remote.url}: ${(error as Error).message}`);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, json };
}

/** A refused call as a RemoteError: what was tried, the status, the code and message. */
export function failure(
  what: string,
  result: { status: number; json: Record<string, unknown> },
): RemoteError {
  const error = result.json.error as { code?: string; message?: string } | undefined;
  return new RemoteError(
    `${what}: ${result.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
  );
}

/** Replaces the company's draft with the document; returns the new draft version and its problems. */
export async function pushDraft(
  remote: Remote,
  company: string,
  document: unknown,
): Promise<{ version: number; problems: { path: string; code: string; message: string }[] }> {
  const current = await call(remote, 'GET', `/api/companies/${company}/policy/draft`);
  if (current.status !== 200 && current.status !== 404) throw failure('reading the draft', current);
  const expectedVersion = current.status === 200 ? Number(current.json.version) : 0;
  const saved = await call(remote, 'PUT', `/api/companies/${company}/policy/draft`, {
    document,
    expectedVersion,
  });
  if (saved.status !== 200) throw failure('saving the draft', saved);
  const check = await call(remote, 'POST', `/api/companies/${company}/policy/draft/check`);
  return { version: Number(saved.json.version), problems: (check.json.problems as never[]) ?? [] };
}

/** Writes the company's draft to `<dir>/policy.json`. */
export async function pullDraft(
  remote: Remote,
  company: string,
  dir: string,
): Promise<{ version: number; file: string }> {
  const draft = await call(remote, 'GET', `/api/companies/${company}/policy/draft`);
  if (draft.status !== 200) throw failure('reading the draft', draft);
  if (['forms', 'calendars', 'ruleSets', 'examples'].some((part) => existsSync(join(dir, part)))) {
    throw new RemoteError(`${dir} holds a split policy: pull into an empty folder`);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(draft.json.document, null, 2) + '\n');
  return { version: Number(draft.json.version), file };
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
  if (answer.status !== 200) throw failure('importing', answer);
  return answer.json as unknown as ImportAnswer;
}
