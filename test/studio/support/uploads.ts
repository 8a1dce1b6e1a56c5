/**
 * Uploads from the studio in component tests: jsdom's XMLHttpRequest cannot reach the in-process
 * API, so this one sends the request to the test app, reporting the upload's progress half-way
 * and then whole; a test may hold the request after half-way to look at the progress shown.
 */
import { afterEach } from 'vitest';
import type { TestApp } from '../../support/test-app.ts';

const original = globalThis.XMLHttpRequest;
afterEach(() => {
  globalThis.XMLHttpRequest = original;
});

type Progress = { loaded: number; total: number; lengthComputable: boolean };

/** Routes the studio's uploads to `server`; each waits for `hold` (if given) after half-way. */
export function routeUploads(server: TestApp, hold?: () => Promise<void>): void {
  class InProcessRequest {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: Progress) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    #method = 'GET';
    #url = '';
    #headers: Record<string, string> = {};

    open(method: string, url: string) {
      this.#method = method;
      this.#url = url.replace(/^https?:\/\/[^/]+/, '');
    }

    setRequestHeader(name: string, value: string) {
      this.#headers[name] = value;
    }

    send(body: Blob) {
      void (async () => {
        const bytes = new Uint8Array(await body.arrayBuffer());
        const total = bytes.length;
        this.upload.onprogress?.({ loaded: Math.floor(total / 2), total, lengthComputable: true });
        await hold?.();
        this.upload.onprogress?.({ loaded: total, total, lengthComputable: true });
        const response = await server.app.request(this.#url, {
          method: this.#method,
          headers: this.#headers,
          body: bytes,
        });
        this.status = response.status;
        this.responseText = await response.text();
        this.onload?.();
      })().catch(() => this.onerror?.());
    }
  }
  globalThis.XMLHttpRequest = InProcessRequest as unknown as typeof XMLHttpRequest;
}
