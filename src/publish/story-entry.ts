/** Maps a stored story to one format-neutral, already-cleaned feed entry that every renderer shows. */
import type { CategoryRule, Copy, Story } from '../model/types.ts';
import { cleanText } from './clean-text.ts';
import { entryImage, provenanceHtml, summarize, type EntryImage, type EntrySource } from './entry-content.ts';
import { storyDates, toRfc3339 } from './feed-dates.ts';
import { storyUrl } from './feed-links.ts';
import type { FeedView } from './feed-view.ts';
import { copiesByDate, representativeCopy } from '../model/story.ts';
import { copyText } from '../pipeline/normalize/copy-text.ts';
import { sanitizedHtmlToText } from '../pipeline/normalize/sanitize-content.ts';

export type { EntryImage, EntrySource } from './entry-content.ts';

export interface StoryEntry {
  /** The story's IRI: RSS guid, Atom id, JSON Feed id (SPEC "Stories"). */
  id: string;
  url?: string;
  /** The story's page on this service (SPEC "Story pages and the partner API"). */
  storyUrl: string;
  title: string;
  /** Representative content followed by the provenance paragraph. */
  contentHtml: string;
  summary?: string;
  image?: EntryImage;
  /** RFC 3339. */
  published: string;
  /** RFC 3339. */
  modified: string;
  categories: EntryCategory[];
  author?: string;
  /** Every copy, oldest first. */
  sources: EntrySource[];
}

/** A category of the entry and, when the store remembers it, the rule that filed the story there. */
export interface EntryCategory {
  id: string;
  title: string;
  rule?: CategoryRule;
  /** What matched: the source's category name, the path prefix or the keywords. */
  detail?: string;
}

type EntryContext = Pick<FeedView, 'sources' | 'categoryTitles' | 'baseUrl'>;

/** Builds the entry for one story; texts are NFC and free of XML-illegal characters. */
export function buildStoryEntry(story: Story, context: EntryContext): StoryEntry {
  const shown = representativeCopy(story, context.sources);
  const sources = copiesByDate(story.copies).map((copy) => entrySource(copy, context));
  const { published, modified } = storyDates(story);
  const storyPage = storyUrl(context.baseUrl, cleanText(story.id));
  const contentHtml = cleanText(shown?.contentHtml ?? '') + provenanceHtml(sources, storyPage);
  // A copy with no text of its own (a photo story, a bare headline) is summed up by what its published
  // content does say, the portals that carried it: RSS wants a description before content:encoded.
  // The story-page link is an invitation, not content: the summary names the portals only.
  const summary = summarize(shown === undefined ? '' : copyText(shown)) || summarize(sanitizedHtmlToText(cleanText(shown?.contentHtml ?? '') + provenanceHtml(sources)));
  return {
    id: cleanText(story.id),
    url: shown?.url ? cleanText(shown.url) : undefined,
    storyUrl: storyPage,
    title: cleanText(shown?.title ?? ''),
    contentHtml,
    summary: summary === '' ? undefined : summary,
    image: entryImage(shown?.imageUrl),
    published,
    modified,
    categories: story.categories.map((id) => entryCategory(story, id, context)),
    author: shown === undefined ? undefined : authorOf(shown, context),
    sources,
  };
}

function entryCategory(story: Story, id: string, context: EntryContext): EntryCategory {
  const category: EntryCategory = { id, title: cleanText(context.categoryTitles.get(id) ?? id) };
  const filing = story.filedBy?.[id];
  // A store written before rules were remembered has none until its next ingestion files it again.
  if (filing !== undefined) Object.assign(category, { rule: filing.rule, detail: cleanText(filing.detail) });
  return category;
}

function entrySource(copy: Copy, context: EntryContext): EntrySource {
  return {
    id: copy.sourceId,
    // A source removed from the config still has stored copies; its id is the best name left.
    name: cleanText(context.sources.get(copy.sourceId)?.name ?? copy.sourceId),
    url: cleanText(copy.url),
    datePublished: toRfc3339(copy.datePublished, copy.firstSeenAt),
  };
}

function authorOf(copy: Copy, context: EntryContext): string | undefined {
  const author = cleanText(copy.author ?? '').trim() || cleanText(context.sources.get(copy.sourceId)?.name ?? '').trim();
  return author === '' ? undefined : author;
}
