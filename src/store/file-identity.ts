/** Which file, as this process last saw it: tells a store file nobody has replaced since from one another writer saved. */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * Every save writes a new file and renames it into place, so another writer's save changes the
 * inode; size and mtime (nanosecond-precise where the file system keeps it) guard against an
 * inode number reused after the old file was freed.
 */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export function identityOf(stats: Stats): FileIdentity {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

/** The identity of the file at `file` now, or undefined when there is none. */
export async function currentIdentity(file: string): Promise<FileIdentity | undefined> {
  return stat(file).then(identityOf, () => undefined);
}

export function isSameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
