/**
 * Finds the indexed story a new copy most likely belongs to: an inverted index from shingles and
 * anchors (named places, people, codes) to stories proposes candidates through the keys few stories
 * share, and the rules of match-score (verbatim) and rewrite-match (rewrite) confirm.
 * The index outlives a batch: each batch re-binds the stories in its time window that have not
 * changed and indexes only the rest, so its cost follows what is new, not the size of the window.
 */
import type { Copy, Story } from '../../model/types.ts';
import type { MatchProfile } from './match-profile.ts';
import { decideMatch, MERGE_WINDOW_MS, MIN_SHARED_WEIGHT, shingleWeight, weighCopySide, type MatchVerdict } from './match-score.ts';
import { judgeRewrite, REWRITE_WINDOW_MS, type LocalDay, type RewriteVerdict } from './rewrite-match.ts';
import { ShinglePostings, type Posting } from './shingle-postings.ts';
import { hashAnchor } from './text-shingles.ts';

export { MERGE_WINDOW_MS } from './match-score.ts';

/** Below this many shingles a copy is too short to compare safely. */
const MIN_SHINGLES = 8;
/** A key held by more stories than this is a stock phrase: it proposes no candidates (and weighs next to nothing). */
const MAX_POSTINGS = 100;
/** Candidates must share at least this many proposing keys… */
const MIN_SHARED_SHINGLES = 4;
/** …and only the best few are scored, so a copy's work stays bounded however large the window. */
const MAX_CANDIDATES = 8;

/** One copy of an indexed story, as the rewrite rule compares it. */
interface Member {
  copy: Copy;
  profile: MatchProfile;
  time: number;
}

