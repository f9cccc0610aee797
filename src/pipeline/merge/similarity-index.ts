/**
 * Finds the indexed story a new copy most likely belongs to: an inverted index from shingles to
 * stories proposes candidates through the shingles few stories share, and the rules of match-score
 * (verbatim) and rewrite-match (rewrite, weighing anchors by how many indexed stories name them) confirm.
 * The index outlives a batch: each batch re-binds the stories in its time window that have not
 * changed and indexes only the rest, so its cost follows what is new, not the size of the window.
 */
import type { Copy, Story } from '../../model/types.ts';
import { nearestGap, nearestTime, sameCopies, sharesAnchor, unionProfile, type Entry } from './index-entry.ts';
import type { MatchProfile } from './match-profile.ts';
import { decideMatch, MERGE_WINDOW_MS, MIN_SHARED_WEIGHT, shingleWeight, weighCopySide, type MatchVerdict } from './match-score.ts';
import {
  anchorsMayMatch, judgeRewrite, mayTellByFigures, REWRITE_WINDOW_MS, samePlaceAndDay, weighAnchors, type AnchorWeighing, type LocalDay, type RewriteVerdict,
} from './rewrite-match.ts';
import { ShinglePostings, type Posting } from './shingle-postings.ts';
import { BRIDGE_WINDOW_MS, corroborate, type Corroboration } from './bridge-stories.ts';

export { MERGE_WINDOW_MS } from './match-score.ts';

/** Below this many shingles a copy is too short to compare safely. */
const MIN_SHINGLES = 8;
/**
 * A shingle held by more stories than this is a stock phrase: it proposes no candidates (and weighs under
 * 1/41). Reading the posting lists of the copy's shingles is most of a search's cost; at 100, 1.7 times as many
 * references were read, and the cold cycle's stories came out the same.
 */
export const MAX_POSTINGS = 40;
/** Candidates must share at least this many proposing shingles… */
const MIN_SHARED_SHINGLES = 4;
/** …and only the best few are scored, so a copy's work stays bounded however large the window. */
const MAX_CANDIDATES = 8;
/**
 * A rewrite may share too few shingles to be proposed: stories naming at least this many of the copy's
 * anchors are proposed too, the best few of them. Only anchors few stories name propose: one that more
 * name weighs too little to count towards the rewrite rule's weight (rewrite-match.ts anchorWeight).
 */
const MIN_SHARED_ANCHORS = 2;
const MAX_ANCHOR_CANDIDATES = 4;
const MAX_PROPOSING_ANCHOR_STORIES = 10;
/**
 * An anchor at most this many stories name proposes them alone: it weighs fully (rewrite-match.ts
 * anchorWeight), enough for the place-and-day row, and a paper's rewrite often shares only the commune.
 */
const MAX_SOLE_ANCHOR_STORIES = 2;

/** The story a copy belongs to by its text, the copy of it matched (none: all its copies together) and the numbers. */
export interface TextMatch {
  story: Story;
  matched?: Copy;
  rule: 'verbatim' | 'rewrite';
  verbatim: MatchVerdict;
  rewrite?: RewriteVerdict;
  gapMs: number;
}

/** What explain() tells of one candidate story: whether the index proposed it, and each comparison's numbers. */
export interface MatchExplanation {
  proposed: boolean;
  /** Shingles (each held by at most MAX_POSTINGS stories) the copy shares with the story. */
  sharedKeys: number;
  union: MatchVerdict;
  members: { copy: Copy; verbatim: MatchVerdict; rewrite: RewriteVerdict; gapMs: number }[];
  chosen?: TextMatch;
}

export interface SimilarityIndexOptions {
  profileOf: (copy: Copy) => MatchProfile;
  /** Called for each copy of a story kept from an earlier batch, whose profile is still in use. */
  keepProfile?: (copy: Copy) => void;
}

/** The day, in its source's zone, a copy was published. */
export type DayOf = (copy: Copy) => LocalDay;

