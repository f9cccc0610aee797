/**
 * A national store in PostgreSQL, loaded fast: synthetic stories and copies streamed with COPY into
 * the store's own tables (schema from its own migrations, rows from its own row mappers), batch by
 * batch so the bench never holds the whole store. What the store then holds is what bantin would
 * have written: `npm start` reads it like any other.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { STORE_SCHEMA_VERSION, type Copy, type Story } from '../../src/model/types.ts';
import { declareWriterSchema } from '../../src/store/postgres/migrations.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { copyToRow, storyToRow } from '../../src/store/postgres/store-rows.ts';
import { toCopy, createStoryCorpus, type StoryCorpus } from './make-stories.ts';

const DAY_MS = 24 * 3600 * 1000;
/** Stories written and sent per pair of COPY statements. */
const BATCH = 5_000;
/**
 * Paragraphs a copy keeps (the lead and the next): about 520 characters, as a portal's feed summary. Full-text
 * copies (about 2,400 characters, sections 1–4) would need about 6.5 KB of heap each, 6.5 GB for a million,
 * beyond Node's default heap: every process holds the whole store (see the report).
 */
export const NATIONAL_COPY_PARAGRAPHS = 2;

export interface NationalStoreOptions {
  stories: number;
  copiesPerStory: number;
  /** Source ids the copies come from (the config's, so stored copies belong to configured portals). */
  sourceIds: readonly string[];
  /** Stories are dated over the `days` before `now`. */
  now: number;
  days: number;
  seed: number;
  /** The config's categoryRulesFingerprint: a store filed under other rules is re-filed whole by the first cycle. */
  categoryRules: string;
  log?: (line: string) => void;
}

export interface NationalStoreLoad {
  stories: number;
  copies: number;
  /** Wall time of the whole load (generating the text included) and of the part spent waiting on COPY. */
  loadMs: number;
  copyMs: number;
  /** Average characters of a copy's HTML. */
  copyChars: number;
  databaseMB: number;
}

/** Migrates the (empty) database at `url` and fills it; throws if it already holds a store. */
export async function loadNationalStore(url: string, options: NationalStoreOptions): Promise<NationalStoreLoad> {
  const started = performance.now();
  const store = createPostgresStore(url);
  try {
    if ((await store.revision()) !== 0) throw new Error('bench: the national database already holds a store');
  } finally {
    await store.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // It writes store_state as this bantin would: migration 4 refuses a writer that does not say which schema it writes.
    await declareWriterSchema(client, 'session');
    // Articles of a few sentences: the copies keep two paragraphs, and writing 25 sentences to drop 20 would be most of the load.
    const corpus = createStoryCorpus(options.seed, { backgroundSentences: [3, 5] });
    let copies = 0;
    let chars = 0;
    let copyMs = 0;
    for (let first = 0; first < options.stories; first += BATCH) {
      const batch = makeBatch(corpus, Math.min(BATCH, options.stories - first), options);
      const copyStart = performance.now();
      await copyRows(client, 'stories (id, position, date_published, date_modified, categories, revision, extra)', batch.map((story, index) => storyLine(story, first + index + 1)));
      const copyLines = batch.flatMap((story) => story.copies.map((copy, position) => copyLine(story.id, copy, position)));
      await copyRows(client, 'copies (story_id, position, source_id, key, url, title, content_html, date_published, first_seen_at, extra)', copyLines);
      copyMs += performance.now() - copyStart;
      for (const story of batch) for (const copy of story.copies) chars += copy.contentHtml.length;
      copies += copyLines.length;
      if (options.log && (first / BATCH) % 10 === 9) options.log(`  loaded ${first + batch.length} of ${options.stories} stories`);
    }
    await client.query(
      `INSERT INTO store_state (data_version, revision, category_rules) VALUES ($1, 1, $2)`,
      [STORE_SCHEMA_VERSION, options.categoryRules],
    );
    await client.query('ANALYZE');
    const size = await client.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
    return {
      stories: options.stories,
      copies,
      loadMs: performance.now() - started,
      copyMs,
      copyChars: copies === 0 ? 0 : Math.round(chars / copies),
      databaseMB: Math.round(Number(size.rows[0]!.size) / 1e6),
    };
  } finally {
    await client.end();
  }
}

/** Stories of `copiesPerStory` copies each (the first the event as published, the others re-posts), revision 1. */
function makeBatch(corpus: StoryCorpus, count: number, options: NationalStoreOptions): Story[] {
  const stories: Story[] = [];
  for (let index = 0; index < count; index++) {
    const event = corpus.writer.writeEvent(options.now - corpus.random.next() * options.days * DAY_MS);
    const sources = pickDistinct(corpus, options.sourceIds, options.copiesPerStory);
    const copies: Copy[] = sources.map((sourceId, n) => {
      const text = n === 0 ? { title: event.title, paragraphs: event.paragraphs } : corpus.writer.writeCopy(event, corpus.writer.pickVariant());
      return toCopy(corpus, sourceId, event, { title: text.title, paragraphs: text.paragraphs.slice(0, NATIONAL_COPY_PARAGRAPHS) }, event.time + n * 3_600_000);
    });
    const datePublished = copies[0]!.datePublished;
    stories.push({ id: `urn:uuid:${corpus.random.uuid()}`, copies, categories: [event.category.id], datePublished, dateModified: copies.at(-1)!.datePublished });
  }
  return stories;
}

function pickDistinct(corpus: StoryCorpus, ids: readonly string[], count: number): string[] {
  const picked = new Set<string>();
  while (picked.size < Math.min(count, ids.length)) picked.add(corpus.random.pick(ids));
  return [...picked];
}

function storyLine(story: Story, position: number): string {
  const row = storyToRow(story, position);
  const categories = `{${row.categories.map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return fields([row.id, String(row.position), row.date_published, row.date_modified, categories, '1', JSON.stringify(row.extra)]);
}

function copyLine(storyId: string, copy: Copy, position: number): string {
  const row = copyToRow(storyId, copy, position);
  return fields([row.story_id, String(row.position), row.source_id, row.key, row.url, row.title, row.content_html, row.date_published, row.first_seen_at, JSON.stringify(row.extra)]);
}

/** One line of COPY's text format: tab-separated, with backslash, tab and line breaks escaped. */
function fields(values: readonly string[]): string {
  return `${values.map((value) => value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))).join('\t')}\n`;
}

async function copyRows(client: pg.Client, target: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  await pipeline(Readable.from([lines.join('')]), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}
