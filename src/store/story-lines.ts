/**
 * Each story's line of the store file as last read or written, for the next write to reuse while the
 * story is unchanged: a cycle that touched 50 stories of 20,000 serialises and encodes those 50, and
 * copies the bytes of the rest. It memoises JSON.stringify and UTF-8 encoding, nothing else, so it
 * holds whether or not the bytes ever reached the disk.
 *
 * A story is unchanged while it holds the very same copy objects and its other fields (id, dates,
 * categories) have the same values. Copies are frozen, all the way down, when their story's line is kept,
 * so a copy is changed by replacing it: editing one in place throws instead of leaving a stale line behind.
 */

interface KeptLine<Line> {
  /** For the file: a view into the buffers the file was read with (never reused), or a copy made at a write. */
  bytes: Line;
  copies: readonly unknown[];
  fields: readonly unknown[];
}

export class StoryLines<Line = Buffer> {
  private readonly lines = new WeakMap<object, KeptLine<Line>>();

  /**
   * Remembers `bytes` (for the file, the story's JSON, UTF-8, without separators; PostgreSQL keeps `true`,
   * only asking whether the story is as it last read or wrote it) as the line of `story` as it is now.
   */
  keep(story: unknown, bytes: Line): void {
    const copies = copiesOf(story);
    if (copies === undefined) return;
    for (const copy of copies) freezeCopy(copy);
    this.lines.set(story as object, { bytes, copies: [...copies], fields: otherFields(story as Record<string, unknown>) });
  }

  /** The kept line of `story`, or undefined when there is none or the story changed since. */
  lineOf(story: unknown): Line | undefined {
    if (typeof story !== 'object' || story === null) return undefined;
    const kept = this.lines.get(story);
    const copies = copiesOf(story);
    if (kept === undefined || copies === undefined || copies.length !== kept.copies.length) return undefined;
    for (let index = 0; index < copies.length; index++) if (copies[index] !== kept.copies[index]) return undefined;
    return sameFields(story as Record<string, unknown>, kept.fields) ? kept.bytes : undefined;
  }
}

function copiesOf(story: unknown): readonly unknown[] | undefined {
  const copies = typeof story === 'object' && story !== null ? (story as { copies?: unknown }).copies : undefined;
  return Array.isArray(copies) ? copies : undefined;
}

/**
 * Every field but the copies, as key, value, key, value…: strings and numbers as they are, an array of them
 * (the categories) copied, anything else as its JSON. Compared without serialising: a save checks every story.
 */
function otherFields(story: Record<string, unknown>): unknown[] {
  const fields: unknown[] = [];
  for (const key of Object.keys(story)) if (key !== 'copies') fields.push(key, keptValue(story[key]));
  return fields;
}

function sameFields(story: Record<string, unknown>, fields: readonly unknown[]): boolean {
  let index = 0;
  for (const key of Object.keys(story)) {
    if (key === 'copies') continue;
    if (index >= fields.length || fields[index] !== key || !sameValue(fields[index + 1], story[key])) return false;
    index += 2;
  }
  return index === fields.length;
}

/** A value of another shape than strings, numbers and arrays of them, kept as its JSON. */
class AsJson {
  constructor(readonly text: string) {}
}

function keptValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value) && value.every(isPlain)) return [...value];
  return new AsJson(JSON.stringify(value));
}

function sameValue(kept: unknown, value: unknown): boolean {
  if (kept instanceof AsJson) return typeof value === 'object' && value !== null && JSON.stringify(value) === kept.text;
  if (Array.isArray(kept)) return Array.isArray(value) && value.length === kept.length && value.every((element, index) => element === kept[index]);
  return kept === value;
}

function isPlain(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

/**
 * The copy and everything inside it, however deep (its source categories, its match record and the
 * copy and numbers that record names): an edit anywhere in it would otherwise leave the kept line stale.
 */
function freezeCopy(copy: unknown): void {
  if (typeof copy !== 'object' || copy === null || Object.isFrozen(copy)) return;
  for (const value of Object.values(copy)) freezeCopy(value);
  Object.freeze(copy);
}
