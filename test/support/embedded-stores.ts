/** Embedded stores for tests over real data directories, closed after each test and removed at the end. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import {
  openLowdbStore,
  type LowdbStoreOptions,
} from '../../server/adapters/storage/lowdb-store.ts';
import type { Store } from '../../server/app/ports/ports.ts';

/**
 * Registers the hooks and returns `tempDir` (a new temporary folder named from `prefix`) and `open`
 * (the embedded store over a folder, closed after the test).
 */
export function embeddedStores(prefix: string): {
  tempDir: () => Promise<string>;
  open: (dataDir: string, options?: LowdbStoreOptions) => Promise<Store>;
} {
  const folders: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return {
    tempDir: async () => {
      const folder = await mkdtemp(join(tmpdir(), prefix));
      folders.push(folder);
      return folder;
    },
    open: async (dataDir, options) => {
      const store = await openLowdbStore(dataDir, options);
      stores.push(store);
      return store;
    },
  };
}
