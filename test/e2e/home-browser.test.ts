/**
 * The home page in real headless Chromium (Debian's `chromium`, driven by playwright-core,
 * never a downloaded browser), on a desktop window and on a 375-px phone: Vietnamese text
 * intact, every subscribe and autodiscovery link leading to a feed that parses, a copy button
 * that copies, no console error, no request leaving 127.0.0.1. Screenshots go to test-artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, closeBrowsers, expectOnlyLoopback, hasChromium, openBrowser, watchPage } from '../helpers/chromium.ts';
import { categoryIds, heldStories, startDemoService, type DemoService } from '../helpers/running-service.ts';
import { checkAtom } from '../publish/feed-rules/atom-rules.ts';
import { createJsonFeedValidator } from '../publish/feed-rules/json-feed-schema.ts';
import { checkRss } from '../publish/feed-rules/rss-rules.ts';
import { skipWithout } from '../helpers/required-tool.ts';

interface Visit {
  page: Page;
  consoleErrors: string[];
  requestedUrls: string[];
}

let running: DemoService;
/** Opens the home page, recording console errors, page errors and every request the page makes. */
async function visitHome(context: BrowserContext): Promise<Visit> {
  const page = await context.newPage();
  const { consoleErrors, requestedUrls } = watchPage(page);
  const response = await page.goto(`${running.base}/`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  // The policy forbids every external asset; a violation would show as a console error.
  expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
  return { page, consoleErrors, requestedUrls };
}

describe.skipIf(skipWithout(hasChromium, 'chromium', 'home-browser'))('the home page in headless Chromium (Debian package chromium)', () => {
  let desktop: BrowserContext;

  beforeAll(async () => {
    running = await startDemoService();
    await mkdir(ARTIFACTS, { recursive: true });
    desktop = await openBrowser(false);
  });

  afterAll(async () => {
    await closeBrowsers();
    await running?.close();
  });

  it('shows each category with its Vietnamese title, newest headlines and their portals, the sources and the last run', async () => {
    const { page, consoleErrors, requestedUrls } = await visitHome(desktop);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const titles = await page.$$eval('article.category h3', (headings) => headings.map((heading) => heading.firstChild?.textContent?.trim()));
    expect(titles).toEqual([...running.config.categories.map((category) => category.title.normalize('NFC')), 'Tất cả tin']);
    for (const categoryId of categoryIds(running.config)) {
      const newest = (await heldStories(running.config, categoryId)).slice(0, 5);
      const shown = await page.$$eval(`#cm-${categoryId} ol.headlines li`, (items) =>
        items.map((item) => ({ title: item.querySelector('a')?.textContent, href: item.querySelector('a')?.getAttribute('href'), meta: item.querySelector('small')?.textContent ?? '' })),
      );
      expect(shown.map((item) => item.title)).toEqual(newest.map((story) => story.title));
      expect(shown.map((item) => item.href)).toEqual(newest.map((story) => story.url));
      shown.forEach((item, index) => {
        for (const portal of newest[index]!.portals) expect(item.meta).toContain(portal);
      });
    }
    const rows = await page.$$eval('table.sources tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((row) => row[0])).toEqual(running.config.sources.map((source) => source.name));
    expect(rows.find((row) => row[0] === 'Cổng thông tin huyện (hỏng)')?.[1]).toContain('lỗi: HTTP 500');
    expect(await page.textContent('p.run')).toMatch(/^Lần thu thập gần nhất: \d{1,2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'home.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    expectOnlyLoopback(requestedUrls);
  });

  it('offers autodiscovery and subscribe links for every category and format, each leading to a feed that parses', async () => {
    const { page, consoleErrors, requestedUrls } = await visitHome(desktop);
    const alternates = await page.$$eval('link[rel="alternate"]', (links) => links.map((link) => ({ type: link.getAttribute('type'), href: link.getAttribute('href') })));
    const subscribe = await page.$$eval('ul.subscribe a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    const types = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;
    const expected = categoryIds(running.config).flatMap((id) => (['rss', 'atom', 'json'] as const).map((format) => ({ type: types[format], href: `${running.base}/feeds/${id}.${format}` })));
    expect(alternates).toEqual(expected);
    expect(subscribe).toEqual(expected.map((link) => link.href));
    // Fetched by the page itself, as a reader extension would.
    const bodies = await page.evaluate((urls) => Promise.all(urls.map(async (url) => ({ url, status: (await fetch(url)).status, text: await (await fetch(url)).text() }))), subscribe);
    const validateJson = createJsonFeedValidator('bantin');
    for (const { url, status, text } of bodies) {
      expect(status, url).toBe(200);
      const context = { location: url, now: new Date() };
      if (url.endsWith('.rss')) expect(await checkRss(text, context), url).toEqual([]);
      else if (url.endsWith('.atom')) expect(await checkAtom(text, context), url).toEqual([]);
      else expect(validateJson(JSON.parse(text)), url).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
    expectOnlyLoopback(requestedUrls);
  });

  it('copies a subscribe address to the clipboard, and still does without the async clipboard API', async () => {
    await desktop.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.base });
    const { page, consoleErrors } = await visitHome(desktop);
    const buttons = page.locator('#cm-an-ninh-trat-tu button.copy');
    expect(await buttons.count()).toBe(3);
    for (const [index, format] of (['rss', 'atom', 'json'] as const).entries()) {
      const button = buttons.nth(index);
      await button.click();
      await expect.poll(() => button.textContent()).toBe('Đã chép');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${running.base}/feeds/an-ninh-trat-tu.${format}`);
    }
    // Plain http on a LAN address has no navigator.clipboard.writeText: the textarea fallback copies.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('not allowed'));
    });
    const all = page.locator('#cm-all button.copy').first();
    await all.click();
    await expect.poll(() => all.textContent()).toBe('Đã chép');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${running.base}/feeds/all.rss`);
    expect(consoleErrors).toEqual([]);
  });

  it("lets a partner page on another origin poll a feed conditionally, through Chromium's CORS checks", async () => {
    const page = await desktop.newPage();
    // localhost and 127.0.0.1 are different origins on the same loopback server.
    await page.goto(`${running.base.replace('127.0.0.1', 'localhost')}/healthz`);
    const result = await page.evaluate(async (url) => {
      const first = await fetch(url);
      const etag = first.headers.get('etag');
      // If-None-Match is not a CORS-safelisted request header: this one needs the preflight.
      const second = await fetch(url, { headers: { 'if-none-match': etag ?? '' }, cache: 'no-store' });
      return { status: first.status, etag, items: (await first.json()).items.length, second: second.status };
    }, `${running.base}/feeds/all.json`);
    expect(result).toMatchObject({ status: 200, etag: expect.stringMatching(/^"/), items: (await heldStories(running.config, 'all')).length, second: 304 });
  });

  it('fits a 375-px phone screen without horizontal scrolling', async () => {
    const phone = await openBrowser(true);
    const { page, consoleErrors, requestedUrls } = await visitHome(phone);
    const layout = await page.evaluate(() => ({
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      fontSize: Number.parseFloat(getComputedStyle(document.body).fontSize),
    }));
    // 375, not the 980 px a page without a viewport meta tag gets on a phone.
    expect(layout.innerWidth).toBe(375);
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    expect(layout.fontSize).toBeGreaterThanOrEqual(16);
    const widest = await page.$$eval('body *', (elements) => Math.max(...elements.map((element) => element.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(ARTIFACTS, 'home-phone.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    expectOnlyLoopback(requestedUrls);
  });
});
