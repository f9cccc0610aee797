/**
 * Finds the indexed story a new copy most likely belongs to: an inverted index from shingles to
 * stories proposes candidates through the shingles few stories share, and the rule of match-score confirms.
 * The index outlives a batch: each batch re-binds the stories in its time window that have not
 * changed and indexes only the rest, so its cost follows what is new, not the size of the window.
 */
import type { Copy, Story } from '../../model/types.ts';
import type { MatchProfile } from './match-profile.ts';
import { decideMatch, MERGE_WINDOW_MS, MIN_SHARED_WEIGHT, shingleWeight, weighCopySide } from './match-score.ts';
import { ShinglePostings, type Posting } from './shingle-postings.ts';

export { MERGE_WINDOW_MS } from './match-score.ts';

/** Below this many shingles a copy is too short to compare safely. */
const MIN_SHINGLES = 8;
/** A shingle held by more stories than this is a stock phrase: it proposes no candidates (and weighs next to nothing). */
const MAX_POSTINGS = 100;
/** Candidates must share at least this many proposing shingles… */
const MIN_SHARED_SHINGLES = 4;
/** …and only the best few are scored, so a copy's work stays bounded however large the window. */
const MAX_CANDIDATES = 8;

interface Entry {
  story: Story;
  slot: number;
  sourceIds: Set<string>;
  profile: MatchProfile;
  /** The postings of `profile.shingles`, in that order: their counts weigh the story's text. */
  postings: Posting[];
  /** Copy dates, for the time between a new copy and the story's nearest copy. */
  times: number[];
  /** The copies the entry was built from, to tell whether a story loaded again is unchanged. */
  copies: readonly Copy[];
  /** The last batch whose window held the story. */
  batch: number;
}

export interface SimilarityIndexOptions {
  profileOf: (copy: Copy) => MatchProfile;
  /** Called for each copy of a story kept from an earlier batch, whose profile is still in use. */
  keepProfile?: (copy: Copy) => void;
}

