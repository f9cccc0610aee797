import { describe, expect, it } from 'vitest';
import type { Story, Tombstone } from '../../../src/model/types.ts';
import { pruneStories } from '../../../src/pipeline/retain/prune-stories.ts';
import { makeCopy } from '../../helpers/make-copy.ts';

const NOW = new Date('2026-11-27T00:00:00.000Z');

function storyAt(id: string, daysAgo: number, categories: string[] = []): Story {
  const date = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
  return { id, categories, datePublished: date, dateModified: date, copies: [makeCopy({ sourceId: 'cong-an', key: `guid:${id}`, title: id, url: `https://a.vn/${id}`, datePublished: date })] };
}

describe('pruneStories', () => {
  it('drops stories past retention that no feed shows, and remembers their keys', () => {
    const stories = [storyAt('new-1', 1), storyAt('new-2', 2), storyAt('old', 200)];
    const tombstones: Record<string, Tombstone> = {};
    const { kept, pruned } = pruneStories(stories, tombstones, { now: NOW, retentionDays: 90, feedSize: 2 });
    expect(kept.map((story) => story.id)).toEqual(['new-1', 'new-2']);
    expect(pruned).toBe(1);
    expect(tombstones['cong-an guid:old']).toEqual({ storyId: 'old', seenAt: NOW.toISOString() });
    expect(tombstones['url https://a.vn/old']?.storyId).toBe('old');
  });

  it('keeps an old story while it is among the newest feedSize of a category feed', () => {
    const stories = [storyAt('a', 1), storyAt('b', 2), storyAt('quiet-category', 300, ['giao-duc'])];
    const { kept } = pruneStories(stories, {}, { now: NOW, retentionDays: 90, feedSize: 2 });
    expect(kept.map((story) => story.id)).toContain('quiet-category');
  });

  it('keeps every feed at feedSize even when all stories are old', () => {
    const stories = [storyAt('x', 400), storyAt('y', 500), storyAt('z', 600)];
    const { kept } = pruneStories(stories, {}, { now: NOW, retentionDays: 90, feedSize: 2 });
    expect(kept.map((story) => story.id)).toEqual(['x', 'y']);
  });

  it('forgets tombstones nobody has listed for the retention period', () => {
    const tombstones: Record<string, Tombstone> = {
      stale: { storyId: 's', seenAt: '2026-01-01T00:00:00.000Z' },
      fresh: { storyId: 'f', seenAt: '2026-11-20T00:00:00.000Z' },
    };
    pruneStories([], tombstones, { now: NOW, retentionDays: 90, feedSize: 2 });
    expect(Object.keys(tombstones)).toEqual(['fresh']);
  });
});
