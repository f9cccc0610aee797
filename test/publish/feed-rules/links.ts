/** Link rules of the W3C Feed Validation Service for Atom links and `atom:link` in RSS. */
import { attrsOf, isAbsoluteIri, isMimeType, type ProblemList, type RuleContext } from './common.ts';

// IANA link relations (and the RFC 5005 / WebSub ones) the validator accepts without a warning.
const REGISTERED_RELS = new Set([
  'alternate', 'related', 'self', 'enclosure', 'via', 'first', 'last', 'next', 'previous', 'prev',
  'current', 'next-archive', 'prev-archive', 'hub', 'license', 'replies', 'edit', 'edit-media', 'service', 'payment',
]);
const PAGING_RELS = ['first', 'last', 'next', 'previous', 'prev', 'current', 'next-archive', 'prev-archive'];

export interface AtomLink {
  rel: string;
  href?: string;
  type?: string;
  hreflang?: string;
  length?: string;
}

/** Rules every link obeys: an absolute href, a registered rel, a MIME type, an integer length. */
function checkLink(link: AtomLink, where: string, problems: ProblemList): void {
  if (link.href === undefined) problems.add('MissingHref', where, link.rel);
  else if (!isAbsoluteIri(link.href)) problems.add(link.rel === 'self' ? 'RelativeSelf' : 'ContainsRelRef', where, link.href);
  if (!REGISTERED_RELS.has(link.rel) && !isAbsoluteIri(link.rel)) problems.add('UnregisteredAtomLinkRel', where, link.rel);
  if (link.type !== undefined && !isMimeType(link.type)) problems.add('InvalidMIMEType', where, link.type);
  if (link.length !== undefined && !/^\d+$/.test(link.length)) problems.add('InvalidPositiveInteger', where, link.length);
}

/** Alternate links must differ in type or hreflang (RFC 4287 4.1.1). */
function checkAlternates(links: readonly AtomLink[], where: string, problems: ProblemList): void {
  const seen = new Set<string>();
  for (const link of links.filter((candidate) => candidate.rel === 'alternate')) {
    const key = `${link.type ?? ''} ${link.hreflang ?? ''}`;
    if (seen.has(key)) problems.add('DuplicateAtomLink', where, `alternate ${key}`);
    seen.add(key);
  }
}

/** Links of a feed (Atom, or `atom:link` in RSS): one self equal to the location, RFC 5005 ends respected. */
export function checkFeedLinks(links: readonly AtomLink[], where: string, context: RuleContext, problems: ProblemList, missingSelfRule: string): void {
  for (const link of links) checkLink(link, where, problems);
  checkAlternates(links, where, problems);
  const href = (rel: string) => links.find((link) => link.rel === rel)?.href;
  const self = href('self');
  if (self === undefined) problems.add(missingSelfRule, where);
  else if (self !== context.location) problems.add('SelfDoesntMatchLocation', where, `${self} ≠ ${context.location}`);
  if (links.filter((link) => link.rel === 'self').length > 1) problems.add('DuplicateAtomLink', where, 'self');
  // RFC 5005: no next past the last page, no previous before the first.
  if (self !== undefined && self === href('last') && href('next') !== undefined) problems.add('LinkPastEnd', where, 'next');
  if (self !== undefined && self === href('first') && (href('previous') ?? href('prev')) !== undefined) problems.add('LinkPastEnd', where, 'previous');
}

/** Links of an entry: paging relations belong to feeds, never to entries. */
export function checkEntryLinks(links: readonly AtomLink[], where: string, problems: ProblemList): void {
  for (const link of links) {
    checkLink(link, where, problems);
    if (PAGING_RELS.includes(link.rel)) problems.add('FeedHistoryRelInEntry', where, link.rel);
  }
  checkAlternates(links, where, problems);
}

/** xml2js link nodes as plain links; a missing rel is `alternate` (RFC 4287 4.2.7.2). */
export function linksOf(nodes: unknown[] | undefined): AtomLink[] {
  return (nodes ?? []).map((node) => {
    const { rel, href, type, hreflang, length } = attrsOf(node);
    return { rel: rel ?? 'alternate', href, type, hreflang, length };
  });
}
