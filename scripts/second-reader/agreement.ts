/**
 * How far a second careful reader agrees with a blind set's writer. A helper session that saw neither the
 * rules nor the labels read the same texts (shuffled, unlabelled) and labelled or grouped them by hand; its
 * answers are scored against the writer's labels exactly as the rules are. The figure is a ceiling of sorts
 * for any rule working on the same texts: what the texts decide for a reader who understands them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ItemOutcome, LabelledItem } from '../category-eval/evaluate-items.ts';
import type { EventSet } from '../merge-eval/evaluate-events.ts';
import { share } from '../merge-eval/evaluate-pairs.ts';

export interface PairCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** The reader's grouping of a merge set: copies named `<group id>#<1-based index>` as in the eval's pairs. */
export interface ReaderGrouping {
  groups: string[][];
  /** Copies the reader judged could be one event or two; not merged in `groups`. */
  unsure?: { copies: string[]; why: string }[];
}

export interface ReaderLabels {
  labels: Record<string, string[]>;
}

export function readJsonIfPresent<T>(file: URL): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** The reader's labels as outcomes the category scorer takes; an item the reader left out is an error, not "none". */
export function readerOutcomes(items: readonly LabelledItem[], reader: ReaderLabels): ItemOutcome[] {
  return items.map((item) => {
    const predicted = reader.labels[item.id];
    if (!predicted) throw new Error(`second reader: no labels for item ${item.id}`);
    return { item, predicted };
  });
}

/**
 * Every pair of copies in the set, scored as the merge eval scores it: the same event when both are copies
 * of one `events` group; the reader says same when both sit in one of its groups (with `withUnsure`, also
 * when its unsure entries chain them together).
 */
export function scoreGrouping(set: EventSet, reader: ReaderGrouping, options: { withUnsure?: boolean } = {}): PairCounts {
  const eventOf = new Map<string, string>();
  for (const group of set.events) group.copies.forEach((_, index) => eventOf.set(`${group.id}#${index + 1}`, group.id));
  const keys = [...eventOf.keys(), ...set.negatives.flatMap((group) => group.copies.map((_, index) => `${group.id}#${index + 1}`))];
  const readerGroupOf = groupsOf(keys, [...reader.groups, ...(options.withUnsure ? (reader.unsure ?? []).map((entry) => entry.copies) : [])]);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i]!;
      const b = keys[j]!;
      const same = eventOf.has(a) && eventOf.get(a) === eventOf.get(b);
      const saidSame = readerGroupOf(a) === readerGroupOf(b);
      if (same && saidSame) truePositives++;
      else if (saidSame) falsePositives++;
      else if (same) falseNegatives++;
    }
  }
  return { truePositives, falsePositives, falseNegatives, precision: share(truePositives, falsePositives), recall: share(truePositives, falseNegatives) };
}

/** Union-find over the reader's groups; every copy of the set must be placed exactly once in them. */
function groupsOf(keys: readonly string[], groups: readonly string[][]): (key: string) => string {
  const parent = new Map(keys.map((key) => [key, key]));
  const root = (key: string): string => {
    let current = key;
    while (parent.get(current) !== current) current = parent.get(current)!;
    return current;
  };
  for (const group of groups) {
    for (const key of group) if (!parent.has(key)) throw new Error(`second reader: copy ${key} is not in the set`);
    for (const key of group.slice(1)) parent.set(root(key), root(group[0]!));
  }
  const placed = new Set(groups.flat());
  const missing = keys.filter((key) => !placed.has(key));
  if (missing.length > 0) throw new Error(`second reader: ${missing.length} copies placed in no group (${missing.slice(0, 3).join(', ')}…)`);
  return root;
}
