/**
 * RSS 2.0 rendering, written with our own XML builder rather than `feed` 6.0.0, which has
 * no RFC 5005 paging links, writes `<author>` without the email RSS requires, and can
 * emit ill-formed CDATA. Authors go in `dc:creator`; full HTML in `content:encoded`.
 */
import { feedLinks, homeUrl } from './feed-links.ts';
import { feedUpdated, toRfc822 } from './feed-dates.ts';
import type { FeedView } from './feed-view.ts';
import { buildStoryEntry, type StoryEntry } from './story-entry.ts';
import { el, serializeXml, type XmlElement } from './xml-builder.ts';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

/** Renders one page of a category as RSS 2.0. */
export function renderRss(view: FeedView): string {
  const items = view.stories.map((story) => renderItem(buildStoryEntry(story, view)));
  const channel = el('channel', {}, ...channelHead(view), ...items);
  return serializeXml(el('rss', { version: '2.0', ...NAMESPACES }, channel));
}

function channelHead(view: FeedView): XmlElement[] {
  const { title, description } = view.category;
  const links = feedLinks(view, 'rss').map((link) =>
    el('atom:link', {
      rel: link.rel,
      href: link.href,
      type: link.rel === 'hub' ? undefined : 'application/rss+xml',
    }),
  );
  return [
    el('title', {}, title),
    el('link', {}, homeUrl(view.baseUrl)),
    // <description> is required in RSS 2.0; the title is the honest fallback.
    el('description', {}, description ?? title),
    el('language', {}, 'vi'),
    el('lastBuildDate', {}, toRfc822(feedUpdated(view.stories))),
    el('generator', {}, 'bantin'),
    el('docs', {}, 'https://www.rssboard.org/rss-specification'),
    ...links,
  ];
}

function renderItem(entry: StoryEntry): XmlElement {
  return el(
    'item',
    {},
    el('title', {}, entry.title),
    entry.url !== undefined && el('link', {}, entry.url),
    el('guid', { isPermaLink: 'false' }, entry.id),
    el('pubDate', {}, toRfc822(entry.published)),
    entry.author !== undefined && el('dc:creator', {}, entry.author),
    ...entry.categories.map((category) => el('category', {}, category.title)),
    entry.summary !== undefined && el('description', {}, entry.summary),
    el('content:encoded', {}, entry.contentHtml),
    // RSS requires a length; 0 is the accepted value when the size is unknown.
    entry.image !== undefined && el('enclosure', { url: entry.image.url, length: '0', type: entry.image.type }),
  );
}