export class SimilarityIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new ShinglePostings();
  /** The indexed stories naming each anchor: what weighs an anchor (rewrite-match.ts anchorWeight), and proposes rewrites. */
  private readonly anchorStories = new Map<string, Set<Entry>>();
  /**
   * The indexed stories holding each capitalised run that is no anchor of theirs ("ở Nậm Xây Thượng"): looked up only
   * by a copy's place anchors, which propose them (proposedByAnchors).
   */
  private readonly placeNameStories = new Map<string, Set<Entry>>();
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

  /**
   * Every indexed story other than `exclude` the copy matches, with the copy it matched and why, the best first (a verbatim match beats a
   * rewrite; among equals, the higher share). More than one: the copy may be what shows two stories are one
   * (see corroborate); the stories after the first are weighed by every rule, whatever the first matched by.
   */
  findMatches(copy: Copy, dayOf: DayOf, exclude?: Story): TextMatch[] {
    const search = this.search(copy);
    if (search === undefined) return [];
    const found: { match: TextMatch; score: number }[] = [];
    const judge = (entry: Entry, byAnchors: boolean) => {
      const match = this.judgeEntry(entry, copy, search, dayOf, byAnchors);
      if (match === undefined) return;
      const score = match.rule === 'verbatim' ? 2 + match.verbatim.containment : 1 + match.rewrite!.anchors.containment;
      found.push({ match, score });
    };
    const proposed = this.proposedByShingles(search, exclude);
    for (const entry of proposed) judge(entry, false);
    for (const entry of this.proposedByAnchors(search, exclude, proposed)) judge(entry, true);
    // A stable sort: among equal scores the story judged first (indexing order) stays first, as before.
    return found.sort((a, b) => b.score - a.score).map(({ match }) => match);
  }

  /**
   * Whether two indexed stories corroborate each other directly (bridge-stories.ts): the first pair of their
   * copies that does, with the numbers. Asked before the copy that matched both is added to either.
   */
  corroborate(a: Story, b: Story, dayOf: DayOf): { a: Copy; b: Copy; gapMs: number; corroboration: Corroboration } | undefined {
    this.build();
    const entryA = this.entries.get(a.id);
    const entryB = this.entries.get(b.id);
    if (entryA === undefined || entryB === undefined) return undefined;
    for (const memberA of entryA.members) {
      for (const memberB of entryB.members) {
        const gapMs = Math.abs(memberA.time - memberB.time);
        if (gapMs > BRIDGE_WINDOW_MS || !sharesAnchor(memberA.profile, memberB.profile)) continue;
        const corroboration = corroborate({
          a: memberA.profile,
          b: memberB.profile,
          anchors: this.weighAnchorsBetween(entryA, entryB, memberA.profile, memberB.profile),
          gapMs,
          aDay: dayOf(memberA.copy),
          bDay: dayOf(memberB.copy),
        });
        if (corroboration) return { a: memberA.copy, b: memberB.copy, gapMs, corroboration };
      }
    }
    return undefined;
  }

  /** Every number the rules weigh between a copy and one story, as findMatches would see them now (for diagnosis). */
  explain(copy: Copy, story: Story, dayOf: DayOf): MatchExplanation | undefined {
    const search = this.search(copy);
    const entry = this.entries.get(story.id);
    if (search === undefined || entry === undefined) return undefined;
    const byShingles = this.proposedByShingles(search, undefined);
    const proposed = byShingles.includes(entry) || this.proposedByAnchors(search, undefined, byShingles).includes(entry);
    let sharedKeys = 0;
    for (const posting of search.postings) if (posting && posting.live <= MAX_POSTINGS && posting.slots.includes(entry.slot)) sharedKeys++;
    const members = entry.members.map((member) => {
      const gapMs = Math.abs(member.time - search.time);
      const verbatim = this.judgeVerbatim(member.profile, this.weighedTotal(member.profile), search, gapMs, member.time);
      const rewrite = judgeRewrite({
        copy: search.profile,
        other: member.profile,
        anchors: this.weighAnchors(entry, search.profile, member.profile),
        containment: verbatim.containment,
        gapMs,
        copyDay: dayOf(copy),
        otherDay: dayOf(member.copy),
        full: true,
      });
      return { copy: member.copy, verbatim, rewrite, gapMs };
    });
    const union = this.judgeVerbatim(entry.profile, this.storyTotal(entry), search, nearestGap(entry, search.time), nearestTime(entry, search.time));
    return { proposed, sharedKeys, union, members, chosen: this.judgeEntry(entry, copy, search, dayOf) };
  }

  /** Re-indexes a story after its copies changed, so later copies see the joined text. */
  refresh(story: Story): void {
    if (!this.built) return this.note(story, 'refresh');
    if (this.extend(story)) return;
    this.forget(story.id);
    this.add(story);
  }

  /** Forgets a story (absorbed into another). */
  removeStory(story: Story): void {
    if (!this.built) return this.note(story, 'remove');
    this.forget(story.id);
  }

  /** The copy's profile and the postings of its shingles, or undefined when it is too short to compare. */
  private search(copy: Copy): Search | undefined {
    this.build();
    const profile = this.options.profileOf(copy);
    if (profile.shingles.size < MIN_SHINGLES) return undefined;
    const postings = Array.from(profile.shingles, (shingle) => this.postings.get(shingle));
    return { profile, time: Date.parse(copy.datePublished), copyCounts: postings.map((posting) => posting?.live ?? 0), postings };
  }

  /**
   * The best match of the copy within one story: all its copies together by the verbatim rule (as a
   * copy joining a story sees the joined text), else each copy within a day by the rewrite rule. The
   * cheap tests come first: most candidates share a stock phrase or a commune's name and nothing more.
   */
  private judgeEntry(entry: Entry, copy: Copy, search: Search, dayOf: DayOf, byAnchors = false, verbatimOnly = false): TextMatch | undefined {
    const nearest = nearestTime(entry, search.time);
    const gapMs = Math.abs(nearest - search.time);
    // A story proposed by its anchors alone shares too few proposing shingles for the verbatim rule.
    const { shared, copyTotal } = byAnchors ? { shared: 0, copyTotal: 0 } : weighCopySide(search.profile, entry.profile, search.copyCounts);
    let union: MatchVerdict | undefined;
    // weighCopySide first: too little shared weight rules the verbatim rule out before the story's side is weighed.
    if (shared >= MIN_SHARED_WEIGHT) {
      union = decideMatch({ copy: search.profile, story: entry.profile, gapMs, times: { copy: search.time, story: nearest } }, shared, copyTotal, this.storyTotal(entry), false);
      if (union.same) return { story: entry.story, ...this.matchedMember(entry, union), rule: 'verbatim', gapMs };
    }
    if (verbatimOnly || (!sharesAnchor(search.profile, entry.profile) && !mayTellByFigures(search.profile, entry.profile, gapMs))) return undefined;
    let best: TextMatch | undefined;
    for (const member of entry.members) {
      const memberGap = Math.abs(member.time - search.time);
      if (memberGap > REWRITE_WINDOW_MS) continue;
      const anchors = this.weighAnchors(entry, search.profile, member.profile);
      if (!anchorsMayMatch(anchors, memberGap) && samePlaceAndDay(search.profile, member.profile, anchors, memberGap) === undefined && !mayTellByFigures(search.profile, member.profile, memberGap)) continue;
      if (best && best.rewrite!.anchors.containment >= anchors.containment) continue;
      // A story of one copy has been weighed whole above; a copy among several is weighed alone.
      const verbatim =
        entry.members.length === 1 && union !== undefined
          ? union
          : this.judgeVerbatim(member.profile, this.weighedTotal(member.profile), search, memberGap, member.time);
      const rewrite = judgeRewrite({
        copy: search.profile,
        other: member.profile,
        anchors,
        containment: verbatim.containment,
        gapMs: memberGap,
        copyDay: dayOf(copy),
        otherDay: dayOf(member.copy),
      });
      if (rewrite.same) best = { story: entry.story, matched: member.copy, rule: 'rewrite', verbatim, rewrite, gapMs: memberGap };
    }
    return best;
  }

  /**
   * The copy of a story a verbatim match names: the story's only copy, else none — the copies were
   * weighed together, and weighing each alone again to name one would cost every such match as much again.
   */
  private matchedMember(entry: Entry, union: MatchVerdict): { matched?: Copy; verbatim: MatchVerdict } {
    return entry.members.length === 1 ? { matched: entry.members[0]!.copy, verbatim: union } : { verbatim: union };
  }

  /** The verbatim rule between the copy and one side (a story's copies together, or one of them), every number worked out. */
  private judgeVerbatim(side: MatchProfile, sideTotal: number, search: Search, gapMs: number, sideTime: number): MatchVerdict {
    const { shared, copyTotal } = weighCopySide(search.profile, side, search.copyCounts);
    return decideMatch({ copy: search.profile, story: side, gapMs, times: { copy: search.time, story: sideTime } }, shared, copyTotal, sideTotal);
  }

  /** The anchors of the copy and of one copy of `entry`, each weighed by how many other indexed stories name it. */
  private weighAnchors(entry: Entry, copy: MatchProfile, other: MatchProfile): AnchorWeighing {
    return weighAnchors(copy, other, (anchor) => {
      const stories = this.anchorStories.get(anchor)?.size ?? 0;
      return Math.max(0, stories - (entry.profile.anchors.has(anchor) ? 1 : 0));
    });
  }

  /** Anchors of a copy of one story and a copy of another, each weighed by how many indexed stories other than those two name it. */
  private weighAnchorsBetween(entryA: Entry, entryB: Entry, a: MatchProfile, b: MatchProfile): AnchorWeighing {
    return weighAnchors(a, b, (anchor) => {
      const stories = this.anchorStories.get(anchor)?.size ?? 0;
      return Math.max(0, stories - (entryA.profile.anchors.has(anchor) ? 1 : 0) - (entryB.profile.anchors.has(anchor) ? 1 : 0));
    });
  }

  /** The story's shingles weighed by how many stories hold each. */
  private storyTotal(entry: Entry): number {
    let total = 0;
    for (const posting of entry.postings) total += shingleWeight(Math.max(0, posting.live - 1));
    return total;
  }

  /** A copy's shingles weighed as the story holding it sees them (for a copy not indexed alone). */
  private weighedTotal(profile: MatchProfile): number {
    let total = 0;
    for (const shingle of profile.shingles) total += shingleWeight(Math.max(0, (this.postings.get(shingle)?.live ?? 1) - 1));
    return total;
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
      for (let index = 0; index < story.copies.length; index++) entry.members[index]!.copy = story.copies[index]!;
      if (this.options.keepProfile) for (const copy of story.copies) this.options.keepProfile(copy);
      return;
    }
    if (entry) this.forget(story.id);
    this.add(story);
  }

  /** Indexes the story under the union of its copies' shingles, and counts its anchors. */
  private add(story: Story): void {
    const members = story.copies.map((copy) => ({ copy, profile: this.options.profileOf(copy), time: Date.parse(copy.datePublished) }));
    const profile = unionProfile(members);
    const { slot, postings } = this.postings.add(profile.shingles);
    const entry: Entry = { story, slot, profile, postings, members, copies: [...story.copies], batch: this.batch };
    this.entries.set(story.id, entry);
    this.slots[slot] = entry;
    for (const anchor of profile.anchors) {
      let stories = this.anchorStories.get(anchor);
      if (stories === undefined) this.anchorStories.set(anchor, (stories = new Set()));
      stories.add(entry);
    }
    this.indexNames(entry, profile.names, undefined);
  }

  /** Indexes the capitalised runs of a story that are no anchor of it (see placeNameStories); `old` holds those indexed already. */
  private indexNames(entry: Entry, names: ReadonlySet<string>, old: ReadonlySet<string> | undefined): void {
    for (const name of names) {
      if (entry.profile.anchors.has(name) || old?.has(name)) continue;
      let stories = this.placeNameStories.get(name);
      if (stories === undefined) this.placeNameStories.set(name, (stories = new Set()));
      stories.add(entry);
    }
  }

  /**
   * Indexes the copies a story gained at the end of its list under its entry's slot, adding only the
   * shingles and anchors they bring: a story joined by a copy is not taken out of every posting list
   * and put back (which also left its old references dead in the lists until compaction). False when
   * the story changed otherwise (a copy replaced, stories joined in another order): it is indexed afresh.
   */
  private extend(story: Story): boolean {
    const entry = this.entries.get(story.id);
    if (entry === undefined || entry.story !== story || story.copies.length <= entry.copies.length) return false;
    for (let index = 0; index < entry.copies.length; index++) if (entry.copies[index] !== story.copies[index]) return false;
    const old = entry.profile;
    for (const copy of story.copies.slice(entry.copies.length)) {
      entry.members.push({ copy, profile: this.options.profileOf(copy), time: Date.parse(copy.datePublished) });
    }
    // The union lists the old shingles first, in their order, then the new ones: entry.postings follows it.
    entry.profile = unionProfile(entry.members);
    const added: number[] = [];
    for (const shingle of entry.profile.shingles) if (!old.shingles.has(shingle)) added.push(shingle);
    entry.postings.push(...this.postings.extend(entry.slot, added));
    for (const anchor of entry.profile.anchors) {
      if (old.anchors.has(anchor)) continue;
      let stories = this.anchorStories.get(anchor);
      if (stories === undefined) this.anchorStories.set(anchor, (stories = new Set()));
      stories.add(entry);
    }
    this.indexNames(entry, entry.profile.names, old.names);
    entry.copies = [...story.copies];
    return true;
  }

  private forget(storyId: string): void {
    const entry = this.entries.get(storyId);
    if (!entry) return;
    this.entries.delete(storyId);
    this.postings.remove(entry.slot, entry.postings);
    for (const anchor of entry.profile.anchors) {
      const stories = this.anchorStories.get(anchor)!;
      stories.delete(entry);
      if (stories.size === 0) this.anchorStories.delete(anchor);
    }
    for (const name of entry.profile.names) {
      const stories = this.placeNameStories.get(name);
      if (stories === undefined) continue;
      stories.delete(entry);
      if (stories.size === 0) this.placeNameStories.delete(name);
    }
  }

  /** Whether a story may be proposed for the copy: another story, long enough, within the time window. */
  private eligible(entry: Entry, search: Search, exclude: Story | undefined): boolean {
    // A story holding a copy from the same portal is a candidate too: portals re-post an event (a video
    // story after the photo story, a corrected copy under a new link), judged by the same rules.
    return entry.story !== exclude && entry.profile.shingles.size >= MIN_SHINGLES && nearestGap(entry, search.time) <= MERGE_WINDOW_MS;
  }

  /** The best few eligible stories by number of shared proposing shingles (ties keep indexing order). */
  private proposedByShingles(search: Search, exclude: Story | undefined): Entry[] {
    return this.postings
      .topShared(search.postings, MAX_POSTINGS, MIN_SHARED_SHINGLES, MAX_CANDIDATES, (slot) => this.eligible(this.slots[slot]!, search, exclude))
      .map((slot) => this.slots[slot]!);
  }

  /**
   * The best few eligible stories not proposed by shingles that name at least two of the copy's anchors,
   * or one that hardly any other story names (it counts as two).
   */
  private proposedByAnchors(search: Search, exclude: Story | undefined, proposed: readonly Entry[]): Entry[] {
    const named = new Map<Entry, number>();
    for (const anchor of search.profile.anchors) {
      const stories = this.anchorStories.get(anchor);
      if (stories === undefined || stories.size > MAX_PROPOSING_ANCHOR_STORIES) continue;
      const counts = stories.size <= MAX_SOLE_ANCHOR_STORIES ? MIN_SHARED_ANCHORS : 1;
      for (const entry of stories) named.set(entry, (named.get(entry) ?? 0) + counts);
    }
    // A place one side names with its place word and the other only as a capitalised run ("xã Nậm Xây Thượng", "ở
    // Nậm Xây Thượng") is weighed as shared (weighAnchors): it proposes too, either way, when hardly another story
    // names it. Only places: a run that meets a person's anchor ("Đoàn Thanh" of "Đoàn Thanh niên") proposes nothing.
    const { names, places, anchors } = search.profile;
    for (const name of names) {
      if (anchors.has(name)) continue;
      const stories = this.anchorStories.get(name);
      if (stories === undefined || stories.size > MAX_SOLE_ANCHOR_STORIES) continue;
      for (const entry of stories) if (entry.profile.places.has(name)) named.set(entry, (named.get(entry) ?? 0) + MIN_SHARED_ANCHORS);
    }
    for (const place of places) {
      const stories = this.placeNameStories.get(place);
      if (stories === undefined || stories.size + (this.anchorStories.get(place)?.size ?? 0) > MAX_SOLE_ANCHOR_STORIES) continue;
      for (const entry of stories) named.set(entry, (named.get(entry) ?? 0) + MIN_SHARED_ANCHORS);
    }
    return [...named]
      .filter(([entry, count]) => count >= MIN_SHARED_ANCHORS && !proposed.includes(entry) && this.eligible(entry, search, exclude))
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_ANCHOR_CANDIDATES)
      .map(([entry]) => entry);
  }
}

interface Search {
  profile: MatchProfile;
  time: number;
  /** Stories holding each of the copy's shingles, in the order of profile.shingles. */
  copyCounts: number[];
  /** Postings of the copy's shingles, in the same order. */
  postings: (Posting | undefined)[];
}
