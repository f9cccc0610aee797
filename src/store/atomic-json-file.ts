/**
 * A lowdb adapter that never leaves a half-written file (temp file, fsync, backup, rename) and
 * never builds one string as big as the store: it writes and reads the line layout of
 * line-layout.ts, and still reads any other JSON file, such as a store written before that layout.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreError } from '../errors.ts';
import type { EntryLine } from './check-entries.ts';
import { identityOf, type FileIdentity } from './file-identity.ts';
import { isProcessAlive, processStartedAt, systemClocks, type Clocks } from './process-alive.ts';
import { LineLayoutError, readLineLayout } from './read-line-layout.ts';
import { StoryLines } from './story-lines.ts';
import { writeLineLayout } from './write-line-layout.ts';

export class AtomicJsonFile<T extends object> implements Adapter<T> {
  readonly filename: string;
  readonly backupFilename: string;
  private readonly dir: string;
  // Which file each object read or written corresponds to; lets the store skip reading a file it already holds.
  private readonly identities = new WeakMap<object, FileIdentity>();
  // Stories' lines as read or written, so a write serialises only the stories that changed.
  private readonly storyLines = new StoryLines();
  // Where each top-level container of a document read in the line layout opened, to name an entry's line.
  private readonly openedAt = new WeakMap<object, ReadonlyMap<string, number>>();

  // The clocks the temp sweep tells a reused pid by; a test steps the wall clock.
  private readonly clocks: Clocks;

  constructor(filename: string, clocks: Clocks = systemClocks) {
    this.filename = filename;
    this.clocks = clocks;
    this.backupFilename = `${filename}.bak`;
    this.dir = path.dirname(filename);
  }

  /** The file `data` was last read from or written to by this adapter (its identity then), if any. */
  identityOf(data: T): FileIdentity | undefined {
    return this.identities.get(data);
  }

  /** The line each element of a top-level array of `data` was read from; undefined for data not read in the line layout. */
  entryLineOf(data: T): EntryLine | undefined {
    const openedAt = this.openedAt.get(data);
    if (openedAt === undefined) return undefined;
    // The layout holds one array element per line, so the line follows from the index.
    return (container, index) => {
      const opened = openedAt.get(container);
      return opened === undefined ? undefined : opened + 1 + index;
    };
  }

  /** What to tell the operator about a store this adapter refused to read. */
  restoreAdvice(): string {
    return `it was left untouched. Restore the last good copy with: cp ${this.backupFilename} ${this.filename}`;
  }

  /** Parsed content, or null when the file does not exist yet. */
  async read(): Promise<T | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.filename, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.unreadable(error);
    }
    try {
      // Taken from the open file, so it names exactly the content parsed below even if the file is replaced meanwhile.
      const identity = identityOf(await handle.stat());
      const data = await this.parse(handle);
      if (typeof data === 'object' && data !== null) this.identities.set(data, identity);
      return data;
    } catch (error) {
      throw error instanceof StoreError ? error : this.unreadable(error);
    } finally {
      await handle.close();
    }
  }

  private async parse(handle: FileHandle): Promise<T> {
    let layoutError: LineLayoutError | undefined;
    try {
      const read = await readLineLayout(handle, this.storyLines);
      if (read !== undefined) {
        this.openedAt.set(read.document, read.openedAt);
        return read.document as T;
      }
    } catch (error) {
      if (!(error instanceof LineLayoutError)) throw error;
      layoutError = error;
    }
    // Not the line layout: a store from before it, or one edited by hand — still valid JSON, maybe.
    let text: string;
    try {
      text = await handle.readFile('utf8');
    } catch (error) {
      if (layoutError) throw this.corrupt(layoutError.message, layoutError); // too big for one string
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw this.corrupt(layoutError?.message ?? (error as Error).message, layoutError ?? error);
    }
  }

  private corrupt(detail: string, cause: unknown): StoreError {
    return new StoreError(
      'CORRUPT',
      `store: ${this.filename} is not valid JSON (${detail}); ${this.restoreAdvice()}`,
      { cause },
    );
  }

  private unreadable(error: unknown): StoreError {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return new StoreError('UNREADABLE', `store: cannot read ${this.filename} (${code})`, { cause: error });
  }

  /**
   * Writes `data` so that a crash at any moment leaves either the old or the new store, and a
   * complete `.bak` of the previous one: every file is written under a temp name and renamed.
   */
  async write(data: T): Promise<void> {
    const temp = this.tempName('tmp');
    try {
      await this.removeStaleTemps();
      const identity = await writeSynced(temp, data, this.storyLines);
      await this.backupCurrent();
      await rename(temp, this.filename);
      await syncDir(this.dir);
      this.identities.set(data, identity);
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
    // A writer killed between this rename and the store's leaves the .bak a second name for the store. Renaming
    // one name of a file onto another name of the same file does nothing and succeeds (POSIX), so `temp` is still
    // there: the .bak rightly keeps that content, and `temp` must go, or this writer leaves it behind.
    await unlink(temp).catch(() => undefined);
  }

  private tempName(suffix: string): string {
    return tempNameBeside(this.filename, suffix);
  }

  /** Temp files of a writer killed mid-write; they would otherwise pile up beside the store. */
  private async removeStaleTemps(): Promise<void> {
    await removeTempsOf(this.filename, (pid, modifiedMs) => pid !== process.pid && isWriterGone(pid, modifiedMs, this.clocks));
  }
}

/**
 * Removes the temp files beside `file` whose writer's pid `isGone` says is gone:
 * `.db.json.<pid>.<n>.tmp`, `.db.json.<pid>.<n>.bak.tmp`, and the lock's `.db.json.lock.<pid>.<n>[.stale].tmp`.
 */
export async function removeTempsOf(file: string, isGone: (pid: number, modifiedMs: number) => boolean): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(?:lock\.)?(\d+)\.(?:[a-z0-9]+\.)*tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid)) continue;
    // A `.bak.tmp` is a hard link to the store and keeps the store's older content time; linking it set its
    // inode's change time — the moment its writer made it.
    const backupLink = name.endsWith('.bak.tmp');
    const modifiedMs = await stat(path.join(dir, name)).then((stats) => (backupLink ? stats.ctimeMs : stats.mtimeMs), () => undefined);
    if (modifiedMs !== undefined && isGone(pid, modifiedMs)) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/** A second of slack between a file's time and a process's start, read to the clock tick. */
const START_SLACK_MS = 1_000;

/**
 * Whether the writer of a temp file last written at `modifiedMs` is gone: no process has its pid, or the one
 * that has it started after the file was written (a pid reused — in containers from one start to the next, and
 * on a busy machine whose pids wrapped).
 */
function isWriterGone(pid: number, modifiedMs: number, clocks: Clocks): boolean {
  if (!isProcessAlive(pid)) return true;
  const started = processStartedAt(pid, clocks);
  return started !== undefined && started > modifiedMs + START_SLACK_MS;
}

/** Writes and fsyncs `file`; its identity, which the rename into place keeps. */
async function writeSynced(file: string, data: object, storyLines: StoryLines): Promise<FileIdentity> {
  const handle = await open(file, 'w');
  try {
    await writeLineLayout(handle, data as Record<string, unknown>, storyLines);
    await handle.sync();
    return identityOf(await handle.stat());
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
