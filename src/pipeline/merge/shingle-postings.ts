/**
 * The inverted index under SimilarityIndex: for each shingle, the slots of the indexed stories that
 * hold it. Slots are small integers so that counting a copy's candidates touches typed arrays, not
 * maps, and a story leaving the index is only marked: posting lists are compacted when half dead.
 */

import { ShingleTable } from './shingle-table.ts';

/** The stories holding one shingle, in indexing order; `live` counts those not removed. */
export interface Posting {
  slots: number[];
  live: number;
}

/** Compaction waits for at least this many dead references (or emptied postings), so small indexes never bother. */
const MIN_DEAD_TO_COMPACT = 4096;
/** Search numbers restart before they would overflow the Int32Array of stamps. */
const QUERY_RESET = 2 ** 30;

export class ShinglePostings {
  private readonly postings = new ShingleTable<Posting>();
  /** Postings whose every story was removed: they stay in the table, empty, until compaction. */
  private emptied = 0;
  private dead = new Uint8Array(256);
  private stamp = new Int32Array(256);
  private shared = new Int32Array(256);
  /** Slots met by the current search, reused from one search to the next. */
  private touched: Int32Array = new Int32Array(1024);
  private sorted: Int32Array = new Int32Array(1024);
  private nextSlot = 0;
  private freeSlots: number[] = [];
  /** Slots removed since the last compaction: still referenced by posting lists, so not reusable yet. */
  private removedSlots: number[] = [];
  private liveRefs = 0;
  private deadRefs = 0;
  private query = 0;

  get(shingle: number): Posting | undefined {
    return this.postings.get(shingle);
  }

  /** Indexes a slot under each shingle; returns the postings in the order of `shingles`. */
  add(shingles: Iterable<number>): { slot: number; postings: Posting[] } {
    const slot = this.allocate();
    return { slot, postings: this.extend(slot, shingles) };
  }

  /** Indexes a slot already in use under more shingles (a story that gained a copy); returns their postings, in order. */
  extend(slot: number, shingles: Iterable<number>): Posting[] {
    const postings: Posting[] = [];
    for (const shingle of shingles) {
      let posting = this.postings.get(shingle);
      if (posting === undefined) {
        posting = { slots: [], live: 0 };
        this.postings.add(shingle, posting);
      } else if (posting.live === 0) this.emptied--;
      posting.slots.push(slot);
      posting.live++;
      postings.push(posting);
      this.liveRefs++;
    }
    return postings;
  }

  /** Takes a slot out of every count at once; its references are skipped until the next compaction. */
  remove(slot: number, postings: readonly Posting[]): void {
    this.dead[slot] = 1;
    this.removedSlots.push(slot);
    for (const posting of postings) {
      this.liveRefs--;
      if (--posting.live === 0) {
        // Every reference left is dead: drop them now, as deleting the list would.
        this.deadRefs -= posting.slots.length - 1;
        posting.slots = [];
        this.emptied++;
      } else this.deadRefs++;
    }
  }

  /**
   * The first `limit` slots that `accept` takes among those sharing at least `minShared` of the given
   * postings (each holding at most `maxLive` stories): most shared first, ties in the order first met.
   */
  topShared(postings: readonly (Posting | undefined)[], maxLive: number, minShared: number, limit: number, accept: (slot: number) => boolean): number[] {
    if (this.query >= QUERY_RESET) {
      this.stamp.fill(0);
      this.query = 0;
    }
    const query = ++this.query;
    const { dead, stamp, shared } = this;
    let touched = this.touched;
    let count = 0;
    let most = 0;
    for (const posting of postings) {
      if (!posting || posting.live > maxLive) continue;
      const slots = posting.slots;
      for (let index = 0; index < slots.length; index++) {
        const slot = slots[index]!;
        if (dead[slot] === 1) continue;
        if (stamp[slot] !== query) {
          stamp[slot] = query;
          shared[slot] = 1;
          if (count === touched.length) touched = this.growTouched();
          touched[count++] = slot;
        } else if (++shared[slot]! > most) most = shared[slot]!;
      }
    }
    if (most < minShared) return [];
    // Most slots met share a shingle or two: only those sharing minShared can be chosen, so only they
    // are sorted, in the order met (a stable counting sort by shared count, walked from the top).
    let eligible = 0;
    for (let index = 0; index < count; index++) {
      const slot = touched[index]!;
      if (shared[slot]! >= minShared) touched[eligible++] = slot;
    }
    const levels = most - minShared + 1;
    const starts = new Int32Array(levels + 1);
    for (let index = 0; index < eligible; index++) starts[most - shared[touched[index]!]! + 1]!++;
    for (let level = 1; level <= levels; level++) starts[level]! += starts[level - 1]!;
    const sorted = this.sortBuffer(eligible);
    for (let index = 0; index < eligible; index++) {
      const slot = touched[index]!;
      sorted[starts[most - shared[slot]!]!++] = slot;
    }
    const chosen: number[] = [];
    for (let index = 0; index < eligible && chosen.length < limit; index++) {
      const slot = sorted[index]!;
      if (accept(slot)) chosen.push(slot);
    }
    return chosen;
  }

  /** A scratch array of at least `length`, reused by every search. */
  private sortBuffer(length: number): Int32Array {
    if (this.sorted.length < length) this.sorted = new Int32Array(Math.max(length, this.sorted.length * 2));
    return this.sorted;
  }

  private growTouched(): Int32Array {
    const grown = new Int32Array(this.touched.length * 2);
    grown.set(this.touched);
    this.touched = grown;
    return grown;
  }

  /** Drops dead references once they outnumber live ones, keeping every list's order, and emptied postings likewise. */
  compactIfWasteful(): void {
    if (this.emptied >= MIN_DEAD_TO_COMPACT && this.emptied * 2 > this.postings.size) {
      this.postings.retain((posting) => posting.live > 0);
      this.emptied = 0;
    }
    if (this.deadRefs < MIN_DEAD_TO_COMPACT || this.deadRefs <= this.liveRefs) return;
    const dead = this.dead;
    this.postings.forEach((posting) => {
      if (posting.slots.length !== posting.live) posting.slots = posting.slots.filter((slot) => dead[slot] !== 1);
    });
    for (const slot of this.removedSlots) this.freeSlots.push(slot);
    this.removedSlots = [];
    this.deadRefs = 0;
  }

  private allocate(): number {
    const slot = this.freeSlots.pop() ?? this.nextSlot++;
    if (slot >= this.dead.length) this.grow(slot + 1);
    this.dead[slot] = 0;
    this.stamp[slot] = 0;
    return slot;
  }

  private grow(minimum: number): void {
    const size = Math.max(minimum, this.dead.length * 2);
    const grown = <T extends Uint8Array | Int32Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.dead = grown(this.dead, new Uint8Array(size));
    this.stamp = grown(this.stamp, new Int32Array(size));
    this.shared = grown(this.shared, new Int32Array(size));
  }
}
