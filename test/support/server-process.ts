/** Runs the real server (`node --import tsx server/main.ts`) on 127.0.0.1 with its own data directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from './policies.ts';

export type RunningServer = {
  url: string;
  adminToken?: string;
  output: () => string;
  process: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the server and waits until it listens (or exits). */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      KESU_DATA_DIR: dataDir,
      PORT: String(port),
      KESU_SWEEP_INTERVAL_MS: '3600000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = Date.now();
  while (
    !/Kesu is running/.test(output) &&
    child.exitCode === null &&
    Date.now() - started < 20_000
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const adminToken = /^KESU_ADMIN_TOKEN=(\S+)$/m.exec(output)?.[1];
  return {
    url: `http://127.0.0.1:${port}`,
    ...(adminToken ? { adminToken } : {}),
    output: () => output,
    process: child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
