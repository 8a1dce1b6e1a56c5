/**
 * The only module that calls fetch: the runtime's API with the signed-in token, its one error
 * envelope turned into ApiError (code, message in the user's language, rjsf-shaped field errors).
 */

import type { BodyOf, Method, PathOf, ResponseOf } from '@contract';

/** A field error in rjsf's shape: `property` like ".customer.phone". */
export type FieldError = { property: string; message: string; params?: unknown; name?: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly requestId = '',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Lang = 'zh-CN' | 'en';

/** The body a route takes, as the rest of a call: nothing for a route that takes none. */
type BodyArgs<M extends Method, P extends string> =
  BodyOf<M, P> extends undefined ? [] : [body: BodyOf<M, P>];

/**
 * The API by path: the answer's type (and the body's) follows from the path, as the contract
 * (@contract) says, so no call site names (or casts to) the type it expects.
 */
export type Api = {
  /** Reads a route; GET paths may carry a query string. */
  get<P extends PathOf<'GET'>>(path: P): Promise<ResponseOf<'GET', P>>;
  /** Posts to a route (an empty object when it takes no body). */
  post<P extends PathOf<'POST'>>(
    path: P,
    ...body: BodyArgs<'POST', P>
  ): Promise<ResponseOf<'POST', P>>;
  /** Replaces what a route holds. */
  put<P extends PathOf<'PUT'>>(path: P, body: BodyOf<'PUT', P>): Promise<ResponseOf<'PUT', P>>;
  /** Deletes what a route names. */
  del<P extends PathOf<'DELETE'>>(path: P): Promise<ResponseOf<'DELETE', P>>;
  /** A file the API answers with (a download): its bytes and the name it suggests. */
  download(path: string): Promise<{ blob: Blob; filename: string }>;
  /**
   * Uploads a file as the raw body, its name percent-encoded in Attachment-Name; `onProgress`
   * hears the bytes sent so far and the file's size.
   */
  upload<P extends PathOf<'POST'>>(
    path: P,
    file: File,
    onProgress?: (sent: number, total: number) => void,
  ): Promise<ResponseOf<'POST', P>>;
  /**
   * Posts to a route that answers NDJSON (one answer a line) and hands each line over as it
   * arrives; aborting `signal` closes the connection, which cancels the work on the server.
   */
  postLines<P extends PathOf<'POST'>>(
    path: P,
    body: BodyOf<'POST', P>,
    onLine: (line: ResponseOf<'POST', P>) => void,
    signal?: AbortSignal,
  ): Promise<void>;
};

/** Reads an NDJSON body, calling `onLine` with each line parsed; aborting `signal` stops reading. */
async function readLines(
  body: ReadableStream<Uint8Array>,
  onLine: (line: unknown) => void,
  signal?: AbortSignal,
) {
  const reader = body.getReader();
  // Cancelling the body closes the stream at its source too (the server stops the work).
  signal?.addEventListener('abort', () => void reader.cancel(), { once: true });
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += decoder.decode(value, { stream: !done });
    const lines = pending.split('\n');
    pending = done ? '' : (lines.pop() ?? '');
    signal?.throwIfAborted();
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
    if (done) return;
  }
}

async function failure(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      response.status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      Array.isArray(error.fieldErrors) ? (error.fieldErrors as FieldError[]) : [],
      typeof error.requestId === 'string' ? error.requestId : '',
      error.details as Record<string, unknown> | undefined,
    );
  }
  return new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
}

/** An API bound to a token (or none, for sign-in) and the user's language. */
export function createApi(token: string | null, lang: Lang, base = ''): Api {
  async function call(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': lang };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}/api${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', (error as Error).message);
    }
    if (!response.ok) throw await failure(response);
    return response;
  }
  async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await call(method, path, body);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  // Each method's signatures are Api's; the one body under them reads whatever the route answers.
  function get<P extends PathOf<'GET'>>(path: P): Promise<ResponseOf<'GET', P>>;
  function get(path: string): Promise<unknown> {
    return json('GET', path);
  }
  function post<P extends PathOf<'POST'>>(
    path: P,
    ...body: BodyArgs<'POST', P>
  ): Promise<ResponseOf<'POST', P>>;
  function post(path: string, body?: unknown): Promise<unknown> {
    return json('POST', path, body ?? {});
  }
  function put<P extends PathOf<'PUT'>>(
    path: P,
    body: BodyOf<'PUT', P>,
  ): Promise<ResponseOf<'PUT', P>>;
  function put(path: string, body: unknown): Promise<unknown> {
    return json('PUT', path, body);
  }
  function del<P extends PathOf<'DELETE'>>(path: P): Promise<ResponseOf<'DELETE', P>>;
  function del(path: string): Promise<unknown> {
    return json('DELETE', path);
  }
  // XMLHttpRequest, not fetch: only it reports an upload's progress.
  function upload(
    path: string,
    file: File,
    onProgress?: (sent: number, total: number) => void,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `${base}/api${path}`);
      request.setRequestHeader('accept-language', lang);
      if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
      request.setRequestHeader('attachment-name', encodeURIComponent(file.name));
      request.setRequestHeader('content-type', 'application/octet-stream');
      request.upload.onprogress = (event) =>
        onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
      request.onload = () => {
        const text = request.responseText;
        if (request.status >= 200 && request.status < 300)
          resolve(text ? JSON.parse(text) : undefined);
        else void failure(new Response(text || null, { status: request.status })).then(reject);
      };
      request.onerror = () => reject(new ApiError(0, 'network_error', 'The upload failed'));
      request.send(file);
    });
  }
  return {
    get,
    post,
    put,
    del,
    upload: upload as Api['upload'],
    async postLines(path, body, onLine, signal) {
      const response = await call('POST', path, body, signal);
      if (!response.body) return;
      await readLines(response.body, onLine as (line: unknown) => void, signal);
    },
    async download(path) {
      const response = await call('GET', path);
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename =
        /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ??
        /filename="?([^";]+)"?/i.exec(disposition)?.[1] ??
        'download';
      return { blob: await response.blob(), filename: decodeURIComponent(filename) };
    },
  };
}
