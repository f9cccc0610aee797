/**
 * Finds the indexed story a new copy most likely belongs to: an inverted index from shingles to
 * stories proposes candidates through the shingles few stories share, and judgeMatch confirms.
 */
import type { Copy, Story } from '../../model/types.ts';
import { profileCopy, type MatchProfile } from './match-profile.ts';
import { judgeMatch, MERGE_WINDOW_MS } from './match-score.ts';

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
  sourceIds: Set<string>;
  profile: MatchProfile;
  /** Copy dates, for the time between a new copy and the story's nearest copy. */
  times: number[];
}

export class SimilarityIndex {
  private readonly entries = new Map<Story, Entry>();
  private readonly postings = new Map<number, Entry[]>();
  // Copies are replaced, never mutated, when they change, so a profile can be kept per object.
  private readonly profiles = new WeakMap<Copy, MatchProfile>();

  /** Indexes the story under the union of its copies' shingles and figures. */
  addStory(story: Story): void {
    const shingles = new Set<number>();
    const figures = new Set<string>();
    for (const copy of story.copies) {
      const profile = this.profileOf(copy);
      for (const shingle of profile.shingles) shingles.add(shingle);
      for (const figure of profile.figures) figures.add(figure);
    }
    const entry: Entry = {
      story,
      sourceIds: new Set(story.copies.map((copy) => copy.sourceId)),
      profile: { shingles, figures },
      times: story.copies.map((copy) => Date.parse(copy.datePublished)),
    };
    this.entries.set(story, entry);
    for (const shingle of shingles) {
      const list = this.postings.get(shingle);
      if (list) list.push(entry);
      else this.postings.set(shingle, [entry]);
    }
  }

  /** The indexed story, other than `exclude` and without a copy from the same source, that this copy belongs to. */
  findMatch(copy: Copy, exclude?: Story): Story | undefined {
    const profile = this.profileOf(copy);
    if (profile.shingles.size < MIN_SHINGLES) return undefined;
    const time = Date.parse(copy.datePublished);
    let best: { story: Story; containment: number } | undefined;
    const eligible = (entry: Entry) =>
      entry.story !== exclude &&
      !entry.sourceIds.has(copy.sourceId) &&
      entry.profile.shingles.size >= MIN_SHINGLES &&
      nearestGap(entry.times, time) <= MERGE_WINDOW_MS;
    for (const entry of this.candidates(profile, eligible)) {
      const gapMs = nearestGap(entry.times, time);
      const verdict = judgeMatch({ copy: profile, story: entry.profile, storiesWith: (shingle) => this.postings.get(shingle)?.length ?? 0, gapMs });
      if (verdict.same && (!best || verdict.containment > best.containment)) best = { story: entry.story, containment: verdict.containment };
    }
    return best?.story;
  }

  /** Re-indexes a story after its copies changed, so later copies see the joined text. */
  refresh(story: Story): void {
    this.removeStory(story);
    this.addStory(story);
  }

  /** Forgets a story (absorbed into another). */
  removeStory(story: Story): void {
    const entry = this.entries.get(story);
    if (!entry) return;
    this.entries.delete(story);
    for (const shingle of entry.profile.shingles) {
      const list = this.postings.get(shingle);
      if (!list) continue;
      const filtered = list.filter((other) => other !== entry);
      if (filtered.length > 0) this.postings.set(shingle, filtered);
      else this.postings.delete(shingle);
    }
  }

  private candidates(profile: MatchProfile, eligible: (entry: Entry) => boolean): Entry[] {
    const shared = new Map<Entry, number>();
    for (const shingle of profile.shingles) {
      const list = this.postings.get(shingle);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const entry of list) shared.set(entry, (shared.get(entry) ?? 0) + 1);
    }
    return [...shared]
      .filter(([entry, count]) => count >= MIN_SHARED_SHINGLES && eligible(entry))
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([entry]) => entry);
  }

  private profileOf(copy: Copy): MatchProfile {
    let profile = this.profiles.get(copy);
    if (!profile) {
      profile = profileCopy(copy);
      this.profiles.set(copy, profile);
    }
    return profile;
  }
}

function nearestGap(times: readonly number[], time: number): number {
  let gap = Infinity;
  for (const other of times) gap = Math.min(gap, Math.abs(other - time));
  return gap;
}
