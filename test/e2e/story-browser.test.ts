/**
 * A story page in real headless Chromium (Debian's `chromium` through playwright-core) on a desktop
 * window and a 375-px phone: every copy readable, nothing wider than the screen, no console error,
 * no request leaving 127.0.0.1, and an axe-core scan with no serious or critical violation.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, closeBrowsers, expectOnlyLoopback, hasChromium, openBrowser, watchPage } from '../helpers/chromium.ts';
import { skipWithout } from '../helpers/required-tool.ts';
import { heldStories, startDemoService, type DemoService, type HeldStory } from '../helpers/running-service.ts';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
}

let running: DemoService;
let merged: HeldStory;
/** Serious and critical findings of axe-core, injected through the debugging protocol (the page's CSP allows no script). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations.map(({ id, impact, help }) => ({ id, impact, help }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

describe.skipIf(skipWithout(hasChromium, 'chromium', 'story-browser'))('a story page in headless Chromium (Debian package chromium)', () => {
  beforeAll(async () => {
    running = await startDemoService();
    merged = (await heldStories(running.config, 'all')).find((story) => story.portals.length > 1)!;
    await mkdir(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await closeBrowsers();
    await running?.close();
  });

  it('searches from the home page box on a phone and reaches the story page', async () => {
    const page = await (await openBrowser(true)).newPage();
    const { consoleErrors } = watchPage(page);
    await page.goto(`${running.base}/`, { waitUntil: 'load' });
    await page.getByRole('searchbox', { name: 'Tìm tin' }).fill(merged.title);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/\/search\?q=/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-phone.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: merged.title, exact: true }).click();
    await page.waitForURL(/\/stories\//);
    expect(await page.textContent('h1')).toBe(merged.title);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  for (const phone of [false, true]) {
    it(`reads on a ${phone ? '375-px phone' : 'desktop window'} with every copy listed and no serious accessibility violation`, async () => {
      const page = await (await openBrowser(phone)).newPage();
      const { consoleErrors, requestedUrls } = watchPage(page);
      const response = await page.goto(`${running.base}/stories/${merged.id.replace('urn:uuid:', '')}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.textContent('h1')).toBe(merged.title);
      const portals = await page.$$eval('table.copies tbody tr td:first-child', (cells) => cells.map((cell) => cell.firstChild?.textContent?.trim()));
      expect(new Set(portals)).toEqual(new Set(merged.portals));
      expect(await page.$$eval('table.copies tr.shown', (rows) => rows.length)).toBe(1);
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(ARTIFACTS, `story-${phone ? 'phone' : 'desktop'}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expectOnlyLoopback(requestedUrls);
    }, 60_000);
  }
});
