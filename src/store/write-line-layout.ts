/** Writes a store in the line layout (see line-layout.ts) to an open file, about a megabyte per write. */
import type { FileHandle } from 'node:fs/promises';
import { firstLine } from './line-layout.ts';
import type { StoryLines } from './story-lines.ts';

/** Bytes gathered before each write: serialising one chunk is the longest block of the event loop. */
const CHUNK_BYTES = 1 << 20;
const encoder = new TextEncoder();

/**
 * Serialises `data` a line at a time; between buffers it waits for a write, whose completion comes
 * back through the event loop, so timers and requests run between chunks. Do not change `data`
 * until this settles: unlike one `JSON.stringify`, the file is taken from it over time.
 */
export async function writeLineLayout(handle: FileHandle, data: Record<string, unknown>, storyLines?: StoryLines): Promise<void> {
  const out = new ChunkedOutput(handle);
  const { schemaVersion } = data;
  const members = Object.entries(data).filter(([key, value]) => key !== 'schemaVersion' && isJsonVisible(value));
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || members.length === 0) {
    // Not a store this layout describes (nothing after the marker line); plain JSON reads back the same.
    out.append(JSON.stringify(data));
    return out.end();
  }
  out.append(firstLine(schemaVersion).slice(0, -1));
  for (const [key, value] of members) {
    out.append(',\n');
    await writeMember(out, key, value, key === 'stories' ? storyLines : undefined);
  }
  out.append('\n}\n');
  await out.end();
}

async function writeMember(out: ChunkedOutput, key: string, value: unknown, lines: StoryLines | undefined): Promise<void> {
  const name = JSON.stringify(key);
  if (Array.isArray(value) && value.length > 0) {
    out.append(`${name}:[`);
    let separator = '\n';
    for (const element of value) {
      out.append(separator);
      const kept = lines?.lineOf(element);
      if (kept !== undefined) out.appendBytes(kept);
      else {
        // JSON.stringify writes null for undefined, functions and symbols in arrays.
        const bytes = out.append(JSON.stringify(element) ?? 'null');
        // A copy: a view would keep this write's whole megabyte buffer alive for one story's line.
        lines?.keep(element, Buffer.from(bytes));
      }
      separator = ',\n';
      await out.flushWhenFull();
    }
    out.append('\n]');
  } else if (isPlainContainer(value) && Object.keys(value).length > 0) {
    out.append(`${name}:{`);
    let separator = '\n';
    for (const [entryKey, entry] of Object.entries(value)) {
      const json = JSON.stringify(entry);
      if (json === undefined) continue; // as JSON.stringify leaves such entries out
      out.append(`${separator}${JSON.stringify(entryKey)}:${json}`);
      separator = ',\n';
      await out.flushWhenFull();
    }
    out.append(separator === '\n' ? '}' : '\n}');
  } else {
    out.append(`${name}:${JSON.stringify(value)}`);
  }
}

/** An object JSON.stringify would write entry by entry (not a Date or anything else with toJSON). */
function isPlainContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether JSON.stringify writes this member of an object at all. */
function isJsonVisible(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/**
 * Encodes text straight into megabyte buffers (no joined string, no buffer per line) and writes
 * each full one while the next is being filled: one write in flight, in order.
 */
class ChunkedOutput {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly full: Buffer[] = [];
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly handle: FileHandle) {}

  /** Encodes `text` into the output; returns its bytes there (a view: buffers are never reused). */
  append(text: string): Buffer {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a text that might not fit starts a new buffer.
    if (text.length * 3 > this.buffer.length - this.used) {
      this.retireBuffer();
      if (text.length * 3 > this.buffer.length) {
        const own = Buffer.from(text, 'utf8');
        this.full.push(own);
        return own;
      }
    }
    const start = this.used;
    // encodeInto, not buffer.write: Node 20's utf8 write is slow on non-Latin-1 text (Vietnamese) until warmed up.
    this.used += encoder.encodeInto(text, this.buffer.subarray(start)).written;
    return this.buffer.subarray(start, this.used);
  }

  /** Bytes already encoded (a kept story line): copied into the current buffer, or written as they are when large. */
  appendBytes(bytes: Buffer): void {
    if (bytes.length > this.buffer.length - this.used) {
      this.retireBuffer();
      if (bytes.length > this.buffer.length) {
        this.full.push(bytes);
        return;
      }
    }
    this.used += bytes.copy(this.buffer, this.used);
  }

  /**
   * Waits for the previous write and starts the next when a buffer is full. Waiting on a write
   * always lets the event loop turn (its completion arrives through the loop), so no block of
   * work here outlasts the serialising of one buffer.
   */
  async flushWhenFull(): Promise<void> {
    if (this.full.length === 0) return;
    await this.inFlight;
    const buffers = this.full.splice(0);
    this.inFlight = (async () => {
      for (const buffer of buffers) await writeAll(this.handle, buffer);
    })();
    // Awaited at the next flush or at the end; this only keeps Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  async end(): Promise<void> {
    this.retireBuffer();
    await this.flushWhenFull();
    await this.inFlight;
  }

  private retireBuffer(): void {
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}

/** A write may take fewer bytes than asked; the rest follows. */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
