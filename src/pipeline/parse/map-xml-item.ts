/** Adapter from rss-parser's output (plus our custom fields) to the shared ParsedFeed / RawItem model. */
import type { ParsedFeed, RawItem } from '../../model/types.ts';
import { readTitle } from './read-title.ts';
import { asArray, attributesOf, definedOnly, firstText, isImage, isRecord, textOf, type Loose } from './read-value.ts';

export interface ParserFeed {
  title?: unknown;
  /** The raw `<title>` elements (a custom field), which keep the Atom `type` rss-parser drops. */
  titleElements?: unknown;
  link?: unknown;
  items: Loose[];
}

/** Atom date elements hidden from rss-parser (see parse-xml-feed.ts) under these names. */
export const RENAMED_TAGS = { published: 'bantin-published', updated: 'bantin-updated' } as const;

export function renameTag(name: string): string {
  return name === 'published' || name === 'updated' ? RENAMED_TAGS[name] : name;
}

export function mapXmlFeed(feed: ParserFeed, isAtom: boolean): ParsedFeed {
  return {
    ...definedOnly({ title: readTitle(feed.titleElements ?? feed.title, isAtom), link: textOf(feed.link) }),
    items: feed.items.map((item) => mapXmlItem(item, isAtom)),
  };
}

/** rss-parser puts RSS `description` and Atom `content` both in `content`; isAtom says which it was. */
function mapXmlItem(item: Loose, isAtom: boolean): RawItem {
  return {
    ...definedOnly({
      guid: firstText(item.guid, item.id, item['rdf:about']),
      link: textOf(item.link),
      title: readTitle(item.titleElements ?? item.title, isAtom),
      contentHtml: firstText(item.contentEncoded, isAtom ? item.content : undefined),
      summary: isAtom ? textOf(item.summary) : firstText(item.content, item.summary),
      // The original strings: the normaliser reads Vietnamese forms that Date cannot.
      // Publication dates first, then creation, then modification.
      date: firstText(
        isAtom ? undefined : item.pubDate, item.published, item.issued, item.dcDate, item.dctermsIssued,
        item.created, item.dctermsCreated, item.updated, item.modified, item.dctermsModified, item.isoDate,
      ),
      author: firstText(item.creator, item.dcCreator, item.author),
      imageUrl: imageOf(item),
    }),
    categories: categoriesOf(item),
  };
}

/** RSS `<category>` text, Atom `<category term>` (or label), RSS 1.0 `<dc:subject>`. */
function categoriesOf(item: Loose): string[] {
  const elements = [...asArray(item.categoryElements), ...asArray(item.dcSubjects)];
  return elements.flatMap((element) => {
    const attributes = attributesOf(element);
    const name = firstText(element, attributes.term, attributes.label);
    return name === undefined ? [] : [name];
  });
}

/**
 * An image enclosure (RSS or Atom `link rel=enclosure`), else an image media:content, else a
 * media:thumbnail, else a per-item `<image>`, else a `<thumb>` (SPEC "Text, dates, links").
 */
function imageOf(item: Loose): string | undefined {
  const enclosures = asArray(item.enclosures).map(attributesOf);
  const atomEnclosures = asArray(item.linkElements).map(attributesOf).filter((a) => a.rel === 'enclosure');
  const media = asArray(item.mediaContent).map(attributesOf);
  const imageEnclosure = [...enclosures, ...atomEnclosures.map((a): Loose => ({ ...a, url: a.href }))].find((a) =>
    isImage(textOf(a.type), textOf(a.url)),
  );
  const imageMedia = media.find((a) =>
    a.medium === undefined ? isImage(textOf(a.type), textOf(a.url)) : a.medium === 'image',
  );
  const thumbnail = asArray(item.mediaThumbnail).map(attributesOf)[0];
  return firstText(imageEnclosure?.url, imageMedia?.url, thumbnail?.url, imageElementUrl(item.imageElements), imageElementUrl(item.thumbElements));
}

/** The address an `<image>` or `<thumb>` holds: as its text, in a `url` attribute or child (RSS's channel-image shape), or in `src` / `href`. */
function imageElementUrl(elements: unknown): string | undefined {
  const element = asArray(elements)[0];
  const attributes = attributesOf(element);
  const child = isRecord(element) ? element.url : undefined;
  return firstText(element, attributes.url, child, attributes.src, attributes.href);
}
