/**
 * The single-owner lock of a data directory: `<dataDir>/.lock` holds the owner's pid and start
 * time. lowdb keeps no locks of its own and two processes writing one file lose each other's
 * updates, so a second server must refuse to start rather than share the directory.
 */
import { randomUUID } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** A held lock; `release` removes the lock file if it is still this owner's. */
export type DataDirLock = { file: string; release(): Promise<void> };

// This process's identity in lock files: the pid alone cannot tell a lock this process holds from one
// left by an earlier run that had the same pid (as after a container restart). Immutable, so the
// lock keeps no mutable module state.
const PROCESS_INSTANCE = randomUUID();

type Owner = { pid: number; instance: string | undefined };

function inUse(dataDir: string, pid: number): Error {
  return new Error(
    `data directory ${dataDir} is in use by process ${pid}; only one Kesu server may own a data ` +
      `directory (lock file ${join(dataDir, '.lock')})`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockOwner(content: string): Owner | undefined {
  try {
    const { pid, instance } = JSON.parse(content) as { pid?: unknown; instance?: unknown };
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, instance: typeof instance === 'string' ? instance : undefined };
  } catch {
    return undefined;
  }
}

/** Whether the lock's owner still runs: another live process, or this very process. */
function isHeld(owner: Owner | undefined): owner is Owner {
  if (!owner) return false;
  if (owner.pid === process.pid) return owner.instance === PROCESS_INSTANCE;
  return isAlive(owner.pid);
}

async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Creates the lock file with its whole content at once (link fails if it exists). */
async function createLock(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content, { flag: 'wx' });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}

/**
 * Moves a stale lock aside, but only if it is still the content judged stale: if another process
 * took the lock over meanwhile, its lock is put back.
 */
async function removeStale(file: string, stale: string): Promise<void> {
  const aside = `${file}.${randomUUID()}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((await readFile(aside, 'utf8')) !== stale) {
    await link(aside, file).catch(() => undefined);
  }
  await unlink(aside);
}

/**
 * Takes the lock of a data directory. A lock whose process is gone (or is this process's pid left
 * by an earlier run, as after a container restart) is stale and taken over.
 * @throws Error "data directory … is in use by process <pid>; only one Kesu server may own a data directory"
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, '.lock');
  const content = JSON.stringify({
    pid: process.pid,
    instance: PROCESS_INSTANCE,
    // A unique token, so that releasing removes this lock only, never a later one.
    lock: randomUUID(),
    startedAt: new Date().toISOString(),
    hostname: hostname(),
  });
  for (let attempt = 0; attempt < 10; attempt += 1) {
    if (await createLock(file, content)) {
      return { file, release: () => releaseLock(file, content) };
    }
    const existing = await readIfThere(file);
    if (existing === undefined) continue;
    const owner = lockOwner(existing);
    if (isHeld(owner)) throw inUse(dataDir, owner.pid);
    await removeStale(file, existing);
  }
  throw new Error(`cannot lock data directory ${dataDir}: its lock file keeps changing`);
}

async function releaseLock(file: string, content: string): Promise<void> {
  if ((await readIfThere(file)) !== content) return;
  // Gone meanwhile (the directory removed as the server stops): released all the same.
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
