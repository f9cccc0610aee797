// The `html`, `fullText` and `hostDelaySeconds` keys of SPEC "Portals without feeds": defaults, and errors naming the field.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { ConfigError } from '../../src/errors.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CATEGORY = { id: 'an-ninh-trat-tu', title: 'An ninh trật tự' };
const PORTAL = { id: 'xa-hoa-an', name: 'Cổng thông tin xã Hòa An', url: 'https://hoaan.example.gov.vn/tin-tuc' };

async function configFile(content: object): Promise<string> {
  const file = path.join(await makeTempDir(), 'bantin.json');
  await writeFile(file, JSON.stringify({ categories: [CATEGORY], ...content }));
  return file;
}

async function problemsOf(content: object): Promise<readonly string[]> {
  try {
    loadConfig(await configFile(content));
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('HTML and full-text source config', () => {
  it('defaults hostDelaySeconds to 1, fullText to false and remove to none', async () => {
    const config = loadConfig(await configFile({ sources: [{ ...PORTAL, html: {} }, { ...PORTAL, id: 'bao', html: undefined }] }));
    expect(config.hostDelaySeconds).toBe(1);
    expect(config.sources[0]).toMatchObject({ fullText: false, html: { remove: [] } });
    expect(config.sources[0]!.html!.maxArticles).toBeUndefined();
    expect(config.sources[1]!.html).toBeUndefined();
  });

  it('keeps every selector key as written', async () => {
    const html = { links: '.list-news h3 a', linkPattern: '/tin-tuc/.+\\.html$', title: 'h1.title', date: '.date', author: '.author', content: '#noidung', remove: ['.share', '.tinlienquan'], maxArticles: 5 };
    const config = loadConfig(await configFile({ hostDelaySeconds: 0, sources: [{ ...PORTAL, html }] }));
    expect(config.sources[0]!.html).toEqual(html);
    expect(config.hostDelaySeconds).toBe(0);
  });

  it('accepts fullText with the article-page keys', async () => {
    const config = loadConfig(await configFile({ sources: [{ ...PORTAL, fullText: true, html: { content: '.detail', remove: ['.share'] } }] }));
    expect(config.sources[0]).toMatchObject({ fullText: true, html: { content: '.detail' } });
  });

  it.each([
    { name: 'a broken selector', html: { content: 'div[' }, problem: 'sources[0].html.content: not a valid CSS selector' },
    { name: 'a broken remove selector', html: { remove: ['.share', '>>'] }, problem: 'sources[0].html.remove[1]: not a valid CSS selector' },
    { name: 'a broken linkPattern', html: { linkPattern: '(tin' }, problem: 'sources[0].html.linkPattern: not a valid regular expression' },
    { name: 'maxArticles of 0', html: { maxArticles: 0 }, problem: 'sources[0].html.maxArticles: Too small: expected number to be >=1' },
    { name: 'an unknown html key', html: { body: '.x' }, problem: 'sources[0].html.body: unknown key' },
  ])('names the field for $name', async ({ html, problem }) => {
    expect(await problemsOf({ sources: [{ ...PORTAL, html }] })).toContain(problem);
  });

  it('refuses list-page keys on a fullText source', async () => {
    expect(await problemsOf({ sources: [{ ...PORTAL, fullText: true, html: { links: 'a', maxArticles: 3 } }] })).toEqual([
      'sources[0].html.links: a list-page key; with fullText the feed lists the articles',
      'sources[0].html.maxArticles: a list-page key; with fullText the feed lists the articles',
    ]);
  });

  it.each([
    { value: -1, problem: 'hostDelaySeconds: Too small: expected number to be >=0' },
    { value: 'một', problem: 'hostDelaySeconds: Invalid input: expected number, received string' },
  ])('names hostDelaySeconds when it is $value', async ({ value, problem }) => {
    expect(await problemsOf({ hostDelaySeconds: value, sources: [PORTAL] })).toContain(problem);
  });
});
