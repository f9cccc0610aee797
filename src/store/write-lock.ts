/** A cross-process writer lock: a `<store>.lock` file holding the owner's pid, taken over when that process is dead. */
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { StoreError } from '../errors.ts';
import { tempNameBeside } from './atomic-json-file.ts';
import { isOwnerGone, isProcessAlive, processIdentity } from './process-alive.ts';

const POLL_MS = 100;
// A lock without a readable pid this old was left half-written by a bantin before atomic locks.
const UNREADABLE_LOCK_GRACE_MS = 5_000;
const OWN_IDENTITY = processIdentity(process.pid);
// Locks this process holds right now: a lock naming our own pid that is not in here was left by
// an earlier process that had the same pid, and is stale.
const heldHere = new Set<string>();

interface Holder {
  pid: number;
  identity?: string;
}

export interface LockOptions {
  timeoutMs: number;
  /** Shown in the message when the wait runs out. */
  storeLocation: string;
}

/** Waits until the lock is ours and returns the function that releases it. */
export async function acquireWriteLock(lockFile: string, options: LockOptions): Promise<() => Promise<void>> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await tryCreate(lockFile)) {
      heldHere.add(lockFile);
      return () => release(lockFile);
    }
    const holder = await readHolder(lockFile);
    if (holder !== undefined ? isStale(lockFile, holder) : await isAbandoned(lockFile)) {
      await takeOver(lockFile, holder?.pid);
      continue;
    }
    if (Date.now() >= deadline) {
      const seconds = Math.round(options.timeoutMs / 1000);
      throw new StoreError(
        'LOCKED',
        `store: ${options.storeLocation} is held by another writer (pid ${holder?.pid ?? 'unknown'}) for more than ${seconds} s; ` +
          `try again later, or remove ${lockFile} if that process is gone`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Creates the lock with its content in one step: the pid is written to a temp file first and
 * hard-linked into place (which fails if the lock exists), so a process killed at any moment
 * never leaves an empty lock that nobody could tell is dead.
 */
async function tryCreate(lockFile: string): Promise<boolean> {
  const temp = tempNameBeside(lockFile, 'tmp');
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify({ pid: process.pid, identity: OWN_IDENTITY, since: new Date().toISOString() }));
    } finally {
      await handle.close();
    }
    await link(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StoreError('WRITE', `store: cannot create lock ${lockFile} (${(error as Error).message})`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Removes a dead writer's lock. Two waiters may see the same dead holder; renaming the lock aside
 * first means only one of them removes it, and a waiter that finds it moved a live lock (taken in
 * between by the other) puts it back.
 */
async function takeOver(lockFile: string, deadHolder: number | undefined): Promise<void> {
  const aside = tempNameBeside(lockFile, 'stale.tmp');
  try {
    await rename(lockFile, aside);
  } catch {
    return; // someone else got there first
  }
  const moved = (await readHolder(aside))?.pid;
  if (moved !== undefined && moved !== deadHolder && isProcessAlive(moved)) {
    await link(aside, lockFile).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function isAbandoned(lockFile: string): Promise<boolean> {
  const info = await stat(lockFile).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
}

function isStale(lockFile: string, holder: Holder): boolean {
  if (holder.pid === process.pid) return !heldHere.has(lockFile);
  return isOwnerGone(holder.pid, holder.identity);
}

async function readHolder(lockFile: string): Promise<Holder | undefined> {
  try {
    const { pid, identity } = JSON.parse(await readFile(lockFile, 'utf8')) as { pid?: unknown; identity?: unknown };
    if (typeof pid !== 'number') return undefined;
    return { pid, identity: typeof identity === 'string' ? identity : undefined };
  } catch {
    // Missing: just released or taken over. Unreadable: written by hand or by an older bantin.
    return undefined;
  }
}

async function release(lockFile: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder?.pid === process.pid) await unlink(lockFile).catch(() => undefined);
  heldHere.delete(lockFile);
}

/**
 * Removes the lock when it names this process although nothing here holds it any more: the
 * ingestion thread that took it ended without releasing it (a crash), and other writers would
 * otherwise wait on a live pid for ever. Call only when no writer of this process is running.
 */
export async function releaseLockOfEndedThread(lockFile: string): Promise<boolean> {
  const holder = await readHolder(lockFile);
  if (holder?.pid !== process.pid) return false;
  await unlink(lockFile).catch(() => undefined);
  return true;
}
