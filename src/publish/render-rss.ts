/**
 * RSS 2.0 rendering with the `feed` package, which writes the channel, `<guid
 * isPermaLink="false">` from the story id, titles, summaries and `content:encoded` as CDATA
 * (declaring the `content` and `dc` namespaces), the image enclosure, and the self and hub
 * `atom:link`s with `xmlns:atom`. Through its extensions we add `dc:creator` (feed's
 * `<author>` would hold a bare name where RSS requires an email) and the RFC 5005 paging
 * links, which feed lacks; `finishFeedXml` then repairs the `]]>` that xml-js cannot split.
 */
import { Feed, type Extension, type Item } from 'feed';
import { cleanText, escapeHtml, escapeHtmlText } from './clean-text.ts';
import { feedUpdated } from './feed-dates.ts';
import { feedLinks, feedUrl, homeUrl, type FeedLink } from './feed-links.ts';
import { cdataInput, finishFeedXml, parseableUrl, toDate } from './feed-package.ts';
import type { FeedView } from './feed-view.ts';
import { buildStoryEntry, type StoryEntry } from './story-entry.ts';
import { escapeXmlAttr } from './xml-builder.ts';

const RSS_TYPE = 'application/rss+xml';
const RSS_DOCS = 'https://www.rssboard.org/rss-specification';

/** Renders one page of a category as RSS 2.0. */
export function renderRss(view: FeedView): string {
  const { title, description } = view.category;
  const feed = new Feed({
    title: cleanText(title),
    link: homeUrl(view.baseUrl),
    // <description> is required in RSS 2.0; the title is the honest fallback.
    description: cleanText(description ?? title),
    language: 'vi',
    updated: toDate(feedUpdated(view.stories, view.updatedWhenEmpty)),
    generator: 'bantin',
    docs: RSS_DOCS,
    // feed writes these two as atom:link and declares xmlns:atom for them.
    feed: feedUrl(view.baseUrl, view.category.id, 'rss', view.page),
    hub: view.websubHub,
  });
  // A channel extension named `atom:link` replaces feed's list with ours: the same self and
  // hub links plus the paging ones, in feedLinks order.
  feed.addExtension(atomLinks(feedLinks(view, 'rss')));
  for (const story of view.stories) feed.addItem(toItem(buildStoryEntry(story, view)));
  return finishFeedXml(feed.rss2());
}

function atomLinks(links: readonly FeedLink[]): Extension {
  const objects = links.map((link) => ({
    // xml-js escapes only `"` in attributes, so the values arrive escaped.
    _attributes: {
      href: escapeXmlAttr(link.href),
      rel: link.rel,
      type: link.rel === 'hub' ? undefined : RSS_TYPE,
    },
  }));
  // xml-js writes an array as repeated elements; feed's type only allows an object.
  return { name: 'atom:link', objects: objects as unknown as Extension['objects'] };
}

function toItem(entry: StoryEntry): Item {
  return {
    id: entry.id,
    // Readers and partner scripts take an RSS title as HTML; ours is plain text (a source's `<img onerror>` included).
    title: cdataInput(escapeHtmlText(entry.title)),
    // feed omits an empty link.
    link: parseableUrl(entry.url) ?? '',
    date: toDate(entry.modified),
    // pubDate: feed prefers `published` over `date`.
    published: toDate(entry.published),
    // RSS readers take <description> as HTML; our summary is plain text, so `<` or `&` in it is escaped.
    description: entry.summary === undefined ? undefined : cdataInput(escapeHtml(entry.summary)),
    // Never empty for a story with copies (it ends with the provenance line), so the dc
    // namespace feed declares alongside content:encoded is there for dc:creator.
    content: cdataInput(entry.contentHtml),
    category: entry.categories.map((category) => ({ name: category.title })),
    // feed keeps our type; the length defaults to 0, RSS's value for an unknown size.
    image: entry.image === undefined ? undefined : { url: entry.image.url, type: entry.image.type },
    extensions: entry.author === undefined ? [] : [{ name: 'dc:creator', objects: { _text: entry.author } }],
  };
}
