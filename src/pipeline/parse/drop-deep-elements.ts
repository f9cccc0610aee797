/**
 * Leaves out the feed items (and channel elements) whose child elements nest deeper than any real feed's,
 * before rss-parser and the title reader walk them recursively: one item of 5,000 nested `<b>` would
 * otherwise overflow the stack and fail the whole source.
 */
import type { DroppedElement } from '../../model/types.ts';
import { asArray, isRecord, textOf, type Loose } from './read-value.ts';

/** Element levels below an item that a feed may use; markup written as elements (xhtml, a naked `<b>`) needs a handful. */
export const MAX_ELEMENT_DEPTH = 100;

const REASON = `elements nested more than ${MAX_ELEMENT_DEPTH} levels deep`;

interface FeedShape {
  /** The element holding the items (`channel`, RSS 1.0's `rdf:RDF`, Atom's `feed`). */
  items: { parent: Loose; key: string } | undefined;
  /** The elements holding the feed's own title, link and so on. */
  channels: Loose[];
}

/** Removes over-deep items and channel elements from an xml2js tree in place; returns what it removed. */
export function dropDeepElements(tree: unknown): DroppedElement[] {
  const dropped: DroppedElement[] = [];
  const { items, channels } = feedShape(tree);
  if (items !== undefined && Array.isArray(items.parent[items.key])) {
    items.parent[items.key] = (items.parent[items.key] as unknown[]).filter((item, index) => {
      if (!nestsDeeperThan(item, MAX_ELEMENT_DEPTH)) return true;
      dropped.push({ element: items.key, position: index + 1, ...idOf(item), reason: REASON });
      return false;
    });
  }
  for (const channel of channels) {
    for (const [key, value] of Object.entries(channel)) {
      if (key === '$' || key === '_' || key === items?.key || !Array.isArray(value)) continue;
      const kept = value.filter((element: unknown) => !nestsDeeperThan(element, MAX_ELEMENT_DEPTH));
      if (kept.length === value.length) continue;
      channel[key] = kept;
      dropped.push({ element: key, reason: REASON });
    }
  }
  return dropped;
}

function feedShape(tree: unknown): FeedShape {
  if (!isRecord(tree)) return { items: undefined, channels: [] };
  if (isRecord(tree.feed)) return { items: { parent: tree.feed, key: 'entry' }, channels: [tree.feed] };
  const rdf = tree['rdf:RDF'];
  if (isRecord(rdf)) return { items: { parent: rdf, key: 'item' }, channels: asArray(rdf.channel).filter(isRecord) };
  const channel = isRecord(tree.rss) ? asArray(tree.rss.channel)[0] : undefined;
  if (isRecord(channel)) return { items: { parent: channel, key: 'item' }, channels: [channel] };
  return { items: undefined, channels: [] };
}

/** Whether some element below this one is more than `limit` levels down; walks with its own stack, never recursion. */
function nestsDeeperThan(element: unknown, limit: number): boolean {
  const pending: [node: unknown, depth: number][] = [[element, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (!isRecord(node)) continue; // text-only elements are xml2js strings
    for (const [key, children] of Object.entries(node)) {
      if (key === '$' || key === '_') continue;
      for (const child of asArray(children)) {
        if (depth + 1 > limit) return true;
        pending.push([child, depth + 1]);
      }
    }
  }
  return false;
}

function idOf(item: unknown): { id?: string } {
  if (!isRecord(item)) return {};
  const link = asArray(item.link).map((element) => textOf(element) ?? (isRecord(element) && isRecord(element.$) ? textOf(element.$.href) : undefined));
  const id = textOf(item.guid) ?? textOf(item.id) ?? link.find((text) => text !== undefined);
  return id === undefined ? {} : { id };
}
