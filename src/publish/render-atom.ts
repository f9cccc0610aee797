/**
 * Atom 1.0 rendering with the `feed` package, which writes the feed head (URL id, author,
 * alternate, self and hub links) and entries with categories with `term`, `label` and the filing rule as `scheme`, and
 * titles, summaries and content as `type="html"` CDATA. feed's Atom writer has no
 * extensions, so its string is post-processed for what it lacks: the story IRI as entry id
 * verbatim, `xml:lang="vi"`, the RFC 5005 paging links, our image media type (feed derives
 * `image/JPG` or `image/ashx` from the URL), and the `]]>` and `<` that xml-js cannot escape
 * (`finishFeedXml`).
 */
import { Feed, type Item } from 'feed';
import { cleanText, escapeHtml } from './clean-text.ts';
import { entryImage } from './entry-content.ts';
import { feedUpdated } from './feed-dates.ts';
import { feedLinks, feedUrl, homeUrl } from './feed-links.ts';
import { attributeInput, cdataInput, finishFeedXml, insertAfter, parseableUrl, toDate } from './feed-package.ts';
import type { FeedView } from './feed-view.ts';
import { buildStoryEntry, type StoryEntry } from './story-entry.ts';
import { escapeXmlAttr, escapeXmlText } from './xml-builder.ts';

const ATOM_TYPE = 'application/atom+xml';

/**
 * An Atom category's `scheme` names the rule that filed the story there, so a partner can tell an
 * operator's mapping from a keyword match: `urn:bantin:category-rule:categoryMap` | `urlMap` | `keyword`.
 */
export const CATEGORY_RULE_SCHEME = 'urn:bantin:category-rule:';

/** Renders one page of a category as Atom 1.0. */
export function renderAtom(view: FeedView): string {
  const { title, description } = view.category;
  const feed = new Feed({
    // Every page shares the page-1 URL as id: RFC 5005 pages are one logical feed.
    id: feedUrl(view.baseUrl, view.category.id, 'atom'),
    title: cleanText(title),
    description: description === undefined ? undefined : cleanText(description),
    updated: toDate(feedUpdated(view.stories, view.updatedWhenEmpty)),
    author: { name: 'bantin' },
    generator: 'bantin',
    link: homeUrl(view.baseUrl),
    feed: feedUrl(view.baseUrl, view.category.id, 'atom', view.page),
    hub: view.websubHub,
  });
  const entries = view.stories.map((story) => buildStoryEntry(story, view));
  entries.forEach((entry, index) => feed.addItem(toEntry(entry, index)));
  const xml = addStoryLinks(restoreEntryIds(feed.atom1(), entries), entries);
  return finishFeedXml(addPagingLinks(addLanguage(fixEntryLinks(xml)), view));
}

function toEntry(entry: StoryEntry, index: number): Item {
  return {
    id: entryIdMark(index),
    // feed declares titles and summaries type="html"; ours are plain text.
    title: cdataInput(escapeHtml(entry.title)),
    // Undefined only for a story without copies, which ingestion never makes; feed then
    // writes an empty <link/>, dropped in fixEntryLinks.
    link: parseableUrl(entry.url) as string,
    date: toDate(entry.modified),
    published: toDate(entry.published),
    description: entry.summary === undefined ? undefined : cdataInput(escapeHtml(entry.summary)),
    content: cdataInput(entry.contentHtml),
    author: entry.author === undefined ? undefined : [{ name: entry.author }],
    category: entry.categories.map((category) => ({
      term: attributeInput(category.id),
      name: attributeInput(category.title),
      scheme: category.rule === undefined ? undefined : `${CATEGORY_RULE_SCHEME}${category.rule}`,
    })),
    image: entry.image?.url,
  };
}

/**
 * feed passes every entry id through `new URL()`: it throws on an id that is no URL and
 * rewrites an IRI (percent-encoding its Vietnamese letters), so the Atom id would no longer
 * be the story's IRI. Entries go in with a numbered mark that is put back as the id verbatim.
 */
function entryIdMark(index: number): string {
  return `urn:x-bantin-entry:${index}`;
}

function restoreEntryIds(xml: string, entries: readonly StoryEntry[]): string {
  return xml.replace(/<id>urn:x-bantin-entry:(\d+)<\/id>/g, (_match, index: string) => `<id>${escapeXmlText(entries[Number(index)]!.id)}</id>`);
}

/** Each entry's story page, last in the entry: every copy and why they are one story (SPEC "Story pages and the partner API"). */
function addStoryLinks(xml: string, entries: readonly StoryEntry[]): string {
  let index = 0;
  return xml.replace(/(\n *)<\/entry>/g, (match, newline: string) => {
    const entry = entries[index++];
    return entry === undefined ? match : `${newline}    <link rel="related" type="text/html" href="${escapeXmlAttr(entry.storyUrl)}"/>${match}`;
  });
}

/**
 * feed types an enclosure `image/<extension>`; ours is entryImage's guess (JPEG when unknown).
 * An entry without a link gets `<link/>` from feed, which Atom forbids (href is required).
 */
function fixEntryLinks(xml: string): string {
  return xml
    .replace(/(<link rel="enclosure" href="([^"]*)" type=")([^"]*)"/g, (_match, head: string, href: string, type: string) => {
      return `${head}${entryImage(href.replaceAll('&amp;', '&'))?.type ?? type}"`;
    })
    .replace(/\n *<link\/>/g, '');
}

/** Atom has no language element; `xml:lang` on the root covers every text in the feed. */
function addLanguage(xml: string): string {
  return insertAfter(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/, () => ' xml:lang="vi"');
}

/** feed writes self and hub only; RFC 5005 links go right after self, in feedLinks order. */
function addPagingLinks(xml: string, view: FeedView): string {
  const paging = feedLinks(view, 'atom').filter((link) => link.rel !== 'self' && link.rel !== 'hub');
  if (paging.length === 0) return xml;
  return insertAfter(xml, /(\n *)<link rel="self" href="[^"]*"\/>/, ([, newline]) =>
    paging.map((link) => `${newline}<link rel="${link.rel}" type="${ATOM_TYPE}" href="${escapeXmlAttr(link.href)}"/>`).join(''),
  );
}
