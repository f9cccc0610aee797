/**
 * JSON Feed 1.1 rendering with JSON.stringify; `feed` 6.0.0 only writes version 1 with a
 * singular `author` and has no `language`, `next_url` or `hubs`.
 */
import { feedLinks, feedUrl, homeUrl, linkHref } from './feed-links.ts';
import type { FeedView } from './feed-view.ts';
import { cleanText } from './clean-text.ts';
import { buildStoryEntry, type StoryEntry } from './story-entry.ts';

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** Renders one page of a category as JSON Feed 1.1. */
export function renderJson(view: FeedView): string {
  const links = feedLinks(view, 'json');
  const feed = {
    version: JSON_FEED_VERSION,
    title: cleanText(view.category.title),
    home_page_url: homeUrl(view.baseUrl),
    feed_url: feedUrl(view.baseUrl, view.category.id, 'json', view.page),
    description: cleanText(view.category.description ?? view.category.title),
    language: 'vi',
    authors: [{ name: 'bantin' }],
    next_url: linkHref(links, 'next'),
    hubs: view.websubHub === undefined ? undefined : [{ type: 'WebSub', url: view.websubHub }],
    items: view.stories.map((story) => renderItem(buildStoryEntry(story, view))),
  };
  // JSON.stringify drops undefined members, so optional fields simply vanish.
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function renderItem(entry: StoryEntry): Record<string, unknown> {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    content_html: entry.contentHtml,
    summary: entry.summary,
    image: entry.image?.url,
    date_published: entry.published,
    date_modified: entry.modified,
    tags: entry.categories.length === 0 ? undefined : entry.categories.map((category) => category.title),
    authors: entry.author === undefined ? undefined : [{ name: entry.author }],
    _bantin: {
      story_url: entry.storyUrl,
      // The rule that filed each category (SPEC "Story pages and the partner API"); rule and detail absent when not known.
      categories: entry.categories.map((category) => ({ id: category.id, rule: category.rule, detail: category.detail })),
      sources: entry.sources.map((source) => ({
        id: source.id,
        name: source.name,
        url: source.url,
        date_published: source.datePublished,
      })),
    },
  };
}
