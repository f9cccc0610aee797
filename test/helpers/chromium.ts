/**
 * Debian's `chromium` driven by playwright-core for the browser tests (never a downloaded browser): a fresh
 * profile per browser, what a page logs and requests, and the screenshots' folder.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
export const hasChromium = existsSync(CHROMIUM);
/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

const contexts: BrowserContext[] = [];
const profiles: string[] = [];

/** A fresh browser with its own profile folder; `phone` emulates a 375-px touch screen that honours the viewport meta tag. */
export async function openBrowser(phone: boolean): Promise<BrowserContext> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'bantin-chromium-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'vi-VN',
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 900 } }),
  });
  contexts.push(context);
  return context;
}

/** Closes every browser openBrowser opened and removes its profile; for afterAll. */
export async function closeBrowsers(): Promise<void> {
  for (const context of contexts.splice(0)) await context.close();
  for (const profile of profiles.splice(0)) await rm(profile, { recursive: true, force: true });
}

/** What `page` logs as an error or warning, its uncaught errors, and every URL it requests, as they come. */
export function watchPage(page: Page): { consoleErrors: string[]; requestedUrls: string[] } {
  const consoleErrors: string[] = [];
  const requestedUrls: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requestedUrls.push(request.url()));
  return { consoleErrors, requestedUrls };
}

/** Every request but inline data went to 127.0.0.1. */
export function expectOnlyLoopback(urls: readonly string[]): void {
  for (const url of urls) if (!url.startsWith('data:')) expect(new URL(url).hostname, url).toBe('127.0.0.1');
}
