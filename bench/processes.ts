/** Starting a benchmark's helper servers (bench/*.ts) as child processes on a free 127.0.0.1 port. */
import { spawn } from 'node:child_process';
import { freePort } from '../test/support/server-process.ts';
import { ROOT } from './seed-cases.ts';

/** Starts `node --import tsx <args>` with PORT set; resolves once it prints "Kesu is running". */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), KESU_SWEEP_INTERVAL_MS: '3600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Kesu is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}
