/** Batched reading for the stores' scans: one batch at a time, resuming after the last one read. */

/** A record with its rank in the order scanned (increasing, unique). */
export type RankedValue<T> = { rank: number; value: T };

/**
 * Reads batches of at most `batchSize` from `fetch` (records ranked above `after`, in rank order)
 * until one comes back short. A record changed meanwhile keeps its rank, so it is seen at most once.
 */
export async function* scanInBatches<T>(
  batchSize: number,
  fetch: (after: number, limit: number) => RankedValue<T>[] | Promise<RankedValue<T>[]>,
): AsyncIterable<T[]> {
  const limit = Math.max(1, Math.floor(batchSize));
  let after = -1;
  for (;;) {
    const batch = await fetch(after, limit);
    if (batch.length > 0) yield batch.map((item) => item.value);
    if (batch.length < limit) return;
    after = batch.at(-1)?.rank ?? after;
  }
}
