import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // Studio component tests (test/studio/*.test.tsx) choose jsdom with a docblock.
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e-browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
