/**
 * The real `kesu` binary when its reader has gone, as after `kesu templates | head -1`: it ends
 * quietly (no EPIPE stack trace on stderr, exit code 0).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/kesu.mjs', import.meta.url));

describe('kesu with a reader that closed the pipe', () => {
  it('stops without an error', async () => {
    const child = spawn(process.execPath, [BIN, 'templates'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes before the first line is written (loading the command takes a moment).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
