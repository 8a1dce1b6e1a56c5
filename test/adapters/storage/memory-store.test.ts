import { createMemoryStore } from '../../../server/adapters/storage/memory-store.ts';
import { describeStoreContract } from './store.contract.ts';

describeStoreContract('memory', async () => ({ store: createMemoryStore() }));
