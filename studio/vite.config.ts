/**
 * The studio's build: React + Vite, served by the runtime from studio/dist. `npm run dev` proxies
 * /api to a running runtime (KESU_API, default http://127.0.0.1:8787).
 */
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Prints the production build's total size, raw and gzip, after the bundle is written. */
function buildSize(): Plugin {
  let outDir = '';
  return {
    name: 'kesu-build-size',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      let raw = 0;
      let gzip = 0;
      for (const path of files(outDir)) {
        const content = readFileSync(path);
        raw += content.length;
        if (/\.(js|css|html)$/.test(path)) gzip += gzipSync(content).length;
        else gzip += content.length;
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      console.log(`Kesu studio build: ${kb(raw)} (${kb(gzip)} gzip) in ${outDir}`);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), buildSize()],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../server/domain', import.meta.url)),
      '@contract': fileURLToPath(new URL('../server/http/contract/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: 5173,
    proxy: { '/api': process.env.KESU_API ?? 'http://127.0.0.1:8787' },
  },
});
