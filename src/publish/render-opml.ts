/** OPML 2.0 subscription list of the category feeds, so a reader can add them all at once. */
import { EPOCH_ISO, toRfc3339, toRfc822 } from './feed-dates.ts';
import { feedUrl, homeUrl } from './feed-links.ts';
import { el, serializeXml } from './xml-builder.ts';

export interface OpmlInput {
  baseUrl: string;
  title: string;
  /** Rendered in the given order; the caller decides whether `all` is among them. */
  categories: readonly { id: string; title: string; description?: string }[];
  /** When the list last changed; the fixed epoch when absent keeps the bytes stable. */
  dateModified?: string;
}

/** Renders the OPML document with one `rss` outline per category. */
export function renderOpml(input: OpmlInput): string {
  const date = toRfc822(toRfc3339(input.dateModified ?? EPOCH_ISO));
  const head = el(
    'head',
    {},
    el('title', {}, input.title),
    el('dateCreated', {}, date),
    el('dateModified', {}, date),
    el('docs', {}, 'http://opml.org/spec2.opml'),
  );
  const outlines = input.categories.map((category) =>
    el('outline', {
      type: 'rss',
      text: category.title,
      title: category.title,
      description: category.description,
      language: 'vi',
      version: 'RSS2',
      xmlUrl: feedUrl(input.baseUrl, category.id, 'rss'),
      htmlUrl: homeUrl(input.baseUrl),
    }),
  );
  return serializeXml(el('opml', { version: '2.0' }, head, el('body', {}, ...outlines)));
}
