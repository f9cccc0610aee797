/**
 * Dominance between evidence vectors (evidence-vector.ts): a different-event pair dominates a same-event
 * pair when its evidence is at least as strong on every dimension. A rule that grows with the evidence and
 * merges the same pair merges the other too, so at precision 1.0 it merges no dominated pair directly.
 */
import type { Dimension, EvidenceVector } from './evidence-vector.ts';

/** Values this close are equal: the shares are sums of fractions, computed in different orders. */
const EPSILON = 1e-9;

/** Whether `negative`'s evidence is at least as strong as `positive`'s on every dimension. */
export function dominates(negative: EvidenceVector, positive: EvidenceVector, dimensions: readonly Dimension[]): boolean {
  for (let index = 0; index < dimensions.length; index++) {
    const n = negative[index]!;
    const p = positive[index]!;
    switch (dimensions[index]!.direction) {
      case 'for':
        if (n < p - EPSILON) return false;
        break;
      case 'against':
        if (n > p + EPSILON) return false;
        break;
      case 'equal':
        if (Math.abs(n - p) > EPSILON) return false;
        break;
      case 'ignored':
        break;
    }
  }
  return true;
}

export interface Pair<T = string> {
  a: string;
  b: string;
  vector: EvidenceVector;
  /** Where it comes from (a set's name), for listings. */
  from?: T;
}

/**
 * Different-event pairs arranged for lookups: sorted by the first dimension when it is a "for" one, so a
 * search stops at the first negative weaker there than the positive.
 */
export class Negatives<T = string> {
  private readonly sorted: Pair<T>[];
  private readonly pruned: boolean;

  constructor(
    pairs: readonly Pair<T>[],
    private readonly dimensions: readonly Dimension[],
  ) {
    this.pruned = dimensions[0]?.direction === 'for';
    this.sorted = this.pruned ? [...pairs].sort((x, y) => y.vector[0]! - x.vector[0]!) : [...pairs];
  }

  /** The first different-event pair that dominates `positive`, or undefined. */
  dominator(positive: EvidenceVector): Pair<T> | undefined {
    for (const negative of this.sorted) {
      if (this.pruned && negative.vector[0]! < positive[0]! - EPSILON) return undefined;
      if (dominates(negative.vector, positive, this.dimensions)) return negative;
    }
    return undefined;
  }
}

/**
 * Which same-event pairs end up in one story if exactly the undominated ones are merged and stories are
 * joined through shared copies (a joins b, b joins c: a and c are one story): at most what a pairwise rule
 * at precision 1.0 reaches, when it merges copies into stories one by one.
 */
export function joinedPairs(same: readonly { a: string; b: string; dominated: boolean }[]): boolean[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const pair of same) if (!pair.dominated) parent.set(find(pair.a), find(pair.b));
  return same.map((pair) => find(pair.a) === find(pair.b));
}

/** How many same-event pairs joinedPairs puts in one story. */
export function reachableSamePairs(same: readonly { a: string; b: string; dominated: boolean }[]): number {
  return joinedPairs(same).filter(Boolean).length;
}
