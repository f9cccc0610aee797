/** A lowdb adapter that never leaves a half-written file: temp file, fsync, backup, rename. */
import { randomBytes } from 'node:crypto';
import { copyFile, link, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreError } from '../errors.ts';
import { isProcessAlive } from './process-alive.ts';

export class AtomicJsonFile<T> implements Adapter<T> {
  readonly filename: string;
  readonly backupFilename: string;
  private readonly dir: string;
  private readonly tempPrefix: string;

  constructor(filename: string) {
    this.filename = filename;
    this.backupFilename = `${filename}.bak`;
    this.dir = path.dirname(filename);
    this.tempPrefix = `.${path.basename(filename)}.`;
  }

  /** Parsed content, or null when the file does not exist yet. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filename, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new StoreError('UNREADABLE', `store: cannot read ${this.filename} (${code})`, { cause: error });
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new StoreError(
        'CORRUPT',
        `store: ${this.filename} is not valid JSON (${(error as Error).message}); it was left untouched. ` +
          `Restore the last good copy with: cp ${this.backupFilename} ${this.filename}`,
        { cause: error },
      );
    }
  }

  /**
   * Writes `data` so that a crash at any moment leaves either the old or the new store, and a
   * complete `.bak` of the previous one: every file is written under a temp name and renamed.
   */
  async write(data: T): Promise<void> {
    const temp = this.tempName('tmp');
    try {
      await this.removeStaleTemps();
      await writeSynced(temp, JSON.stringify(data));
      await this.backupCurrent();
      await rename(temp, this.filename);
      await syncDir(this.dir);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new StoreError('WRITE', `store: cannot write ${this.filename} (${(error as Error).message})`, { cause: error });
    }
  }

  /** The previous good store stays beside the new one, for the operator to restore by hand. */
  private async backupCurrent(): Promise<void> {
    const temp = this.tempName('bak.tmp');
    try {
      // A second name for the current file costs no copy; it keeps the old content after the rename.
      await link(this.filename, temp);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      await copyFile(this.filename, temp); // file systems without hard links
    }
    await rename(temp, this.backupFilename);
  }

  private tempName(suffix: string): string {
    return tempNameBeside(this.filename, suffix);
  }

  /** Temp files of a writer killed mid-write; they would otherwise pile up beside the store. */
  private async removeStaleTemps(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith(this.tempPrefix)) continue;
      // `.db.json.<pid>.<n>.tmp`, `.db.json.<pid>.<n>.bak.tmp`, and the lock's `.db.json.lock.<pid>.<n>[.stale].tmp`.
      const pid = Number(/^(?:lock\.)?(\d+)\.(?:[a-z0-9]+\.)*tmp$/.exec(name.slice(this.tempPrefix.length))?.[1]);
      if (Number.isInteger(pid) && pid !== process.pid && !isProcessAlive(pid)) {
        await unlink(path.join(this.dir, name)).catch(() => undefined);
      }
    }
  }
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; some platforms cannot open a folder, and lose only that guarantee. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/**
 * A hidden temp name beside `file`, `.db.json.<pid>.<hex>.<suffix>`: unique per call, so two
 * writes in one process never share one, and carrying the pid so a dead writer's leftovers can
 * be swept. The lock (`.db.json.lock.<pid>.…`) names its temp files the same way.
 */
export function tempNameBeside(file: string, suffix: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.${suffix}`);
}
