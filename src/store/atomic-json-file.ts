/** A lowdb adapter that never leaves a half-written file: temp file, fsync, backup, rename. */
import { copyFile, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreError } from '../errors.ts';

export class AtomicJsonFile<T> implements Adapter<T> {
  readonly filename: string;
  readonly backupFilename: string;

  constructor(filename: string) {
    this.filename = filename;
    this.backupFilename = `${filename}.bak`;
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

  async write(data: T): Promise<void> {
    const temp = path.join(path.dirname(this.filename), `.${path.basename(this.filename)}.${process.pid}.tmp`);
    try {
      await writeSynced(temp, JSON.stringify(data));
      await this.backupCurrent();
      await rename(temp, this.filename);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new StoreError('WRITE', `store: cannot write ${this.filename} (${(error as Error).message})`, { cause: error });
    }
  }

  /** The previous good store stays beside the new one, for the operator to restore by hand. */
  private async backupCurrent(): Promise<void> {
    try {
      await copyFile(this.filename, this.backupFilename);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
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
