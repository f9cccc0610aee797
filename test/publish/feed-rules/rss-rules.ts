/** RSS 2.0 as the W3C Feed Validation Service reads it: required channel elements, items, extensions and their data types. */
import { parseStringPromise } from 'xml2js';
import {
  attrsOf,
  checkAtMostOnce,
  checkHtml,
  checkRfc822,
  isEmail,
  isFullHttpUrl,
  isLanguageTag,
  isMimeType,
  ProblemList,
  textOf,
  type FeedProblem,
  type RuleContext,
  type XmlNode,
} from './common.ts';
import { checkFeedLinks, linksOf } from './links.ts';

const NAMESPACES: Readonly<Record<string, string>> = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};
const CHANNEL_ELEMENTS = [
  'title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate',
  'category', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays', 'item',
];
const ITEM_ELEMENTS = ['title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source'];
const SINGLE_CHANNEL = ['title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate', 'generator', 'docs', 'ttl', 'image'];
const SINGLE_ITEM = ['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source', 'content:encoded'];
// The validator warns when an item says the same thing twice, once in RSS and once in an extension.
const DUPLICATE_SEMANTICS: readonly [string, string][] = [
  ['author', 'dc:creator'],
  ['pubDate', 'dc:date'],
  ['category', 'dc:subject'],
  ['source', 'dc:source'],
  ['guid', 'atom:id'],
];

/** Every problem the validator would report (errors and warnings) for an RSS 2.0 document. */
export async function checkRss(xml: string, context: RuleContext): Promise<FeedProblem[]> {
  const problems = new ProblemList();
  const document = await parseStringPromise(xml, { strict: true });
  const rss: XmlNode | undefined = document.rss;
  if (!rss) {
    problems.add('UndefinedElement', 'root', Object.keys(document)[0]);
    return problems.problems;
  }
  if (attrsOf(rss).version !== '2.0') problems.add('InvalidValue', 'rss@version', attrsOf(rss).version);
  checkNamespaces(xml, attrsOf(rss), problems);
  const channels: XmlNode[] = rss.channel ?? [];
  if (channels.length !== 1) problems.add(channels.length === 0 ? 'MissingElement' : 'DuplicateElement', 'rss', 'channel');
  if (channels[0]) checkChannel(channels[0], context, problems);
  checkDescriptionBeforeContent(xml, problems);
  return problems.problems;
}

/**
 * The validator reads an item in document order and warns (NeedDescriptionBeforeContent) when it meets
 * `content:encoded` before any `description`, which xml2js's tree cannot tell; so this reads the text.
 */
function checkDescriptionBeforeContent(xml: string, problems: ProblemList): void {
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  [...markup.matchAll(/<item[\s>][\s\S]*?<\/item>/g)].forEach(([item], index) => {
    const content = item.indexOf('<content:encoded');
    const description = item.indexOf('<description');
    if (content >= 0 && (description < 0 || description > content)) problems.add('NeedDescriptionBeforeContent', `item[${index}]`);
  });
}