interface Entry {
  story: Story;
  slot: number;
  /** The union of its copies' shingles, figures and anchors. */
  profile: MatchProfile;
  /** The postings of `profile.shingles`, in that order: their counts weigh the story's text. */
  postings: Posting[];
  /** Every posting the story was added to: its shingles', then its anchors'. */
  keyPostings: Posting[];
  members: Member[];
  /** The copies the entry was built from, to tell whether a story loaded again is unchanged. */
  copies: readonly Copy[];
  /** The last batch whose window held the story. */
  batch: number;
}

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
  /** Keys (shingles and anchors, each held by at most MAX_POSTINGS stories) the copy shares with the story. */
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

  /** The indexed story, other than `exclude`, that this copy belongs to, with the copy it matched and why. */
  findMatch(copy: Copy, dayOf: DayOf, exclude?: Story): TextMatch | undefined {
    const search = this.search(copy);
    if (search === undefined) return undefined;
    let best: { match: TextMatch; score: number } | undefined;
    for (const entry of this.candidates(copy, search.keyPostings, search.time, exclude)) {
      const match = this.judgeEntry(entry, copy, search, dayOf);
      if (match === undefined) continue;
      // A verbatim match beats a rewrite; among equals, the higher share.
      const score = match.rule === 'verbatim' ? 2 + match.verbatim.containment : 1 + match.rewrite!.anchorContainment;
      if (!best || score > best.score) best = { match, score };
    }
    return best?.match;
  }

  /** Every number the rules weigh between a copy and one story, as findMatch would see them now (for diagnosis). */
  explain(copy: Copy, story: Story, dayOf: DayOf): MatchExplanation | undefined {
    const search = this.search(copy);
    const entry = this.entries.get(story.id);
    if (search === undefined || entry === undefined) return undefined;
    const proposed = this.candidates(copy, search.keyPostings, search.time, undefined).includes(entry);
    let sharedKeys = 0;
    for (const posting of search.keyPostings) if (posting && posting.live <= MAX_POSTINGS && posting.slots.includes(entry.slot)) sharedKeys++;
    const members = entry.members.map((member) => {
      const gapMs = Math.abs(member.time - search.time);
      const verbatim = this.judgeVerbatim(member.profile, this.weighedTotal(member.profile), search, gapMs, member.time);
      return { copy: member.copy, verbatim, rewrite: this.judgeMemberRewrite(entry, member, copy, search, dayOf, verbatim.containment), gapMs };
    });
    const union = this.judgeVerbatim(entry.profile, this.storyTotal(entry), search, nearestGap(entry, search.time), nearestTime(entry, search.time));
    return { proposed, sharedKeys, union, members, chosen: this.judgeEntry(entry, copy, search, dayOf) };
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

  /** The copy's profile and the postings of its keys (shingles, then anchors), or undefined when it is too short to compare. */
  private search(copy: Copy): Search | undefined {
    this.build();
    const profile = this.options.profileOf(copy);
    if (profile.shingles.size < MIN_SHINGLES) return undefined;
    const shinglePostings = Array.from(profile.shingles, (shingle) => this.postings.get(shingle));
    const keyPostings = [...shinglePostings];
    for (const anchor of profile.anchors) keyPostings.push(this.postings.get(hashAnchor(anchor)));
    return { profile, time: Date.parse(copy.datePublished), copyCounts: shinglePostings.map((posting) => posting?.live ?? 0), keyPostings };
  }

  /**
   * The best match of the copy within one story: all its copies together by the verbatim rule (as a
   * copy joining a story sees the joined text), else each copy within a day by the rewrite rule.
   */
  private judgeEntry(entry: Entry, copy: Copy, search: Search, dayOf: DayOf): TextMatch | undefined {
    const gapMs = nearestGap(entry, search.time);
    // weighCopySide first: too little shared weight rules the verbatim rule out before the story's side is weighed.
    const { shared, copyTotal } = weighCopySide(search.profile, entry.profile, search.copyCounts);
    if (shared >= MIN_SHARED_WEIGHT) {
      const years = { copy: yearOf(search.time), story: yearOf(nearestTime(entry, search.time)) };
      const verbatim = decideMatch({ copy: search.profile, story: entry.profile, gapMs, years }, shared, copyTotal, this.storyTotal(entry));
      if (verbatim.same) return { story: entry.story, ...this.matchedMember(entry, search, verbatim), rule: 'verbatim', gapMs };
    }
    if (sharedAnchorCount(search.profile, entry.profile) < 1) return undefined;
    let best: TextMatch | undefined;
    for (const member of entry.members) {
      const memberGap = Math.abs(member.time - search.time);
      if (memberGap > REWRITE_WINDOW_MS || sharedAnchorCount(search.profile, member.profile) < 1) continue;
      const verbatim = this.judgeVerbatim(member.profile, this.weighedTotal(member.profile), search, memberGap, member.time);
      const rewrite = this.judgeMemberRewrite(entry, member, copy, search, dayOf, verbatim.containment);
      if (!rewrite.same || (best && best.rewrite!.anchorContainment >= rewrite.anchorContainment)) continue;
      best = { story: entry.story, matched: member.copy, rule: 'rewrite', verbatim, rewrite, gapMs: memberGap };
    }
    return best;
  }

  /**
   * The copy of a story a verbatim match against all its copies names: the one copy that matches alone
   * with the most shared weight, with its own numbers; else none (the copies together), with theirs.
   */
  private matchedMember(entry: Entry, search: Search, union: MatchVerdict): { matched?: Copy; verbatim: MatchVerdict } {
    if (entry.members.length === 1) return { matched: entry.members[0]!.copy, verbatim: union };
    let best: { matched: Copy; verbatim: MatchVerdict } | undefined;
    for (const member of entry.members) {
      const verbatim = this.judgeVerbatim(member.profile, this.weighedTotal(member.profile), search, Math.abs(member.time - search.time), member.time);
      if (verbatim.same && (!best || verbatim.shared > best.verbatim.shared)) best = { matched: member.copy, verbatim };
    }
    return best ?? { verbatim: union };
  }

  /** The verbatim rule between the copy and one side: a story's copies together, or one of them. */
  private judgeVerbatim(side: MatchProfile, sideTotal: number, search: Search, gapMs: number, sideTime: number): MatchVerdict {
    const { shared, copyTotal } = weighCopySide(search.profile, side, search.copyCounts);
    const years = { copy: yearOf(search.time), story: yearOf(sideTime) };
    return decideMatch({ copy: search.profile, story: side, gapMs, years }, shared, copyTotal, sideTotal);
  }

  /** The rewrite rule between the copy and one copy of a story, `containment` being the verbatim rule's between them. */
  private judgeMemberRewrite(entry: Entry, member: Member, copy: Copy, search: Search, dayOf: DayOf, containment: number): RewriteVerdict {
    const gapMs = Math.abs(member.time - search.time);
    return judgeRewrite({
      containment,
      copy: search.profile,
      other: member.profile,
      otherStoriesWith: (anchor) => {
        const live = this.postings.get(hashAnchor(anchor))?.live ?? 0;
        return Math.max(0, live - (entry.profile.anchors.has(anchor) ? 1 : 0));
      },
      gapMs,
      copyDay: dayOf(copy),
      otherDay: dayOf(member.copy),
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

  /** Indexes the story under the union of its copies' shingles and anchors. */
  private add(story: Story): void {
    const members = story.copies.map((copy) => ({ copy, profile: this.options.profileOf(copy), time: Date.parse(copy.datePublished) }));
    const profile = unionProfile(members);
    const keys: number[] = [...profile.shingles];
    for (const anchor of profile.anchors) keys.push(hashAnchor(anchor));
    const { slot, postings } = this.postings.add(keys);
    const entry: Entry = { story, slot, profile, postings: postings.slice(0, profile.shingles.size), keyPostings: postings, members, copies: [...story.copies], batch: this.batch };
    this.entries.set(story.id, entry);
    this.slots[slot] = entry;
  }

  private forget(storyId: string): void {
    const entry = this.entries.get(storyId);
    if (!entry) return;
    this.entries.delete(storyId);
    this.postings.remove(entry.slot, entry.keyPostings);
  }

  /** The best few eligible stories by number of shared proposing keys; ties keep indexing order. */
  private candidates(copy: Copy, keyPostings: readonly (Posting | undefined)[], time: number, exclude: Story | undefined): Entry[] {
    const eligible = (slot: number) => {
      const entry = this.slots[slot]!;
      // A story holding a copy from the same portal is a candidate too: portals re-post an event (a video
      // story after the photo story, a corrected copy under a new link), judged by the same rules.
      return entry.story !== exclude && entry.profile.shingles.size >= MIN_SHINGLES && nearestGap(entry, time) <= MERGE_WINDOW_MS;
    };
    return this.postings.topShared(keyPostings, MAX_POSTINGS, MIN_SHARED_SHINGLES, MAX_CANDIDATES, eligible).map((slot) => this.slots[slot]!);
  }
}

interface Search {
  profile: MatchProfile;
  time: number;
  /** Stories holding each of the copy's shingles, in the order of profile.shingles. */
  copyCounts: number[];
  /** Postings of the copy's shingles, then of its anchors. */
  keyPostings: (Posting | undefined)[];
}

/** A story of one copy (most of them) shares that copy's profile; nothing mutates profiles. */
function unionProfile(members: readonly Member[]): MatchProfile {
  if (members.length === 1) return members[0]!.profile;
  const union: MatchProfile = {
    shingles: new Set(), figures: new Set(), spelled: new Set(), alternatives: new Map(), approximate: new Set(), ages: new Set(), birthYears: new Set(),
    anchors: new Set(), days: new Set(),
  };
  for (const { profile } of members) {
    for (const key of ['shingles', 'figures', 'spelled', 'approximate', 'ages', 'birthYears', 'anchors', 'days'] as const) {
      const target = union[key] as Set<unknown>;
      for (const value of profile[key] as Set<unknown>) target.add(value);
    }
    for (const [figure, readings] of profile.alternatives) union.alternatives.set(figure, [...(union.alternatives.get(figure) ?? []), ...readings]);
  }
  return union;
}

function sharedAnchorCount(a: MatchProfile, b: MatchProfile): number {
  let count = 0;
  for (const anchor of a.anchors) if (b.anchors.has(anchor)) count++;
  return count;
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

function nearestTime(entry: Entry, time: number): number {
  let nearest = entry.members[0]!.time;
  for (const member of entry.members) if (Math.abs(member.time - time) < Math.abs(nearest - time)) nearest = member.time;
  return nearest;
}

function nearestGap(entry: Entry, time: number): number {
  return Math.abs(nearestTime(entry, time) - time);
}

function yearOf(time: number): number {
  // The year only reads an age against a birth year; a day off at New Year is within its one-year slack.
  return new Date(time).getUTCFullYear();
}
