/**
 * Section 5's story store, written in its own process so the bench's heap stays small: synthetic
 * stories as `npm start` would hold them after a retention period — each copy's match record, the
 * categories filed by bantin's own categoriser with their rules, the rules' fingerprint (so the
 * service's start-up cycle re-files nothing) and a change log of their creation.
 */
import type { Copy, Story, StoreData } from '../../src/model/types.ts';
import { STORE_SCHEMA_VERSION } from '../../src/model/types.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { categoryRulesFingerprint, createCategorizer, fileStory } from '../../src/pipeline/categorize/categorize-story.ts';
import { recordChanges } from '../../src/pipeline/record-changes.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { createStoryCorpus, makeStoredStories } from '../synthetic/make-stories.ts';
import { childArgument, tellParent } from './child-process.ts';

export interface StoryStoreArgument {
  configPath: string;
  stories: number;
  seed: number;
  /** Epoch ms the stories are dated back from. */
  now: number;
}

export interface StoryStoreReady {
  /** A story with several copies, for its page and API answer. */
  slug: string;
  /** The newest change's cursor: a partner polling with it is up to date. */
  next: number;
  changesHeld: number;
}

const HOUR_MS = 3600 * 1000;
const argument = childArgument<StoryStoreArgument>();
const config = loadConfig(argument.configPath);
const at = new Date(argument.now).toISOString();
const stories = makeStoredStories(createStoryCorpus(argument.seed), argument.stories, argument.now, 60);
const categorize = createCategorizer(config.categories, config.sources);
for (const story of stories) {
  story.copies = story.copies.map((copy, index) => withRecord(copy, index, story));
  fileStory(story, categorize);
}
const data: StoreData = { schemaVersion: STORE_SCHEMA_VERSION, stories, sources: {}, tombstones: {}, feeds: {} };
data.categoryRules = categoryRulesFingerprint(config.categories, config.sources);
data.changes = recordChanges(undefined, { created: stories.map((story) => story.id), updated: [], merged: [], removed: [] }, at);
await createLowdbStore(config.store).save(data);
const merged = stories.find((story) => story.copies.length > 2) ?? stories.find((story) => story.copies.length > 1) ?? stories[0]!;
tellParent({ slug: merged.id.slice('urn:uuid:'.length), next: data.changes.next - 1, changesHeld: data.changes.records.length } satisfies StoryStoreReady);
process.disconnect?.();

/** The first copy started the story; the others matched it by text, with numbers of the size the verbatim rule records. */
function withRecord(copy: Copy, index: number, story: Story): Copy {
  if (index === 0) return { ...copy, match: { by: 'first', at } };
  const first = story.copies[0]!;
  const gapHours = Math.round(Math.abs(Date.parse(copy.datePublished) - Date.parse(first.datePublished)) / HOUR_MS);
  const numbers = {
    rule: 'verbatim' as const,
    containment: 0.874,
    required: 0.6,
    sharedWeight: 118.5,
    figures: { compared: 4, missing: [] },
    anchors: { shared: [], weight: 0, requiredWeight: 0, containment: 0, required: 0 },
    gapHours,
  };
  return { ...copy, match: { by: 'text', at, copy: { sourceId: first.sourceId, url: first.url }, numbers } };
}