/** Every prefix used is declared on the root, with the namespace the validator knows it by. */
function checkNamespaces(xml: string, attrs: Record<string, string>, problems: ProblemList): void {
  const used = new Set([...xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').matchAll(/<\/?([A-Za-z][\w.-]*):/g)].map((match) => match[1]!));
  for (const prefix of used) {
    const declared = attrs[`xmlns:${prefix}`];
    if (declared === undefined) problems.add('MissingNamespace', `xmlns:${prefix}`);
    else if (NAMESPACES[prefix] !== undefined && declared !== NAMESPACES[prefix]) problems.add('InvalidNamespace', `xmlns:${prefix}`, declared);
  }
}

function checkChannel(channel: XmlNode, context: RuleContext, problems: ProblemList): void {
  for (const name of ['title', 'link', 'description']) {
    if (!channel[name]) problems.add('MissingElement', 'channel', name);
    else if (textOf(channel[name][0]).trim() === '') problems.add('NotBlank', `channel/${name}`);
  }
  checkAtMostOnce(channel, SINGLE_CHANNEL, 'channel', problems);
  checkUndefined(channel, CHANNEL_ELEMENTS, 'channel', problems);
  if (channel.link && !isFullHttpUrl(textOf(channel.link[0]))) problems.add('InvalidFullLink', 'channel/link', textOf(channel.link[0]));
  if (channel.docs && !isFullHttpUrl(textOf(channel.docs[0]))) problems.add('InvalidFullLink', 'channel/docs');
  if (channel.language && !isLanguageTag(textOf(channel.language[0]))) problems.add('InvalidLanguage', 'channel/language', textOf(channel.language[0]));
  for (const name of ['pubDate', 'lastBuildDate']) {
    if (channel[name]) checkRfc822(textOf(channel[name][0]), `channel/${name}`, context, problems);
  }
  for (const name of ['managingEditor', 'webMaster']) {
    if (channel[name] && !isEmail(textOf(channel[name][0]))) problems.add('InvalidContact', `channel/${name}`);
  }
  checkFeedLinks(linksOf(channel['atom:link']), 'channel/atom:link', context, problems, 'MissingAtomSelfLink');
  const guids = new Set<string>();
  (channel.item ?? []).forEach((item: XmlNode, index: number) => checkItem(item, `item[${index}]`, context, problems, guids));
}

function checkItem(item: XmlNode, where: string, context: RuleContext, problems: ProblemList, guids: Set<string>): void {
  if (!item.title && !item.description) problems.add('ItemMustContainTitleOrDescription', where);
  checkAtMostOnce(item, SINGLE_ITEM, where, problems);
  checkUndefined(item, ITEM_ELEMENTS, where, problems);
  for (const [core, extension] of DUPLICATE_SEMANTICS) {
    if (item[core] && item[extension]) problems.add('DuplicateItemSemantics', where, `${core} + ${extension}`);
  }
  if (item.link && !isFullHttpUrl(textOf(item.link[0]))) problems.add('InvalidFullLink', `${where}/link`, textOf(item.link[0]));
  if (item.pubDate) checkRfc822(textOf(item.pubDate[0]), `${where}/pubDate`, context, problems);
  for (const author of item.author ?? []) if (!isEmail(textOf(author))) problems.add('InvalidContact', `${where}/author`, textOf(author));
  for (const name of ['category', 'dc:creator']) {
    for (const value of item[name] ?? []) if (textOf(value).trim() === '') problems.add('NotBlank', `${where}/${name}`);
  }
  if (item.guid) checkGuid(item.guid[0], `${where}/guid`, problems, guids);
  else problems.add('MissingGuid', where);
  if (item.description) checkHtml(textOf(item.description[0]), `${where}/description`, problems);
  if (item['content:encoded']) checkHtml(textOf(item['content:encoded'][0]), `${where}/content:encoded`, problems);
  checkEnclosures(item.enclosure ?? [], `${where}/enclosure`, problems);
}

function checkGuid(guid: unknown, where: string, problems: ProblemList, guids: Set<string>): void {
  const value = textOf(guid).trim();
  const isPermaLink = attrsOf(guid).isPermaLink ?? 'true';
  if (value === '') problems.add('NotBlank', where);
  if (isPermaLink !== 'true' && isPermaLink !== 'false') problems.add('InvalidTrueFalse', `${where}@isPermaLink`, isPermaLink);
  if (isPermaLink === 'true' && !isFullHttpUrl(value)) problems.add('InvalidHttpGUID', where, value);
  if (guids.has(value)) problems.add('DuplicateEntries', where, value);
  guids.add(value);
}

function checkEnclosures(enclosures: unknown[], where: string, problems: ProblemList): void {
  if (enclosures.length > 1) problems.add('DuplicateEnclosure', where);
  for (const enclosure of enclosures) {
    const { url, length, type } = attrsOf(enclosure);
    if (url === undefined) problems.add('MissingAttribute', where, 'url');
    else if (!isFullHttpUrl(url)) problems.add('InvalidURLAttribute', where, url);
    if (length === undefined) problems.add('MissingAttribute', where, 'length');
    else if (!/^\d+$/.test(length)) problems.add('InvalidIntegerAttribute', where, length);
    if (type === undefined) problems.add('MissingAttribute', where, 'type');
    else if (!isMimeType(type)) problems.add('InvalidMIMEAttribute', where, type);
  }
}

/** Unprefixed elements must be RSS 2.0's; prefixed ones need a namespace the validator knows. */
function checkUndefined(node: XmlNode, known: readonly string[], where: string, problems: ProblemList): void {
  for (const name of Object.keys(node)) {
    if (name === '$' || name === '_') continue;
    const [prefix, local] = name.includes(':') ? name.split(':') : [undefined, name];
    if (prefix === undefined ? !known.includes(local!) : !(prefix in NAMESPACES)) problems.add('UndefinedElement', where, name);
  }
}
