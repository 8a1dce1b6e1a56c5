/**
 * Composition root: reads the environment once, opens the store, wires the use cases into the
 * HTTP app and serves it. `npm start` runs this.
 */
import { createPublishedVersionCache } from './app/policies/published-versions.ts';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledTemplates } from './adapters/files/bundled-templates.ts';
import { openLowdbStore } from './adapters/storage/lowdb-store.ts';
import { openPostgresStore } from './adapters/storage/postgres/postgres-store.ts';
import { hashSecret, newId, newSecret, systemNow } from './adapters/system/system.ts';
import { argon2Passwords } from './adapters/system/argon2-passwords.ts';
import { inspectFile } from './adapters/files/file-content.ts';
import { createAjvValidator } from './adapters/validation/ajv-validator.ts';
import { replayThreads } from './adapters/replay/replay-threads.ts';
import { bootstrap } from './app/companies/bootstrap.ts';
import { startSweeper } from './app/sweep/sweep.ts';
import { startDeliveryWorker } from './app/notifications/delivery-worker.ts';
import { createDeliverySender } from './adapters/delivery/send-delivery.ts';
import type { AppDeps } from './app/ports/deps.ts';
import type { Store } from './app/ports/ports.ts';
import { createApp } from './http/create-app.ts';

const port = Number(process.env.PORT ?? 8787);
const dataDir = resolve(process.env.KESU_DATA_DIR ?? 'data');
// KESU_DATABASE_URL=postgres://… selects PostgreSQL (several runtimes may share it); without it,
// the embedded store in the data directory.
const databaseUrl = process.env.KESU_DATABASE_URL || undefined;
const storage = databaseUrl ? `database ${databaseName(databaseUrl)}` : `data in ${dataDir}`;

/** The database's host and name, never its password. */
function databaseName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(KESU_DATABASE_URL)';
  }
}

let store: Store;
try {
  store = databaseUrl ? await openPostgresStore(databaseUrl) : await openLowdbStore(dataDir);
} catch (error) {
  console.error(`Kesu cannot start: ${(error as Error).message}`);
  process.exit(1);
}
// One sender for the worker and for an administrator's test messages.
const sendDelivery = createDeliverySender();
const deps: AppDeps = {
  store,
  validator: createAjvValidator(),
  now: systemNow,
  newId,
  newSecret,
  hashSecret,
  passwords: argon2Passwords(),
  inspectFile,
  templates: bundledTemplates(),
  versions: createPublishedVersionCache(),
  sendDelivery,
  startReplayer: replayThreads(),
  ...(process.env.KESU_PUBLIC_URL ? { publicUrl: process.env.KESU_PUBLIC_URL } : {}),
};
const first = await bootstrap(deps, process.env.KESU_ADMIN_TOKEN || undefined);
const studioDir = fileURLToPath(new URL('../studio/dist', import.meta.url));
const studio = existsSync(join(studioDir, 'index.html'))
  ? {
      assets: serveStatic({
        root: studioDir,
        onFound: (path, c) =>
          c.header(
            'cache-control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      }),
      index: serveStatic({
        root: studioDir,
        path: 'index.html',
        onFound: (_path, c) => c.header('cache-control', 'no-cache'),
      }),
    }
  : undefined;
if (!studio) console.log('The studio is not built (npm run build); / shows a plain page.');
// Behind a reverse proxy, KESU_TRUST_PROXY=1 counts wrong passwords by the address it forwards.
const trustProxy = process.env.KESU_TRUST_PROXY === '1';
const app = createApp(deps, { trustProxy, ...(studio ? { studio } : {}) });
const sweepMs = Number(process.env.KESU_SWEEP_INTERVAL_MS ?? 60_000);
const stopSweeper = startSweeper(deps, sweepMs, (error) =>
  console.error('clock sweep failed:', error),
);
// Sends queued notifications (e-mail, webhooks, group robots) on its own timer.
const deliveryMs = Number(process.env.KESU_DELIVERY_INTERVAL_MS ?? 5_000);
const stopDeliveries = startDeliveryWorker(deps, sendDelivery, deliveryMs, (error) =>
  console.error('notification deliveries failed:', error),
);
const server = serve(
  { fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' },
  (info) => {
    // One write, so whoever reads the output sees the first-start token with the running line.
    const lines = [
      `Kesu is running on http://${info.address}:${info.port}/ (API under /api, ${storage})`,
    ];
    if (first.created)
      lines.push(
        '',
        'First start: created the platform administrator and the demo company "demo".',
        'Open this link once to set the administrator\'s password (login "admin"; valid 3 days):',
        `http://${info.address}:${info.port}/#/invitation/${first.invitation}`,
        'For scripts, use this token as "Authorization: Bearer <token>" (shown once; keep it):',
        `KESU_ADMIN_TOKEN=${first.adminToken}`,
      );
    console.log(lines.join('\n'));
  },
);

async function shutdown(): Promise<void> {
  server.close();
  await stopSweeper();
  await stopDeliveries();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
