/** The story page, the story API and search (SPEC "Story pages and the partner API"), asked of whichever StoryDesk the state holds. */
import type express from 'express';
import type { Request, Response } from 'express';
import type { Config, TextMatchRecord } from '../model/types.ts';
import type { CopyMatchView, MatchedCopyView, StoryLookup, StoryView } from '../publish/story-lookup.ts';
import { allowAnyOrigin, answerPreflight } from './cors.ts';
import { parsePage } from './feed-request.ts';
import { openApiDocument } from './openapi.ts';
import { PAGE_CONTENT_SECURITY_POLICY } from './page-assets.ts';
import { timeFormatter } from './render-home.ts';
import { renderSearchPage } from './render-search.ts';
import { renderMissingPage, renderStoryPage, type PageContext } from './render-story.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_SYLLABLES } from '../publish/story-lookup.ts';
import { syllables } from '../pipeline/normalize/vietnamese-text.ts';
import { toNfc } from '../pipeline/normalize/vietnamese-text.ts';
import { createSearchGate } from './search-gate.ts';
import { etagOf } from '../publish/feed-catalog.ts';
import { matchesEtag } from './send-feed.ts';
import type { ServeState } from './serve-state.ts';

/** Searches asked of the ingestion thread at once: story pages, `/api/changes` and ingestion wait behind no more than these. */
export const MAX_SEARCHES_RUNNING = 4;
/** Searches waiting on this thread for a turn; one more is answered 503. */
export const MAX_SEARCHES_WAITING = 32;
const SEARCH_RETRY_AFTER_SECONDS = 2;
// A story id is a UUID; anything else is unknown without asking the ingestion thread.
const SLUG = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE_HEADERS = { 'Cache-Control': 'no-cache', 'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/** A JSON answer serialised and hashed once. */
interface PreparedJson {
  body: Buffer;
  etag: string;
  /** The ETag and its weak form: what an If-None-Match may hold for this answer. */
  tags: ReadonlySet<string>;
}

/** What depends on the config alone, built on its first request instead of on every one. */
interface ConfigAnswers {
  pageContext: PageContext;
  openApi: PreparedJson;
}

const answersByConfig = new WeakMap<Config, ConfigAnswers>();

function answersFor(config: Config): ConfigAnswers {
  let answers = answersByConfig.get(config);
  if (!answers) {
    answers = { pageContext: { baseUrl: config.baseUrl, formatTime: timeFormatter(config.timezone) }, openApi: prepareJson(openApiDocument(config.baseUrl)) };
    answersByConfig.set(config, answers);
  }
  return answers;
}

export function mountStoryRoutes(app: express.Express, getState: () => ServeState): void {
  app.get('/stories/:id', async (req, res) => {
    const state = getState();
    const base = state.config.baseUrl;
    const lookup = await lookUp(state, req.params.id);
    res.set(PAGE_HEADERS).type('html');
    if (lookup.status === 'moved') return void res.redirect(301, `${base}/stories/${lookup.to}`);
    if (lookup.status !== 'found') return void res.status(lookup.status === 'gone' ? 410 : 404).send(renderMissingPage(lookup.status, base));
    res.send(renderStoryPage(lookup.story, answersFor(state.config).pageContext));
  });

  const searchGate = createSearchGate(MAX_SEARCHES_RUNNING, MAX_SEARCHES_WAITING);
  app.get('/search', async (req, res) => {
    const state = getState();
    const context = answersFor(state.config).pageContext;
    res.set(PAGE_HEADERS).type('html');
    const { q } = req.query;
    const page = parsePage(req.query.page);
    if (page === undefined || (q !== undefined && typeof q !== 'string')) return void res.status(400).type('text').send('q: one text; page: a whole number from 1\n');
    const query = toNfc(q ?? '').trim();
    if (query.length > MAX_QUERY_LENGTH || syllables(query).length > MAX_QUERY_SYLLABLES) {
      return void res.status(400).send(renderSearchPage(undefined, context, { query: query.slice(0, MAX_QUERY_LENGTH), reason: 'too-long' }));
    }
    if (query === '' || !state.stories) return void res.send(renderSearchPage(undefined, context));
    const turn = searchGate.enter();
    if (turn === undefined) return void res.status(503).set('Retry-After', String(SEARCH_RETRY_AFTER_SECONDS)).send(renderSearchPage(undefined, context, { query, reason: 'busy' }));
    const leave = await turn;
    try {
      // A reader who left while waiting for a turn is not searched for.
      if (req.socket.destroyed) return;
      const result = await state.stories.search(query, page);
      // A page past the last is not an empty page: a crawler counting pages up must meet an end.
      res.status(page > result.lastPage ? 404 : 200).send(renderSearchPage(result, context));
    } finally {
      leave();
    }
  });

  app.options(['/api/stories/:id', '/api/changes', '/api/openapi.json'], answerPreflight);
  app.get('/api/openapi.json', (req, res) => {
    allowAnyOrigin(res).set('Cache-Control', 'no-cache');
    sendPreparedJson(req, res, answersFor(getState().config).openApi);
  });
  app.get('/api/changes', async (req, res) => {
    allowAnyOrigin(res).set('Cache-Control', 'no-cache');
    const { since } = req.query;
    if (since !== undefined && (typeof since !== 'string' || !/^\d{1,15}$/.test(since))) {
      return void res.status(400).json({ error: 'malformed-cursor', message: 'since: a cursor as given in next' });
    }
    const state = getState();
    if (!state.stories) return void res.status(404).json({ error: 'not-found', message: 'no change log here' });
    const answer = await state.stories.changes(since === undefined ? undefined : Number(since));
    if (answer.status === 'expired') {
      return void res.status(410).json({ error: 'expired-cursor', message: 'changes after this cursor are no longer held: read the feeds again, then poll with since=restart_since', oldest: answer.oldest, restart_since: answer.oldest - 1 });
    }
    sendJsonWithEtag(req, res, { changes: answer.changes, next: answer.next });
  });
  app.get('/api/stories/:id', async (req, res) => {
    allowAnyOrigin(res).set('Cache-Control', 'no-cache');
    const state = getState();
    const base = state.config.baseUrl;
    const lookup = await lookUp(state, req.params.id);
    if (lookup.status === 'moved') return void res.redirect(301, `${base}/api/stories/${lookup.to}`);
    if (lookup.status === 'gone') return void res.status(410).json({ error: 'gone', message: 'the story was removed by retention' });
    if (lookup.status === 'unknown') return void res.status(404).json({ error: 'not-found', message: 'no story with this id' });
    sendJsonWithEtag(req, res, storyJson(lookup.story, base));
  });
}

async function lookUp(state: ServeState, slug: string): Promise<StoryLookup> {
  const lowered = slug.toLowerCase();
  if (!state.stories || !SLUG.test(lowered)) return { status: 'unknown' };
  return state.stories.story(lowered);
}

/** The API's shape of a story: the page's facts, with absolute addresses. */
function storyJson(story: StoryView, base: string): unknown {
  return {
    id: story.id,
    url: `${base}/stories/${story.slug}`,
    title: story.title,
    source_url: story.url,
    content_text: story.paragraphs.join('\n'),
    date_published: story.datePublished,
    date_modified: story.dateModified,
    copies: story.copies.map((copy) => ({
      source: { id: copy.sourceId, name: copy.sourceName },
      title: copy.title,
      url: copy.url,
      date_published: copy.datePublished,
      shown: copy.shown,
      joined_by: copy.joinedBy,
      match: copy.match ? matchJson(copy.match) : null,
    })),
    categories: story.categories.map((category) => ({
      id: category.id,
      title: category.title,
      rule: category.rule === undefined ? null : { type: category.rule, detail: category.detail, source: category.sourceName, url: category.url },
    })),
  };
}

/** A copy's match record in the API's snake_case; `null` (above) for a copy stored before merging recorded it. */
function matchJson(match: CopyMatchView): unknown {
  const copyJson = (copy: MatchedCopyView) => ({ source: { id: copy.sourceId, name: copy.sourceName }, url: copy.url });
  const json: Record<string, unknown> = { by: match.by, at: match.at };
  if (match.copy !== undefined) json.copy = match.copy === 'story' ? 'story' : copyJson(match.copy);
  if (match.via) json.via = copyJson(match.via);
  if (match.through) json.through = match.through;
  if (match.numbers) json.numbers = numbersJson(match.numbers);
  if (match.corroboration) {
    const { copies, anchors, sameTime, figures, gapHours } = match.corroboration;
    json.corroboration = { copies: copies.map(copyJson), anchors, same_time: sameTime, figures, gap_hours: gapHours };
  }
  return json;
}

function numbersJson(numbers: TextMatchRecord): unknown {
  const { anchors } = numbers;
  return {
    rule: numbers.rule,
    containment: numbers.containment,
    required: numbers.required,
    shared_weight: numbers.sharedWeight,
    figures: {
      compared: numbers.figures.compared,
      missing: numbers.figures.missing,
      ...(numbers.figures.correction ? { correction: true } : {}),
      ...(numbers.figures.telling === undefined ? {} : { telling: numbers.figures.telling }),
    },
    anchors: {
      shared: anchors.shared,
      weight: anchors.weight,
      required_weight: anchors.requiredWeight,
      containment: anchors.containment,
      required: anchors.required,
      ...(anchors.sameTime === undefined ? {} : { same_time: anchors.sameTime }),
    },
    gap_hours: numbers.gapHours,
  };
}

/** The bytes of a JSON answer and a strong ETag over them. */
function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const etag = etagOf(body);
  return { body, etag, tags: new Set([etag, `W/${etag}`]) };
}

function sendJsonWithEtag(req: Request, res: Response, value: unknown): void {
  sendPreparedJson(req, res, prepareJson(value));
}

/** The answer with its ETag, or 304 when the client holds it (the weak form matches too, as If-None-Match compares weakly). */
function sendPreparedJson(req: Request, res: Response, answer: PreparedJson): void {
  res.set('ETag', answer.etag);
  const held = req.get('if-none-match');
  if (held && matchesEtag(held, answer.tags)) return void res.status(304).end();
  res.type('application/json; charset=utf-8').send(answer.body);
}
