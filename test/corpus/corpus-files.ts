/** The feed files of ../shared/corpus (see its README.md) and the fetch-less pipeline run over one of them. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ParseError } from '../../src/errors.ts';
import type { Copy, ParsedFeed, SourceConfig } from '../../src/model/types.ts';
import { feedBaseUrl } from '../../src/pipeline/collect-source.ts';
import { decodeBody } from '../../src/pipeline/fetch/decode-body.ts';
import { normalizeItem } from '../../src/pipeline/normalize/normalize-item.ts';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

// Expected outputs and indexes beside the inputs: rss-parser's golden JSON, rowanmanning's snapshots
// and Hugo front matter, miniflux's scraper results, and the corpus's own generated notes.
const NOT_INPUT = [
  /^rss-parser\/output\//,
  /^rowanmanning-feed-parser\/snapshots/,
  /\.(md|tsv|jsonl|html-result)$/,
  /(^|\/)\.gitattributes$/,
];

/** Every input file under the corpus, relative to it, in a stable order. */
export function listCorpusFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(CORPUS_DIR, dir), { withFileTypes: true })) {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (!NOT_INPUT.some((pattern) => pattern.test(relative))) files.push(relative);
    }
  };
  walk('');
  return files.sort();
}

export type CorpusOutcome =
  | { kind: 'feed'; feed: ParsedFeed; feedLink?: string; copies: (Copy | undefined)[] }
  | { kind: 'parse-error'; code: string; message: string }
  | { kind: 'crash'; error: unknown };

/**
 * A stand-in source as collectSource would have it. Its url is where the file would have been fetched
 * from: feedparser's harness serves its `http` cases from http://127.0.0.1:8097/tests/, and their
 * expectations resolve relative links against that; other files get a made-up address.
 */
export function corpusSource(file: string): SourceConfig {
  const url = file.startsWith('feedparser/') && file.includes('http')
    ? `http://127.0.0.1:8097/tests/${file.slice('feedparser/'.length)}`
    : `https://corpus.example/${file}`;
  return { id: 'corpus', name: file, url, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true };
}

/**
 * decodeBody → parseFeed → normalizeItem, as collectSource runs them after a fetch. `copies` keeps
 * one slot per raw item (undefined where normalisation dropped it) so entries line up with items.
 */
export async function runPipeline(file: string, contentType: string | undefined, now: Date): Promise<CorpusOutcome> {
  try {
    const { text } = decodeBody(readFileSync(path.join(CORPUS_DIR, file)), contentType);
    const feed = await parseFeed(text);
    const source = corpusSource(file);
    const feedLink = feedBaseUrl(feed.link, source.url);
    const copies = feed.items.map((item) => normalizeItem(item, { source, feedLink, now }));
    return { kind: 'feed', feed, ...(feedLink !== undefined && { feedLink }), copies };
  } catch (error) {
    if (error instanceof ParseError) return { kind: 'parse-error', code: error.code, message: error.message };
    return { kind: 'crash', error };
  }
}
