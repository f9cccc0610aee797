/**
 * What `eval:merge-ceiling` (recall-ceiling.ts) measures of a set: the evidence vector of every pair of copies
 * (evidence-vector.ts), which same-event pairs a different-event pair dominates (dominance.ts), and the figures.
 */
import { evaluateEvents, setEntries, toCopy, type EventSet } from './evaluate-events.ts';
import { evaluatePairs, toCopy as pairSideCopy, type LabelledPair } from './evaluate-pairs.ts';
import { EvidenceContext, type KindReader } from './evidence-vector.ts';
import { joinedPairs, Negatives, type Pair } from './dominance.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

/** A set's pairs measured: same-event ones, different-event ones, and those the rule merges now. */
export interface MeasuredSet {
  name: string;
  same: (Pair & { merged: boolean })[];
  different: Pair[];
}

/** The team's pairs, each weighed on its own (the evaluation merges each pair on an empty store). */
export function measureTeamPairs(pairs: readonly LabelledPair[], kindOf: KindReader): MeasuredSet {
  const merged = new Map(evaluatePairs(pairs).outcomes.map((outcome) => [outcome.pair.id, outcome.predicted === 'same']));
  const same: MeasuredSet['same'] = [];
  const different: Pair[] = [];
  for (const pair of pairs) {
    const [a, b] = [`${pair.id}-a`, `${pair.id}-b`];
    const story = (side: string) => (pair.label === 'same' ? pair.id : side);
    const context = new EvidenceContext(
      [
        { key: a, story: story(a), copy: pairSideCopy(pair, pair.a, 'a'), timeZone: ZONE },
        { key: b, story: story(b), copy: pairSideCopy(pair, pair.b, 'b'), timeZone: ZONE },
      ],
      kindOf,
    );
    const measured = { a, b, vector: context.vector(a, b), from: 'team' };
    if (pair.label === 'same') same.push({ ...measured, merged: merged.get(pair.id)! });
    else different.push(measured);
  }
  return { name: 'team', same, different };
}

/** Every pair of copies of an event set, weighed among the set's stories. */
export function measureEventSet(name: string, set: EventSet, kindOf: KindReader): MeasuredSet {
  const entries = setEntries(set);
  const context = new EvidenceContext(
    entries.map((entry) => ({ key: entry.key, story: entry.label === 'event' ? entry.group.id : entry.key, copy: toCopy(entry), timeZone: ZONE })),
    kindOf,
  );
  const merged = new Set(evaluateEvents(set).pairs.filter((pair) => pair.predicted === 'same').map((pair) => `${pair.a} ${pair.b}`));
  const same: MeasuredSet['same'] = [];
  const different: Pair[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [x, y] = [entries[i]!, entries[j]!];
      const measured = { a: x.key, b: y.key, vector: context.vector(x.key, y.key), from: name };
      if (x.group === y.group && x.label === 'event') same.push({ ...measured, merged: merged.has(`${x.key} ${y.key}`) });
      else different.push(measured);
    }
  }
  return { name, same, different };
}

export interface CeilingFigures {
  same: number;
  dominated: number;
  dominatedAnywhere: number;
  reachable: number;
  merged: number;
  /** Pairs the rule merges now that a different pair dominates: merged through other copies, or by evidence the vector lacks. */
  mergedDominated: number;
  /** Of those, the ones not even joined through undominated pairs: the rule merged them on evidence the vector lacks (the union of a story's copies, or another dimension). */
  mergedBeyond: number;
}

export interface SetCeiling {
  figures: CeilingFigures;
  /** Each dominated same pair, with the different pair of its own set dominating it. */
  dominated: { same: Pair; by: Pair }[];
}

/** The figures of one set: `own` holds its different pairs, `anywhere` those of every set. */
export function ceilingOf(set: MeasuredSet, own: Negatives, anywhere: Negatives): SetCeiling {
  const dominated: SetCeiling['dominated'] = [];
  const marks = set.same.map((pair) => {
    const by = own.dominator(pair.vector);
    if (by) dominated.push({ same: pair, by });
    return { a: pair.a, b: pair.b, dominated: by !== undefined, anywhere: by !== undefined || anywhere.dominator(pair.vector) !== undefined, merged: pair.merged };
  });
  const joined = joinedPairs(marks);
  return {
    figures: {
      same: marks.length,
      dominated: dominated.length,
      dominatedAnywhere: marks.filter((mark) => mark.anywhere).length,
      reachable: joined.filter(Boolean).length,
      merged: marks.filter((mark) => mark.merged).length,
      mergedDominated: marks.filter((mark) => mark.merged && mark.dominated).length,
      mergedBeyond: marks.filter((mark, index) => mark.merged && !joined[index]).length,
    },
    dominated,
  };
}
