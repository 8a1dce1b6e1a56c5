/** Converts a company kept in the old month-file layout into a journal, once. */
import type { PublishedPolicy } from '../../../app/ports/ports.ts';
import type { WriteObserver } from '../durable-json-file.ts';

/** Converts the old layout under `folder`, if there is one (not yet written). */
export async function convertOldLayout(
  _folder: string,
  _versions: readonly PublishedPolicy[],
  _onWrite?: WriteObserver,
): Promise<void> {}
