/**
 * The e2e harness: the real server (node server/main.ts, serving the built studio) on 127.0.0.1
 * with a fresh data directory, and Debian's Chromium driven by playwright-core (which gives it a
 * fresh profile of its own). Every page the
 * scenario visits is saved as a 1280×800 screenshot under test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/policies.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

export const CHROMIUM = process.env.KESU_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const ADMIN_TOKEN = 'kesu_e2e_admin_token';

export type Harness = {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Saves the top of the page as test-results/screenshots/<name>.png (1280×800). */
  shot: (name: string) => Promise<void>;
  close: () => Promise<void>;
};

/** Why the browser tests cannot run here, or null when they can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CHROMIUM))
    return `Chromium is not installed at ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)`;
  if (!existsSync(join(ROOT, 'studio', 'dist', 'index.html')))
    return 'the studio is not built (npm run test:e2e builds it first)';
  return null;
}

/** Starts the server (with `env` added to its environment) and a browser page on it. */
export async function openHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kesu-e2e-'));
  const server = await startServer(dataDir, { KESU_ADMIN_TOKEN: ADMIN_TOKEN, ...env });
  if (!/Kesu is running/.test(server.output()))
    throw new Error(`the server did not start:\n${server.output()}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: server.url,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    page,
    shot: async (name) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`);
    },
  };
}
