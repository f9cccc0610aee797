/**
 * Chooses what identifies a source's copies (SPEC.md "Stories", rule 1): its guids, or its
 * canonical links when the guids cannot be trusted, and keys one fetch's copies by it.
 */
import { copyStoreKey, urlStoreKey } from '../../model/story.ts';
import type { Copy, CopyIdentity, Story, Tombstone } from '../../model/types.ts';

/** What the store already holds, to tell a new guid from a changed one. */
export interface KnownCopies {
  /** Whether `<sourceId> <copy key>` is stored or remembered. */
  hasKey(storeKey: string): boolean;
  /** Whether the source already has a copy (stored or remembered) at this canonical link. */
  hasLink(sourceId: string, url: string): boolean;
}

export type IdentityReason = 'blank-guid' | 'repeated-guid' | 'unstable-guid' | 'was-link';

/** Evidence that guids are unstable needs at least this many already-known links. */
const MIN_KNOWN_LINKS = 2;

/** One fetch's copies keyed by the identity chosen for their source (see chooseIdentity). */
export function identifyCopies(
  copies: readonly Copy[],
  previous: CopyIdentity | undefined,
  known: KnownCopies,
): { identity: CopyIdentity; copies: Copy[] } {
  const { identity } = chooseIdentity(copies, previous, known);
  return { identity, copies: keyCopies(copies, identity) };
}

/**
 * `link` when at least half the guids are blank, when one guid names two links in this fetch, when every copy at an
 * already-known link arrives under a guid never seen before (a feed that mints guids per fetch), or
 * when the source was already on links: once on links it stays, so identities do not flap.
 */
export function chooseIdentity(
  copies: readonly Copy[],
  previous: CopyIdentity | undefined,
  known: KnownCopies,
): { identity: CopyIdentity; reason?: IdentityReason } {
  if (previous === 'link') return { identity: 'link', reason: 'was-link' };
  // One item without a guid is already known by its link; only a source that mostly omits guids switches.
  const blank = copies.filter((copy) => copy.key.startsWith('link:')).length;
  if (blank > 0 && blank * 2 >= copies.length) return { identity: 'link', reason: 'blank-guid' };
  const linkOf = new Map<string, string>();
  for (const copy of copies) {
    const url = linkOf.get(copy.key);
    if (url !== undefined && url !== copy.url) return { identity: 'link', reason: 'repeated-guid' };
    linkOf.set(copy.key, copy.url);
  }
  const atKnownLinks = copies.filter((copy) => known.hasLink(copy.sourceId, copy.url));
  if (atKnownLinks.length >= MIN_KNOWN_LINKS && !atKnownLinks.some((copy) => known.hasKey(copyStoreKey(copy)))) {
    return { identity: 'link', reason: 'unstable-guid' };
  }
  return { identity: 'guid' };
}

/** The fetch's copies keyed by the chosen identity, each key and each link once (the first listed wins). */
export function keyCopies(copies: readonly Copy[], identity: CopyIdentity): Copy[] {
  const seenKeys = new Set<string>();
  const seenLinks = new Set<string>();
  const kept: Copy[] = [];
  for (const listed of copies) {
    const copy = identity === 'link' && listed.key !== `link:${listed.url}` ? { ...listed, key: `link:${listed.url}` } : listed;
    // Newest-first feeds list the current version first; a second item at the same link is the same story.
    if (seenKeys.has(copy.key) || seenLinks.has(copy.url)) continue;
    seenKeys.add(copy.key);
    seenLinks.add(copy.url);
    kept.push(copy);
  }
  return kept;
}

/** What the stored stories and tombstones know, built on first use (one pass over the store per run). */
export function knownCopiesOf(stories: readonly Story[], tombstones: Readonly<Record<string, Tombstone>>): KnownCopies {
  let keys: Set<string> | undefined;
  let links: Set<string> | undefined;
  const build = () => {
    keys = new Set();
    links = new Set();
    for (const story of stories) {
      for (const copy of story.copies) {
        keys.add(copyStoreKey(copy));
        links.add(`${copy.sourceId} ${copy.url}`);
      }
    }
  };
  return {
    hasKey(storeKey) {
      if (!keys) build();
      return keys!.has(storeKey) || storeKey in tombstones;
    },
    hasLink(sourceId, url) {
      if (!links) build();
      return links!.has(`${sourceId} ${url}`) || urlStoreKey(url) in tombstones;
    },
  };
}
