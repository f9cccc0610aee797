/** Reads a store written in the line layout (see line-layout.ts) a line at a time, never holding the file as one string. */
import type { FileHandle } from 'node:fs/promises';
import { FIRST_LINE_MAX_BYTES, lineLayoutVersion } from './line-layout.ts';
import type { StoryLines } from './story-lines.ts';

const READ_CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** Where and why a file that starts as the line layout breaks it. */
export class LineLayoutError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** A document read from the line layout, and the line each top-level container opened on. */
export interface LineLayoutDocument {
  document: Record<string, unknown>;
  /** Container key → the number of its opening line; element `i` of an array is on the line `i + 1` after it. */
  openedAt: ReadonlyMap<string, number>;
}

/**
 * The document in the file, or undefined when the file does not start with the layout's marker
 * line. Throws LineLayoutError when it does but a later line breaks the layout or the file ends
 * before the document does; read errors pass through.
 */
export async function readLineLayout(handle: FileHandle, storyLines?: StoryLines): Promise<LineLayoutDocument | undefined> {
  const start = Buffer.alloc(FIRST_LINE_MAX_BYTES);
  const { bytesRead } = await handle.read(start, 0, start.length, 0);
  const schemaVersion = lineLayoutVersion(start.subarray(0, bytesRead));
  if (schemaVersion === undefined) return undefined;
  const parser = new LineLayoutParser(schemaVersion, storyLines);
  let number = 0;
  for await (const line of linesOf(handle)) {
    number++;
    if (number > 1) parser.accept(line, number);
  }
  return parser.finish(number);
}

/** The file's lines as bytes, read with positioned reads so the handle's own offset stays at 0. */
async function* linesOf(handle: FileHandle): AsyncGenerator<Buffer> {
  let position = 0;
  let carried: Buffer[] = [];
  for (;;) {
    // A fresh buffer each time: `carried` may still point into the previous one.
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const chunk = buffer.subarray(0, bytesRead);
    let from = 0;
    for (let end = chunk.indexOf(NEWLINE, from); end !== -1; end = chunk.indexOf(NEWLINE, from)) {
      yield joined(carried, chunk.subarray(from, end));
      carried = [];
      from = end + 1;
    }
    if (from < chunk.length) carried.push(chunk.subarray(from));
  }
  if (carried.length > 0) yield joined(carried, Buffer.alloc(0));
}

/** A line that began in an earlier read; views of fresh buffers otherwise, which story lines may keep. */
function joined(carried: readonly Buffer[], rest: Buffer): Buffer {
  return carried.length === 0 ? rest : Buffer.concat([...carried, rest]);
}

/**
 * What may come next: a top-level member, the closing `}`, an entry of the open container or its
 * close — following JSON's commas, so a missing or extra one is as much an error as in JSON.parse.
 */
type Expect = 'member' | 'end' | 'entry-or-close' | 'entry' | 'close' | 'nothing';

class LineLayoutParser {
  private readonly root: Record<string, unknown>;
  private container: unknown[] | Record<string, unknown> | undefined;
  /** Where the lines of the open container's elements go, when it is the stories. */
  private containerLines: StoryLines | undefined;
  private expect: Expect = 'member';
  private readonly openedAt = new Map<string, number>();

  constructor(
    schemaVersion: number,
    private readonly storyLines: StoryLines | undefined,
  ) {
    this.root = { schemaVersion };
  }

  accept(bytes: Buffer, number: number): void {
    try {
      this.acceptLine(bytes.toString('utf8'), bytes, number);
    } catch (error) {
      throw new LineLayoutError(number, (error as Error).message);
    }
  }

  finish(lines: number): LineLayoutDocument {
    if (this.expect !== 'nothing') throw new LineLayoutError(lines, 'the file ends before the store does (cut short?)');
    return { document: this.root, openedAt: this.openedAt };
  }

  private acceptLine(line: string, bytes: Buffer, number: number): void {
    switch (this.expect) {
      case 'nothing':
        if (line.trim() !== '') throw new Error('text after the end of the store');
        return;
      case 'end':
        if (line !== '}') throw new Error('expected the closing } after the last member');
        this.expect = 'nothing';
        return;
      case 'member':
        return this.acceptMember(line, number);
      default:
        return this.acceptInContainer(line, bytes);
    }
  }

  private acceptMember(line: string, number: number): void {
    const opens = line.endsWith(':[') ? [] : line.endsWith(':{') ? {} : undefined;
    if (opens !== undefined) {
      const key: unknown = JSON.parse(line.slice(0, -2));
      if (typeof key !== 'string') throw new Error('expected a "key": before [ or {');
      setOwn(this.root, key, opens);
      this.openedAt.set(key, number);
      this.container = opens;
      this.containerLines = key === 'stories' && Array.isArray(opens) ? this.storyLines : undefined;
      this.expect = 'entry-or-close';
      return;
    }
    const { body, comma } = splitComma(line);
    assignEntries(this.root, body);
    this.expect = comma ? 'member' : 'end';
  }

  private acceptInContainer(line: string, bytes: Buffer): void {
    const container = this.container!;
    const closer = Array.isArray(container) ? ']' : '}';
    if (line === closer || line === `${closer},`) {
      if (this.expect === 'entry') throw new Error(`a comma before ${closer}`);
      this.container = undefined;
      this.expect = line.endsWith(',') ? 'member' : 'end';
      return;
    }
    if (this.expect === 'close') throw new Error(`expected ${closer} or a comma at the end of the line before`);
    const { body, comma } = splitComma(line);
    if (Array.isArray(container)) {
      const element: unknown = JSON.parse(body);
      container.push(element);
      this.containerLines?.keep(element, comma ? bytes.subarray(0, -1) : bytes);
    } else assignEntries(container, body);
    this.expect = comma ? 'entry' : 'close';
  }
}

/** A line's JSON and whether a comma ends it; no JSON value ends with a comma of its own. */
function splitComma(line: string): { body: string; comma: boolean } {
  return line.endsWith(',') ? { body: line.slice(0, -1), comma: true } : { body: line, comma: false };
}

/** `"key":value` (one or more) into `target`. */
function assignEntries(target: Record<string, unknown>, body: string): void {
  const entries = JSON.parse(`{${body}}`) as Record<string, unknown>;
  if (Object.keys(entries).length === 0) throw new Error('expected "key":value');
  for (const key of Object.keys(entries)) setOwn(target, key, entries[key]);
}

/** As JSON.parse does: a `__proto__` key is an own property, never the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
