/**
 * axe-core's WCAG 2.2 A/AA rules in headless Chromium, under the site's real CSP: every page of
 * the build in the light scheme, one page of each type in the dark scheme and on a 320 px
 * screen, and the states scripts open (the lightbox, a who's-who card).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { allPages, axeViolations, pageTypes, watchedPage, type Watched } from './quality-support';

const baseURL = inject('baseURL');
const distDir = inject('e2eDistDir');
const PAGES = allPages(distDir).map((path) => ({ path, status: path === '/404.html' ? 404 : 200 }));
const TYPES = pageTypes(distDir);

let browser: Browser;
let light: Watched;
let dark: Watched;
let narrow: Watched;

beforeAll(async () => {
  browser = await launchBrowser();
  [light, dark, narrow] = await Promise.all([
    watchedPage(browser, baseURL, { colorScheme: 'light' }),
    watchedPage(browser, baseURL, { colorScheme: 'dark' }),
    watchedPage(browser, baseURL, { colorScheme: 'light', viewport: { width: 320, height: 640 } }),
  ]);
});
afterAll(async () => {
  await browser?.close();
});

describe('every page, light colour scheme', () => {
  it.each(PAGES)('$path has no WCAG 2.2 A/AA violation', async ({ path }) => {
    // /404.html is a file like any other; the server answers 200 for it.
    await light.visit(path, 200);
    expect(await axeViolations(light.page)).toEqual([]);
    expect(light.problems).toEqual([]);
  });
});

describe('each page type, dark colour scheme', () => {
  it.each(TYPES)('$type page ($path) has no WCAG 2.2 A/AA violation', async ({ path, status }) => {
    await dark.visit(path, status);
    expect(await axeViolations(dark.page)).toEqual([]);
    expect(dark.problems).toEqual([]);
  });
});

describe('each page type, 320 px wide', () => {
  it.each(TYPES)('$type page ($path) has no WCAG 2.2 A/AA violation', async ({ path, status }) => {
    await narrow.visit(path, status);
    expect(await axeViolations(narrow.page)).toEqual([]);
    expect(narrow.problems).toEqual([]);
  });
});

describe('states opened by scripts', () => {
  const article = TYPES.find((page) => page.type === 'article')!;

  it.each(['light', 'dark'] as const)('the lightbox, open (%s)', async (scheme) => {
    const watched = scheme === 'light' ? light : dark;
    await watched.visit(article.path);
    const photo = watched.page.locator('a[data-photo]').first();
    if ((await photo.count()) === 0) return;
    await watched.page.waitForFunction(() => customElements.get('photo-lightbox'));
    await photo.click();
    await watched.page.waitForFunction(
      () => document.querySelector<HTMLDialogElement>('dialog.lightbox')?.open,
    );
    expect(await axeViolations(watched.page)).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('a who’s-who card, open (%s)', async (scheme) => {
    const watched = scheme === 'light' ? light : dark;
    await watched.visit(article.path);
    const mention = watched.page.locator('button.mention').first();
    if ((await mention.count()) === 0) return;
    await mention.click();
    await watched.page.waitForFunction(() => document.querySelector(':popover-open') !== null);
    expect(await axeViolations(watched.page)).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
