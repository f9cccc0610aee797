/**
 * Atom 1.0 rendering with our own XML builder rather than `feed` 6.0.0, which throws on a
 * non-URL id such as `urn:uuid:…`, writes categories without `term`, stamps `updated`
 * with the clock, and can emit ill-formed CDATA.
 */
import { feedLinks, feedUrl, homeUrl } from './feed-links.ts';
import { feedUpdated } from './feed-dates.ts';
import type { FeedView } from './feed-view.ts';
import { buildStoryEntry, type StoryEntry } from './story-entry.ts';
import { el, serializeXml, type XmlElement } from './xml-builder.ts';

const ATOM_TYPE = 'application/atom+xml';

/** Renders one page of a category as Atom 1.0. */
export function renderAtom(view: FeedView): string {
  const entries = view.stories.map((story) => renderEntry(buildStoryEntry(story, view)));
  const feed = el(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'vi' },
    ...feedHead(view),
    ...entries,
  );
  return serializeXml(feed);
}

function feedHead(view: FeedView): XmlElement[] {
  const links = feedLinks(view, 'atom').map((link) =>
    el('link', { rel: link.rel, type: link.rel === 'hub' ? undefined : ATOM_TYPE, href: link.href }),
  );
  return [
    // Every page shares the page-1 URL as id: RFC 5005 pages are one logical feed.
    el('id', {}, feedUrl(view.baseUrl, view.category.id, 'atom')),
    el('title', { type: 'text' }, view.category.title),
    ...(view.category.description === undefined ? [] : [el('subtitle', { type: 'text' }, view.category.description)]),
    el('updated', {}, feedUpdated(view.stories)),
    el('author', {}, el('name', {}, 'bantin')),
    el('generator', {}, 'bantin'),
    el('link', { rel: 'alternate', type: 'text/html', href: homeUrl(view.baseUrl) }),
    ...links,
  ];
}

function renderEntry(entry: StoryEntry): XmlElement {
  return el(
    'entry',
    {},
    el('id', {}, entry.id),
    el('title', { type: 'text' }, entry.title),
    entry.url !== undefined && el('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
    entry.image !== undefined && el('link', { rel: 'enclosure', type: entry.image.type, href: entry.image.url }),
    el('published', {}, entry.published),
    el('updated', {}, entry.modified),
    entry.author !== undefined && el('author', {}, el('name', {}, entry.author)),
    ...entry.categories.map((category) => el('category', { term: category.id, label: category.title })),
    entry.summary !== undefined && el('summary', { type: 'text' }, entry.summary),
    el('content', { type: 'html' }, entry.contentHtml),
  );
}