export class SimilarityIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new ShinglePostings();
  private readonly slots: Entry[] = [];
  private batch = 0;
  private window: readonly Story[] = [];
  private built = true;
  /**
   * Until a batch's first search the index is not brought up to date: re-indexings and removals are
   * noted, in the order of each story's last one, and build() applies them after the window (what
   * indexing at once would have given). A batch whose copies are all unchanged never pays for it.
   */
  private readonly noted = new Map<Story, 'refresh' | 'remove'>();

  constructor(private readonly options: SimilarityIndexOptions) {}

  /** Starts a batch: `window` is every stored story dated near the batch's copies, in store order. */
  startBatch(window: readonly Story[]): void {
    this.batch++;
    this.window = window;
    this.built = false;
    this.noted.clear();
  }

  /** The indexed story, other than `exclude` and without a copy from the same source, that this copy belongs to. */
  findMatch(copy: Copy, exclude?: Story): Story | undefined {
    this.build();
    const profile = this.options.profileOf(copy);
    if (profile.shingles.size < MIN_SHINGLES) return undefined;
    const time = Date.parse(copy.datePublished);
    const copyPostings = Array.from(profile.shingles, (shingle) => this.postings.get(shingle));
    const copyCounts = copyPostings.map((posting) => posting?.live ?? 0);
    let best: { story: Story; containment: number } | undefined;
    for (const entry of this.candidates(copy, copyPostings, time, exclude)) {
      // judgeCounted in two steps: too little shared weight rules a candidate out before its own side is weighed.
      const { shared, copyTotal } = weighCopySide(profile, entry.profile, copyCounts);
      if (shared < MIN_SHARED_WEIGHT) continue;
      let storyTotal = 0;
      for (const posting of entry.postings) storyTotal += shingleWeight(Math.max(0, posting.live - 1));
      const verdict = decideMatch({ copy: profile, story: entry.profile, gapMs: nearestGap(entry.times, time) }, shared, copyTotal, storyTotal);
      if (verdict.same && (!best || verdict.containment > best.containment)) best = { story: entry.story, containment: verdict.containment };
    }
    return best?.story;
  }

  /** Re-indexes a story after its copies changed, so later copies see the joined text. */
  refresh(story: Story): void {
    if (!this.built) return this.note(story, 'refresh');
    this.forget(story.id);
    this.add(story);
  }

  /** Forgets a story (absorbed into another). */
  removeStory(story: Story): void {
    if (!this.built) return this.note(story, 'remove');
    this.forget(story.id);
  }

  private note(story: Story, change: 'refresh' | 'remove'): void {
    this.noted.delete(story);
    this.noted.set(story, change);
  }

  /** Brings the index to the batch's window: unchanged stories keep their entry, changed and new ones are indexed. */
  private build(): void {
    if (this.built) return;
    this.built = true;
    for (const story of this.window) if (!this.noted.has(story)) this.keepOrAdd(story);
    for (const [story, change] of this.noted) {
      this.forget(story.id);
      if (change === 'refresh') this.add(story);
    }
    this.noted.clear();
    this.window = [];
    for (const entry of this.entries.values()) if (entry.batch !== this.batch) this.forget(entry.story.id);
    this.postings.compactIfWasteful();
  }

  private keepOrAdd(story: Story): void {
    const entry = this.entries.get(story.id);
    if (entry && sameCopies(entry.copies, story.copies)) {
      entry.story = story;
      entry.batch = this.batch;
      if (this.options.keepProfile) for (const copy of story.copies) this.options.keepProfile(copy);
      return;
    }
    if (entry) this.forget(story.id);
    this.add(story);
  }

  /** Indexes the story under the union of its copies' shingles and figures. */
  private add(story: Story): void {
    const profile = this.unionProfile(story.copies);
    const { slot, postings } = this.postings.add(profile.shingles);
    const entry: Entry = { story, slot, sourceIds: new Set(), profile, postings, times: [], copies: [...story.copies], batch: this.batch };
    for (const copy of story.copies) {
      entry.sourceIds.add(copy.sourceId);
      entry.times.push(Date.parse(copy.datePublished));
    }
    this.entries.set(story.id, entry);
    this.slots[slot] = entry;
  }

  private unionProfile(copies: readonly Copy[]): MatchProfile {
    // A story of one copy (most of them) shares that copy's profile; nothing mutates profiles.
    if (copies.length === 1) return this.options.profileOf(copies[0]!);
    const shingles = new Set<number>();
    const figures = new Set<string>();
    for (const copy of copies) {
      const profile = this.options.profileOf(copy);
      for (const shingle of profile.shingles) shingles.add(shingle);
      for (const figure of profile.figures) figures.add(figure);
    }
    return { shingles, figures };
  }

  private forget(storyId: string): void {
    const entry = this.entries.get(storyId);
    if (!entry) return;
    this.entries.delete(storyId);
    this.postings.remove(entry.slot, entry.postings);
  }

  /** The best few eligible stories by number of shared proposing shingles; ties keep indexing order. */
  private candidates(copy: Copy, copyPostings: readonly (Posting | undefined)[], time: number, exclude: Story | undefined): Entry[] {
    const eligible = (slot: number) => {
      const entry = this.slots[slot]!;
      return (
        entry.story !== exclude &&
        !entry.sourceIds.has(copy.sourceId) &&
        entry.profile.shingles.size >= MIN_SHINGLES &&
        nearestGap(entry.times, time) <= MERGE_WINDOW_MS
      );
    };
    return this.postings.topShared(copyPostings, MAX_POSTINGS, MIN_SHARED_SHINGLES, MAX_CANDIDATES, eligible).map((slot) => this.slots[slot]!);
  }
}

/** Whether a story's copies are, for matching, the ones an entry was built from. */
function sameCopies(indexed: readonly Copy[], current: readonly Copy[]): boolean {
  if (indexed.length !== current.length) return false;
  for (let index = 0; index < indexed.length; index++) {
    const a = indexed[index]!;
    const b = current[index]!;
    if (a === b) continue;
    if (a.sourceId !== b.sourceId || a.datePublished !== b.datePublished || a.title !== b.title || a.contentHtml !== b.contentHtml) return false;
  }
  return true;
}

function nearestGap(times: readonly number[], time: number): number {
  let gap = Infinity;
  for (const other of times) gap = Math.min(gap, Math.abs(other - time));
  return gap;
}
