/**
 * The scale benchmark's measurements against a running server over HTTP: bounded requests, the first
 * answer after a start, repeated reads, an intake burst, and the server's resident memory.
 */
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { intake } from './seed-cases.ts';

/** A latency in milliseconds; Infinity when the request ran out of its time. */
export type Sample = number;

/** Every request's limit: a read at 100k cases on the month-file store takes tens of seconds. */
export const REQUEST_TIMEOUT_MS = Number(process.env.BENCH_REQUEST_TIMEOUT_MS ?? 120_000);

const isTimeout = (error: unknown) =>
  error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');

/**
 * One authenticated GET, timed to the end of its body; Infinity if it ran out of time.
 * @throws Error when the server answers other than 200 (a wrong path or token is the benchmark's fault)
 */
export async function timedGet(base: string, path: string, token: string): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(base + path, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    if (response.status !== 200)
      throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 200)}`);
    return performance.now() - started;
  } catch (error) {
    if (isTimeout(error)) return Infinity;
    throw error;
  }
}

/**
 * Milliseconds from `spawnedAt` until the first GET of `path` answers, retrying while the port refuses.
 * @throws Error when the server exits first, or nothing answers within the request limit
 */
export async function firstAnswer(
  base: string,
  path: string,
  token: string,
  spawnedAt: number,
  server: ChildProcess,
): Promise<Sample> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    if (performance.now() - spawnedAt > REQUEST_TIMEOUT_MS) return Infinity;
    try {
      const ms = await timedGet(base, path, token);
      return ms === Infinity ? Infinity : performance.now() - spawnedAt;
    } catch (error) {
      // Not listening yet: fetch fails with the connection refused as its cause.
      if (!(error instanceof TypeError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Latencies of each path, taken in turn, `repeat` times — or fewer, at least 3, past `budgetMs`. */
export async function repeatReads(
  base: string,
  token: string,
  paths: Record<string, string>,
  repeat: number,
  budgetMs: number,
): Promise<Record<string, Sample[]>> {
  const samples: Record<string, Sample[]> = Object.fromEntries(
    Object.keys(paths).map((name) => [name, []]),
  );
  const started = performance.now();
  for (let round = 0; round < repeat; round++) {
    if (round >= 3 && performance.now() - started > budgetMs) break;
    for (const [name, path] of Object.entries(paths))
      samples[name]?.push(await timedGet(base, path, token));
  }
  return samples;
}

/** What an intake burst left: each registered case's latency (sorted) and the other answers. */
export type IntakeBurst = { latencies: Sample[]; errors: number };

/** Sends `total` intakes of the benchmark complaint from `clients` loops; 201 counts, anything else is an error. */
export async function intakeBurst(
  base: string,
  token: string,
  total: number,
  clients: number,
): Promise<IntakeBurst> {
  const latencies: Sample[] = [];
  const body = JSON.stringify({ intake });
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        next += 1;
        const started = performance.now();
        try {
          const response = await fetch(`${base}/api/companies/demo/cases`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          await response.arrayBuffer();
          if (response.status === 201) latencies.push(performance.now() - started);
          else errors += 1;
        } catch (error) {
          if (!isTimeout(error)) throw error;
          latencies.push(Infinity);
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

/** The resident set of a process in MB, from /proc/<pid>/status (Linux). */
export function residentMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}
