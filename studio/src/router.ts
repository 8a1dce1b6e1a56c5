/**
 * Hash routes (`#/c/demo/cases/abc`): the studio is one page served at `/`, so any link can be
 * bookmarked and reloaded without the server knowing the studio's routes.
 */
import { useEffect, useState } from 'react';

export function currentPath(): string {
  const hash = globalThis.location?.hash ?? '';
  return hash.startsWith('#') ? hash.slice(1) || '/' : '/';
}

export function navigate(path: string): void {
  globalThis.location.hash = path;
}

/** The current path, updated on every hash change. */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    globalThis.addEventListener('hashchange', update);
    return () => globalThis.removeEventListener('hashchange', update);
  }, []);
  return path;
}

/** Matches "/c/:company/cases/:id" against a path; the params, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const [pathname = ''] = path.split('?');
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

/** The query part of the hash path as URLSearchParams. */
export function pathQuery(path: string): URLSearchParams {
  return new URLSearchParams(path.split('?')[1] ?? '');
}
