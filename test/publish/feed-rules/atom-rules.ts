/** Atom 1.0 (RFC 4287) as the W3C Feed Validation Service reads it: required elements, ids, links, text constructs, dates. */
import { parseStringPromise } from 'xml2js';
import {
  attrsOf,
  checkAtMostOnce,
  checkHtml,
  checkRfc3339,
  isAbsoluteIri,
  isEmail,
  isLanguageTag,
  isMimeType,
  ProblemList,
  textOf,
  type FeedProblem,
  type RuleContext,
  type XmlNode,
} from './common.ts';
import { checkEntryLinks, checkFeedLinks, linksOf } from './links.ts';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const FEED_ELEMENTS = ['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry'];
const ENTRY_ELEMENTS = ['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated'];
const TEXT_TYPES = ['text', 'html', 'xhtml'];

/** Every problem the validator would report (errors and warnings) for an Atom 1.0 document. */
export async function checkAtom(xml: string, context: RuleContext): Promise<FeedProblem[]> {
  const problems = new ProblemList();
  const document = await parseStringPromise(xml, { strict: true });
  const feed: XmlNode | undefined = document.feed;
  if (!feed) {
    problems.add('UndefinedElement', 'root', Object.keys(document)[0]);
    return problems.problems;
  }
  const attrs = attrsOf(feed);
  if (attrs.xmlns !== ATOM_NS) problems.add('MissingNamespace', 'feed', attrs.xmlns);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('xmlns:') && value === ATOM_NS) problems.add('AvoidNamespacePrefix', 'feed', name);
  }
  if (attrs['xml:lang'] !== undefined && !isLanguageTag(attrs['xml:lang'])) problems.add('InvalidLanguage', 'feed@xml:lang', attrs['xml:lang']);
  checkFeed(feed, context, problems);
  return problems.problems;
}

function checkFeed(feed: XmlNode, context: RuleContext, problems: ProblemList): void {
  checkRequiredOnce(feed, ['id', 'title', 'updated'], 'feed', problems);
  checkAtMostOnce(feed, ['generator', 'icon', 'logo', 'rights', 'subtitle'], 'feed', problems);
  checkUndefined(feed, FEED_ELEMENTS, 'feed', problems);
  if (feed.id) checkId(textOf(feed.id[0]), 'feed/id', problems);
  if (feed.updated) checkRfc3339(textOf(feed.updated[0]), 'feed/updated', context, problems);
  for (const name of ['title', 'subtitle', 'rights']) for (const value of feed[name] ?? []) checkText(value, `feed/${name}`, problems);
  for (const author of feed.author ?? []) checkPerson(author, 'feed/author', problems);
  checkFeedLinks(linksOf(feed.link), 'feed/link', context, problems, 'MissingSelf');
  const entries: XmlNode[] = feed.entry ?? [];
  const ids = new Set<string>();
  const updated = new Set<string>();
  entries.forEach((entry, index) => {
    const where = `entry[${index}]`;
    checkEntry(entry, where, context, problems);
    // RFC 4287 4.1.1: one author for the feed, or one in every entry.
    if (!feed.author && !entry.author) problems.add('MissingElement', where, 'author');
    const id = textOf(entry.id?.[0]);
    if (ids.has(id)) problems.add('DuplicateEntries', where, id);
    ids.add(id);
    // The validator compares the text of each entry's updated with its siblings' (its `unique` check).
    const instant = textOf(entry.updated?.[0]);
    if (instant !== '' && updated.has(instant)) problems.add('DuplicateUpdated', `${where}/updated`, instant);
    updated.add(instant);
  });
}

