import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // The studio imports the pure domain and the API contract through aliases (see studio/tsconfig.json).
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('server/domain', import.meta.url)),
      '@contract': fileURLToPath(new URL('server/http/contract/index.ts', import.meta.url)),
    },
  },
  test: {
    // Studio component tests (test/studio/*.test.tsx) choose jsdom with a docblock.
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e-browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
