/** The intake benchmark's load: N clients posting one body in loops, and the summary of a run. */

/** One timed run: successful requests, failures, how long, and each success's latency (sorted). */
export type Run = { requests: number; errors: number; seconds: number; latencies: number[] };

/** Posts `body` from `clients` loops for `seconds`; records each latency of a 201 answer. */
export async function load(
  url: string,
  token: string,
  body: unknown,
  clients: number,
  seconds: number,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const text = JSON.stringify(body);
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: text,
        });
        await response.arrayBuffer();
        if (response.status === 201) latencies.push(performance.now() - t0);
        else errors += 1;
      }
    }),
  );
  return {
    requests: latencies.length,
    errors,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
  };
}

/** The p-quantile (0..1) of sorted values. */
export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;

/** The median of some values. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** "median (min–max)" of some values, with `digits` decimals. */
export function spread(values: number[], digits = 0): string {
  const fixed = (value: number) => value.toFixed(digits);
  return `${fixed(median(values))} (${fixed(Math.min(...values))}–${fixed(Math.max(...values))})`;
}