function checkEntry(entry: XmlNode, where: string, context: RuleContext, problems: ProblemList): void {
  checkRequiredOnce(entry, ['id', 'title', 'updated'], where, problems);
  checkAtMostOnce(entry, ['content', 'published', 'rights', 'source', 'summary'], where, problems);
  checkUndefined(entry, ENTRY_ELEMENTS, where, problems);
  if (entry.id) checkId(textOf(entry.id[0]), `${where}/id`, problems);
  for (const name of ['updated', 'published']) if (entry[name]) checkRfc3339(textOf(entry[name][0]), `${where}/${name}`, context, problems);
  for (const name of ['title', 'summary', 'rights']) for (const value of entry[name] ?? []) checkText(value, `${where}/${name}`, problems);
  for (const author of entry.author ?? []) checkPerson(author, `${where}/author`, problems);
  const links = linksOf(entry.link);
  checkEntryLinks(links, `${where}/link`, problems);
  if (entry.content) checkContent(entry.content[0], `${where}/content`, problems, entry.summary !== undefined);
  else if (!links.some((link) => link.rel === 'alternate')) problems.add('MissingAlternateLink', where);
  for (const category of entry.category ?? []) {
    const { term, scheme, label } = attrsOf(category);
    if (term === undefined) problems.add('MissingAttribute', `${where}/category`, 'term');
    else if (term.trim() === '') problems.add('AttrNotBlank', `${where}/category`, 'term');
    if (label !== undefined && label.trim() === '') problems.add('AttrNotBlank', `${where}/category`, 'label');
    if (scheme !== undefined && !isAbsoluteIri(scheme)) problems.add('InvalidIRI', `${where}/category`, scheme);
  }
}

/** Ids are absolute IRIs in canonical form; URNs follow RFC 8141, `urn:uuid:` RFC 9562 in lower case. */
function checkId(id: string, where: string, problems: ProblemList): void {
  if (!isAbsoluteIri(id)) return problems.add('InvalidIRI', where, id);
  if (/^urn:/i.test(id)) {
    if (!/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(id)) return problems.add('InvalidURN', where, id);
    if (/^urn:uuid:/i.test(id) && !/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) problems.add('NonCanonicalURI', where, id);
    return;
  }
  if (/^https?:/i.test(id) && (!URL.canParse(id) || new URL(id).href !== id)) problems.add('NonCanonicalURI', where, id);
}

function checkText(value: unknown, where: string, problems: ProblemList): void {
  const type = attrsOf(value).type ?? 'text';
  if (!TEXT_TYPES.includes(type)) return problems.add('InvalidTextType', where, type);
  if (type === 'html') checkHtml(textOf(value), where, problems);
  // Plain text that looks like markup is what the validator calls ContainsUndeclaredHTML.
  else if (type === 'text' && /<[a-z][^>]*>/i.test(textOf(value))) problems.add('ContainsUndeclaredHTML', where);
}

function checkContent(content: unknown, where: string, problems: ProblemList, hasSummary: boolean): void {
  const { type = 'text', src } = attrsOf(content);
  const isXmlOrText = TEXT_TYPES.includes(type) || /\+xml$|\/xml$|^text\//.test(type);
  if (!TEXT_TYPES.includes(type) && !isMimeType(type)) problems.add('InvalidMIMEType', where, type);
  // RFC 4287 4.1.1.3: out-of-line or base64 content needs a summary.
  if ((src !== undefined || !isXmlOrText) && !hasSummary) problems.add('MissingSummary', where);
  if (TEXT_TYPES.includes(type)) checkText(content, where, problems);
}

function checkPerson(person: XmlNode, where: string, problems: ProblemList): void {
  if (!person.name || textOf(person.name[0]).trim() === '') problems.add('MissingElement', where, 'name');
  for (const email of person.email ?? []) if (!isEmail(textOf(email))) problems.add('InvalidContact', `${where}/email`, textOf(email));
  for (const uri of person.uri ?? []) if (!isAbsoluteIri(textOf(uri))) problems.add('InvalidIRI', `${where}/uri`, textOf(uri));
}

function checkRequiredOnce(node: XmlNode, names: readonly string[], where: string, problems: ProblemList): void {
  for (const name of names) {
    const count = node[name]?.length ?? 0;
    if (count !== 1) problems.add(count === 0 ? 'MissingElement' : 'DuplicateElement', where, name);
  }
}

function checkUndefined(node: XmlNode, known: readonly string[], where: string, problems: ProblemList): void {
  for (const name of Object.keys(node)) {
    if (name !== '$' && name !== '_' && !known.includes(name)) problems.add('UndefinedElement', where, name);
  }
}
