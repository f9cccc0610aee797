/** What a copy keeps of how it joined its story (model/types.ts CopyMatch): the numbers of a text match, rounded, as the store holds them. */
import type { BridgeRecord, Copy, CopyMatch, CopyRef, TextMatchRecord } from '../../model/types.ts';
import type { Corroboration } from './bridge-stories.ts';
import { carryCopyText } from '../normalize/copy-text.ts';
import { ANCHOR_CONTAINMENT, MIN_SHARED_ANCHOR_WEIGHT, PARTIAL_CONTAINMENT } from './rewrite-match.ts';
import type { TextMatch } from './similarity-index.ts';

const HOUR_MS = 3600 * 1000;

/** A copy named by its portal and link. */
export function copyRef(copy: Pick<Copy, 'sourceId' | 'url'>): CopyRef {
  return { sourceId: copy.sourceId, url: copy.url };
}

/** The copy with how it came to be in its story; a new object (stored copies are frozen), sharing the text worked out for the old one. */
export function withMatch(copy: Copy, match: CopyMatch): Copy {
  const next = { ...copy, match };
  carryCopyText(copy, next);
  return next;
}

/** The copy a text match matched (or the story's copies together) and the numbers it was decided on. */
export function textMatchOf(match: TextMatch): { copy: CopyRef | 'story'; numbers: TextMatchRecord } {
  return { copy: match.matched ? copyRef(match.matched) : 'story', numbers: textMatchRecord(match) };
}

/** The numbers a text match was decided on. */
export function textMatchRecord(match: TextMatch): TextMatchRecord {
  const { verbatim, rewrite } = match;
  const figures = match.rule === 'rewrite' ? rewrite!.figures : verbatim.figures;
  return {
    rule: match.rule,
    containment: round(verbatim.containment),
    // The rewrite rule asks a share of the wording only when it took fewer anchors (see requiredAnchors).
    required: match.rule === 'rewrite' ? (rewrite!.requiredAnchorWeight < MIN_SHARED_ANCHOR_WEIGHT ? PARTIAL_CONTAINMENT : 0) : round(verbatim.required),
    sharedWeight: round(verbatim.shared),
    figures: {
      compared: figures.compared,
      missing: [...figures.missing],
      ...(match.rule === 'rewrite' && rewrite!.correction ? { correction: true as const } : {}),
      ...(match.rule === 'rewrite' && rewrite!.figuresTell !== undefined ? { telling: rewrite!.figuresTell } : {}),
    },
    anchors: {
      shared: rewrite?.anchors.shared ?? [],
      weight: round(rewrite?.anchors.weight ?? 0),
      requiredWeight: round(rewrite?.requiredAnchorWeight ?? 0),
      containment: round(rewrite?.anchors.containment ?? 0),
      required: match.rule === 'rewrite' ? ANCHOR_CONTAINMENT : 0,
      ...(rewrite?.sameTime === undefined ? {} : { sameTime: rewrite.sameTime }),
    },
    gapHours: round(match.gapMs / HOUR_MS),
  };
}

/** What two stories' copies share that let a copy matching both join them (bridge-stories.ts). */
export function bridgeRecord(found: { a: Copy; b: Copy; gapMs: number; corroboration: Corroboration }): BridgeRecord {
  const { anchors, sameTime, figures } = found.corroboration;
  return {
    copies: [copyRef(found.a), copyRef(found.b)],
    anchors: { shared: anchors.shared, weight: round(anchors.weight) },
    sameTime,
    figures: { compared: figures.compared, missing: [...figures.missing] },
    gapHours: round(found.gapMs / HOUR_MS),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

