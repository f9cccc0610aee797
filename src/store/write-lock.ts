/** A cross-process writer lock: a `<store>.lock` file holding the owner's pid, taken over when that process is dead. */
import { open, readFile, unlink } from 'node:fs/promises';
import { StoreError } from '../errors.ts';

const POLL_MS = 100;

export interface LockOptions {
  timeoutMs: number;
  /** Shown in the message when the wait runs out. */
  storeLocation: string;
}

/** Waits until the lock is ours and returns the function that releases it. */
export async function acquireWriteLock(lockFile: string, options: LockOptions): Promise<() => Promise<void>> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await tryCreate(lockFile)) return () => release(lockFile);
    const holder = await readHolder(lockFile);
    if (holder !== undefined && !isAlive(holder)) {
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) {
      const seconds = Math.round(options.timeoutMs / 1000);
      throw new StoreError(
        'LOCKED',
        `store: ${options.storeLocation} is held by another writer (pid ${holder ?? 'unknown'}) for more than ${seconds} s; ` +
          `try again later, or remove ${lockFile} if that process is gone`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function tryCreate(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StoreError('WRITE', `store: cannot create lock ${lockFile} (${(error as Error).message})`, { cause: error });
  }
}

async function readHolder(lockFile: string): Promise<number | undefined> {
  try {
    const { pid } = JSON.parse(await readFile(lockFile, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    // Missing (just released) or half-written by a writer that is creating it right now.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function release(lockFile: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder === process.pid) await unlink(lockFile).catch(() => undefined);
}
