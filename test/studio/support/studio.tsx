/**
 * Studio component tests run against the real API: the test app (real routes, use cases and
 * validator over the memory store) answers the studio's fetch calls in-process.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { App } from '../../../studio/src/App.tsx';
import { setLang, setupI18n, type Lang } from '../../../studio/src/i18n/index.ts';
import { TOKEN_KEY } from '../../../studio/src/session.tsx';
import { buildTestApp, type TestApp } from '../../support/test-app.ts';

// The whole studio renders against the real API in-process: on a loaded CI machine a page can take
// longer than testing-library's default second to settle.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** The runtime's own fetch, before a test app takes it over. */
const realFetch = globalThis.fetch;

/** A test app whose API answers the studio's fetch. */
export async function studioServer(start?: string): Promise<TestApp> {
  const server = await buildTestApp(start);
  const network = realFetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // The server's own sends (a channel's test message) reach the receivers tests start locally.
    if (/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) return network(input, init);
    return server.app.request(url.replace(/^https?:\/\/[^/]+/, ''), init);
  };
  return server;
}

/** Renders the whole studio at a hash path, signed in with the token (or signed out). */
export function renderStudio(path: string, token: string | null, lang: Lang = 'zh-CN') {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
  window.location.hash = path;
  setupI18n(lang);
  setLang(lang);
  return render(<App />);
}
