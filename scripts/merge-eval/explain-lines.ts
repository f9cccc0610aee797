/**
 * `eval:merge -- --explain`: the numbers that decided a pair, in lines a person can read — how each
 * copy joined its story (as the store records it), and what the rules weighed between the later copy
 * and the earlier copy's story when the later one was merged.
 */
import type { Copy, CopyMatch, TextMatchRecord } from '../../src/model/types.ts';
import type { MatchVerdict } from '../../src/pipeline/merge/match-score.ts';
import { ANCHOR_CONTAINMENT, REWRITE_WINDOW_MS, type RewriteVerdict } from '../../src/pipeline/merge/rewrite-match.ts';
import { MAX_POSTINGS, type MatchExplanation } from '../../src/pipeline/merge/similarity-index.ts';

/** Names a copy by its label in the set (its guid), else its portal. */
export type CopyLabel = (copy: Pick<Copy, 'sourceId' | 'url'>) => string;

/** How a copy came to be in its story, from its stored record. */
export function describeRecord(label: string, match: CopyMatch | undefined, labelOf: CopyLabel): string {
  if (match === undefined) return `${label}: no record`;
  switch (match.by) {
    case 'first':
      return `${label} started its story`;
    case 'link':
      return `${label} joined by the same link as ${labelOf(match.copy)}`;
    case 'text':
      return `${label} joined by text, ${describeText(match.numbers)}, matching ${match.copy === 'story' ? 'the story\'s copies together' : labelOf(match.copy)}`;
    case 'joined':
      if (match.through === 'bridge') {
        const { copies, anchors, sameTime, figures, gapHours } = match.corroboration;
        return (
          `${label}'s story was joined to this one through a bridge: ${labelOf(match.via)} matched both stories by text (this one's ${match.copy === 'story' ? 'copies together' : labelOf(match.copy)}, ${describeText(match.numbers)}), ` +
          `and ${labelOf(copies[0])} and ${labelOf(copies[1])} corroborate each other: anchors [${anchors.shared.join(' | ')}] weighing ${anchors.weight}, same day ${sameTime}, figures ${figures.compared} compared, missing [${figures.missing.join(' ')}], ${gapHours} h apart`
        );
      }
      return `${label}'s story was joined to this one when ${labelOf(match.via)} (same ${match.through}) matched ${match.copy === 'story' ? 'its copies together' : labelOf(match.copy)} by text, ${describeText(match.numbers)}`;
  }
}

function describeText(text: TextMatchRecord): string {
  const anchors =
    text.rule === 'rewrite'
      ? `, anchors [${text.anchors.shared.join(' | ')}] weighing ${text.anchors.weight} (required ${text.anchors.requiredWeight}), containment ${text.anchors.containment} (required ${text.anchors.required})${text.anchors.sameTime ? `, same place and day ${text.anchors.sameTime}` : ''}`
      : '';
  return `${text.rule}: containment ${text.containment} (required ${text.required}), shared weight ${text.sharedWeight}, figures ${text.figures.compared} compared, missing [${text.figures.missing.join(' ')}]${text.figures.correction ? ' (a correction)' : ''}${text.figures.telling !== undefined ? ` (${text.figures.telling} telling figures stand for a place)` : ''}${anchors}, ${text.gapHours} h apart`;
}

/** What the rules weighed between a later copy and an earlier copy's story when the later one was merged. */
export function describeExplanation(later: string, explanation: MatchExplanation | undefined, labelOf: CopyLabel): string[] {
  if (explanation === undefined) return [`${later} was not compared: too short (under 8 shingles), or the story was not in its time window`];
  const lines = [
    `${later} against that story: ${explanation.proposed ? 'proposed' : 'not proposed'} by the index (${explanation.sharedKeys} shared keys of at most ${MAX_POSTINGS} stories each; at least 4 and a place among the best 8 needed)`,
    `  all copies together, verbatim: ${describeVerbatim(explanation.union)}`,
  ];
  for (const member of explanation.members) {
    const window = member.gapMs > REWRITE_WINDOW_MS ? ` (beyond the rewrite rule's ${REWRITE_WINDOW_MS / 3_600_000} h)` : '';
    lines.push(`  ${labelOf(member.copy)}, ${(member.gapMs / 3_600_000).toFixed(1)} h apart${window}: verbatim ${describeVerbatim(member.verbatim)}; rewrite ${describeRewrite(member.rewrite)}`);
  }
  return lines;
}

function describeVerbatim(verdict: MatchVerdict): string {
  return (
    `containment ${verdict.containment.toFixed(3)} (required ${verdict.required.toFixed(2)}), shared weight ${verdict.shared.toFixed(2)} (required 4), ` +
    `${verdict.contained === 'copy' ? "new copy's" : "story's"} figures ${verdict.figures.compared} compared, missing [${verdict.figures.missing.join(' ')}] → ${verdict.same ? 'same' : 'not the same'}`
  );
}

function describeRewrite(verdict: RewriteVerdict): string {
  return (
    `anchors shared [${verdict.anchors.shared.join(' | ')}] weighing ${verdict.anchors.weight.toFixed(2)} (required ${verdict.requiredAnchorWeight}), containment ${verdict.anchors.containment.toFixed(3)} (required ${ANCHOR_CONTAINMENT}), ` +
    `${verdict.sameTime ? `same place and day ${verdict.sameTime}, ` : ''}figures ${verdict.figures.compared} compared, missing [${verdict.figures.missing.join(' ')}]${verdict.laterDay ? `, mentions ${verdict.laterDay}, after the other was published` : ''}${verdict.otherHours ? ', no time of one fits the other\'s' : ''}${verdict.otherDays ? ', no day of one is among the other\'s' : ''}${verdict.correction ? ', a correction of one figure' : ''}${verdict.figuresTell !== undefined ? `, ${verdict.figuresTell} telling figures and a day stand for a place` : ''} → ${verdict.same ? 'same' : 'not the same'}`
  );
}
