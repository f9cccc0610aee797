/** Adapter from JSON Feed 1.0 / 1.1 to the shared ParsedFeed / RawItem model; other JSON is not a feed. */
import { ParseError } from '../../errors.ts';
import type { ParsedFeed, RawItem } from '../../model/types.ts';
import { asArray, definedOnly, firstText, isImage, isRecord, textOf, type Loose } from './read-value.ts';

/** Parses a JSON Feed; any JSON without a jsonfeed.org `version` is NOT_A_FEED. */
export function parseJsonFeed(text: string): ParsedFeed {
  const document = parseJson(text);
  if (!isRecord(document) || typeof document.version !== 'string' || !document.version.includes('jsonfeed.org')) {
    throw new ParseError('NOT_A_FEED', 'not a feed: JSON document');
  }
  return {
    ...definedOnly({ title: textOf(document.title), link: textOf(document.home_page_url) }),
    items: asArray(document.items).filter(isRecord).map(mapJsonItem),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParseError('NOT_A_FEED', 'not a feed: malformed JSON', { cause: error });
  }
}

function mapJsonItem(item: Loose): RawItem {
  const fields = {
    guid: textOf(item.id),
    link: firstText(item.url, item.external_url),
    title: textOf(item.title),
    contentHtml: textOf(item.content_html),
    summary: firstText(item.summary, item.content_text),
    date: firstText(item.date_published, item.date_modified),
    author: authorOf(item),
    imageUrl: firstText(item.image, item.banner_image, imageAttachment(item)),
  };
  const categories = asArray(item.tags).flatMap((tag) => textOf(tag) ?? []);
  return { ...definedOnly(fields), categories };
}

/** JSON Feed 1.1 `authors[]`, or 1.0 `author`. */
function authorOf(item: Loose): string | undefined {
  const author = [...asArray(item.authors), item.author].find(isRecord);
  return author === undefined ? undefined : textOf(author.name);
}

function imageAttachment(item: Loose): string | undefined {
  const attachment = asArray(item.attachments)
    .filter(isRecord)
    .find((a) => isImage(textOf(a.mime_type), textOf(a.url)));
  return attachment === undefined ? undefined : textOf(attachment.url);
}
