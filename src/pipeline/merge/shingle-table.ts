/**
 * A hash table from 32-bit (signed) shingle hashes to values, on typed arrays (open addressing, linear
 * probing): the similarity index looks shingles up millions of times a cycle, and a Map keyed by
 * numbers above 2^30 is several times slower and larger. Values are never removed one by one;
 * `retain` rebuilds the table with the values still wanted.
 */

const INITIAL_CAPACITY = 1 << 12;
const GOLDEN = 0x9e3779b1;

export class ShingleTable<T> {
  private bits = 12;
  private keys = new Int32Array(INITIAL_CAPACITY);
  /** 0 = empty slot, else 1 + the value's position in `values`. */
  private positions = new Int32Array(INITIAL_CAPACITY);
  private values: T[] = [];

  get size(): number {
    return this.values.length;
  }

  get(key: number): T | undefined {
    const mask = this.keys.length - 1;
    for (let at = Math.imul(key, GOLDEN) >>> (32 - this.bits); ; at = (at + 1) & mask) {
      const position = this.positions[at]!;
      if (position === 0) return undefined;
      if (this.keys[at] === key) return this.values[position - 1];
    }
  }

  /** Adds a key the table does not hold. */
  add(key: number, value: T): void {
    const mask = this.keys.length - 1;
    let at = Math.imul(key, GOLDEN) >>> (32 - this.bits);
    while (this.positions[at] !== 0) at = (at + 1) & mask;
    this.values.push(value);
    this.keys[at] = key;
    this.positions[at] = this.values.length;
    if (this.values.length * 2 > this.keys.length) this.rehash(this.bits + 1);
  }

  forEach(visit: (value: T) => void): void {
    for (const value of this.values) visit(value);
  }

  /** Keeps only the entries `keep` accepts. */
  retain(keep: (value: T) => boolean): void {
    const entries: [number, T][] = [];
    for (let at = 0; at < this.keys.length; at++) {
      const position = this.positions[at]!;
      if (position !== 0 && keep(this.values[position - 1]!)) entries.push([this.keys[at]!, this.values[position - 1]!]);
    }
    let bits = 12;
    while (entries.length * 2 > 1 << bits) bits++;
    this.reset(bits);
    for (const [key, value] of entries) this.add(key, value);
  }

  private rehash(bits: number): void {
    const { keys, positions, values } = this;
    this.reset(bits);
    for (let at = 0; at < keys.length; at++) {
      const position = positions[at]!;
      if (position !== 0) this.add(keys[at]!, values[position - 1]!);
    }
  }

  private reset(bits: number): void {
    this.bits = bits;
    this.keys = new Int32Array(1 << bits);
    this.positions = new Int32Array(1 << bits);
    this.values = [];
  }
}
