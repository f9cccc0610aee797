/**
 * Search's syllable index: each comparison-key syllable of the stories' titles and texts, with the
 * stories that hold it. It lives as long as the process and follows the store through its change
 * log (created / updated / merged / removed), so a cycle costs the keys of the stories it touched,
 * and a query costs the stories that hold its rarest syllable rather than every story.
 */
import type { StoreData, Story } from '../model/types.ts';
import { copyText } from '../pipeline/normalize/copy-text.ts';
import { comparisonKey } from '../pipeline/normalize/vietnamese-text.ts';

export interface SearchIndex {
  /** Brings the index to `data`: the changes logged since it last looked, or every story when the log cannot say. */
  sync(data: StoreData): void;
  /** Ids of the stories whose titles and texts hold `key` (a comparison key) as whole syllables; in no order. */
  matching(key: string): Set<string>;
}

/** One story as search sees it: the key it is matched on and its distinct syllables (what its postings hold). */
interface Entry {
  key: string;
  syllables: readonly string[];
}

/**
 * The key search has always matched on: every copy's title and text, space-padded, so that a phrase is
 * found by `includes(' phrase ')`. Kept exactly as it was, empty parts and all, so that indexed search
 * finds what the scan did.
 */
export function searchKey(story: Story): string {
  return ` ${story.copies.map((copy) => `${comparisonKey(copy.title)} ${comparisonKey(copyText(copy))}`).join(' ')} `;
}

export function createSearchIndex(): SearchIndex {
  const entries = new Map<string, Entry>();
  const postings = new Map<string, Set<string>>();
  /** The last change of the log the index reflects; undefined before the first sync and after a store with no log. */
  let cursor: number | undefined;

  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    for (const syllable of entry.syllables) {
      const holders = postings.get(syllable);
      holders?.delete(id);
      if (holders?.size === 0) postings.delete(syllable);
    }
    entries.delete(id);
  };

  const add = (story: Story) => {
    remove(story.id);
    const key = searchKey(story);
    const syllables = [...new Set(key.split(' '))].filter((syllable) => syllable !== '');
    entries.set(story.id, { key, syllables });
    for (const syllable of syllables) {
      let holders = postings.get(syllable);
      if (!holders) postings.set(syllable, (holders = new Set()));
      holders.add(story.id);
    }
  };

  const rebuild = (data: StoreData) => {
    entries.clear();
    postings.clear();
    for (const story of data.stories) add(story);
  };

  /** The ids the log names after `cursor`, or undefined when it cannot account for everything since (no log, forgotten changes, another store). */
  const touchedSince = (data: StoreData): Set<string> | undefined => {
    const log = data.changes;
    if (cursor === undefined || log === undefined) return undefined;
    const last = log.next - 1;
    const oldest = log.records[0]?.cursor ?? log.next;
    if (cursor > last || oldest > cursor + 1) return undefined;
    const touched = new Set<string>();
    for (let at = cursor + 1 - oldest; at < log.records.length; at++) {
      const record = log.records[at]!;
      touched.add(record.id);
      if (record.into !== undefined) touched.add(record.into);
    }
    return touched;
  };

  return {
    sync(data) {
      const touched = touchedSince(data);
      if (touched === undefined) {
        rebuild(data);
      } else if (touched.size > 0) {
        const byId = new Map(data.stories.map((story) => [story.id, story]));
        for (const id of touched) {
          const story = byId.get(id);
          if (story) add(story);
          else remove(id);
        }
      }
      // A count that disagrees means a change the log never told of: trust the stories, not the log.
      if (entries.size !== data.stories.length) rebuild(data);
      cursor = data.changes === undefined ? undefined : data.changes.next - 1;
    },
    matching(key) {
      const syllables = [...new Set(key.split(' '))].filter((syllable) => syllable !== '');
      if (syllables.length === 0) return new Set();
      const lists = syllables.map((syllable) => postings.get(syllable) ?? new Set<string>()).sort((a, b) => a.size - b.size);
      const [rarest, ...others] = lists;
      // One syllable: its postings are the answer. More: the stories holding all of them, then the phrase itself in order.
      if (others.length === 0) return new Set(rarest);
      const padded = ` ${key} `;
      const found = new Set<string>();
      for (const id of rarest!) {
        if (others.every((list) => list.has(id)) && entries.get(id)!.key.includes(padded)) found.add(id);
      }
      return found;
    },
  };
}
