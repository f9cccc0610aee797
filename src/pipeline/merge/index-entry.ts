/** A story as the similarity index holds it: its copies' profiles, their union, and what is worked out from them. */
import type { Copy, Story } from '../../model/types.ts';
import { mergeForms } from './figure-forms.ts';
import type { MatchProfile } from './match-profile.ts';
import type { Posting } from './shingle-postings.ts';

/** One copy of an indexed story, as the rewrite rule compares it. */
export interface Member {
  copy: Copy;
  profile: MatchProfile;
  time: number;
}

/** A story as the index holds it. */
export interface Entry {
  story: Story;
  slot: number;
  /** The union of its copies' shingles, figures and anchors. */
  profile: MatchProfile;
  /** The postings of `profile.shingles`, in that order: their counts weigh the story's text. */
  postings: Posting[];
  members: Member[];
  /** The copies the entry was built from, to tell whether a story loaded again is unchanged. */
  copies: readonly Copy[];
  /** The last batch whose window held the story. */
  batch: number;
}

/** A story of one copy (most of them) shares that copy's profile; nothing mutates profiles. */
export function unionProfile(members: readonly Member[]): MatchProfile {
  if (members.length === 1) return members[0]!.profile;
  const union = { shingles: new Set<number>(), figures: new Set<string>(), anchors: new Set<string>(), names: new Set<string>(), places: new Set<string>(), days: new Set<string>(), nights: new Set<string>(), hours: new Set<number>(), dayParts: new Set<number>() };
  let openingDay: string | undefined;
  for (const { profile } of members) {
    // The story opens where its first copy naming a day does.
    openingDay ??= profile.openingDay;
    for (const shingle of profile.shingles) union.shingles.add(shingle);
    for (const figure of profile.figures) union.figures.add(figure);
    for (const anchor of profile.anchors) union.anchors.add(anchor);
    for (const name of profile.names) union.names.add(name);
    for (const place of profile.places) union.places.add(place);
    for (const day of profile.days) union.days.add(day);
    for (const hour of profile.hours) union.hours.add(hour);
    for (const hour of profile.dayParts) union.dayParts.add(hour);
    for (const night of profile.nights) union.nights.add(night);
  }
  // Merged on first use and kept: profiles never change, and a story that gains a copy gets a new union.
  let merged: ReturnType<MatchProfile['forms']> | undefined;
  return { ...union, openingDay, forms: () => (merged ??= mergeForms(members.map(({ profile }) => profile.forms()))) };
}

/** Whether two profiles name an anchor in common. */
export function sharesAnchor(a: MatchProfile, b: MatchProfile): boolean {
  for (const anchor of a.anchors) if (b.anchors.has(anchor) || b.names.has(anchor)) return true;
  for (const anchor of b.anchors) if (a.names.has(anchor)) return true;
  return false;
}

/** Whether a story's copies are, for matching, the ones an entry was built from. */
export function sameCopies(indexed: readonly Copy[], current: readonly Copy[]): boolean {
  if (indexed.length !== current.length) return false;
  for (let index = 0; index < indexed.length; index++) {
    const a = indexed[index]!;
    const b = current[index]!;
    if (a === b) continue;
    if (a.sourceId !== b.sourceId || a.datePublished !== b.datePublished || a.title !== b.title || a.contentHtml !== b.contentHtml) return false;
  }
  return true;
}

/** The date of the story's copy nearest `time`. */
export function nearestTime(entry: Entry, time: number): number {
  let nearest = entry.members[0]!.time;
  for (const member of entry.members) if (Math.abs(member.time - time) < Math.abs(nearest - time)) nearest = member.time;
  return nearest;
}

export function nearestGap(entry: Entry, time: number): number {
  return Math.abs(nearestTime(entry, time) - time);
}
