/** What a copy keeps of the text match that put it in its story: the numbers, rounded, as the store holds them. */
import type { Copy, CopyRef, TextMatchRecord } from '../../model/types.ts';
import { BASE_CONTAINMENT } from './match-score.ts';
import { ANCHOR_CONTAINMENT } from './rewrite-match.ts';
import type { TextMatch } from './similarity-index.ts';

const HOUR_MS = 3600 * 1000;

/** A copy named by its portal and link. */
export function copyRef(copy: Pick<Copy, 'sourceId' | 'url'>): CopyRef {
  return { sourceId: copy.sourceId, url: copy.url };
}

/** The numbers a text match was decided on. */
export function textMatchRecord(match: TextMatch): TextMatchRecord {
  const { verbatim, rewrite } = match;
  const figures = match.rule === 'rewrite' ? rewrite!.figures : verbatim.figures;
  return {
    rule: match.rule,
    containment: round(verbatim.containment),
    // The rewrite rule asks no share of the wording; it asks the anchors' share instead.
    required: match.rule === 'rewrite' ? 0 : round(verbatim.required),
    sharedWeight: round(verbatim.shared),
    figures: { compared: figures.compared, missing: [...figures.missing] },
    anchors: {
      shared: rewrite?.anchors.shared ?? [],
      weight: round(rewrite?.anchors.weight ?? 0),
      requiredWeight: round(rewrite?.requiredAnchorWeight ?? 0),
      containment: round(rewrite?.anchors.containment ?? 0),
      required: match.rule === 'rewrite' ? ANCHOR_CONTAINMENT : 0,
    },
    gapHours: round(match.gapMs / HOUR_MS),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

