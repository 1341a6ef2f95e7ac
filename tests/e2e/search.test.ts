/**
 * The site search in headless Chromium, against the real build and under its real CSP: a word
 * of a real article (read from the built page, so this holds for any content) finds that
 * article with an excerpt and a date; the keyboard alone reaches the field and the results;
 * `?q=` searches on load; no console error or CSP violation, also when Pagefind's web worker
 * cannot start and it searches on the page's thread; axe with results shown; and no page but
 * /search/ fetches anything from /pagefind/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations, watchedPage, type Watched } from './quality-support.ts';

const baseURL = inject('baseURL');
const distDir = inject('e2eDistDir');

/**
 * The first article (by slug) and a word of its own text: the longest word of letters in its
 * body, which the search must find on that article's page.
 */
function articleAndWord(): { path: string; word: string; date: string } {
  const slug = readdirSync(join(distDir, 'articles')).sort()[0];
  if (!slug) throw new Error('the build has no article');
  const page = parse(readFileSync(join(distDir, 'articles', slug, 'index.html'), 'utf8'));
  const words = (page.querySelector('main .prose')?.textContent ?? '').match(/\p{L}{4,}/gu) ?? [];
  const word = [...words].sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
  if (!word) throw new Error(`articles/${slug}/ has no word to search for`);
  const date = page.querySelector('main')?.getAttribute('data-search-date') ?? '';
  return { path: `/articles/${slug}/`, word, date };
}

const target = articleAndWord();

let browser: Browser;
let watched: Watched;

beforeAll(async () => {
  browser = await launchBrowser();
  watched = await watchedPage(browser, baseURL);
});
afterAll(async () => browser?.close());

/** The result linking to `path`, once the results are shown. */
async function resultFor(page: Page, path: string) {
  await page.waitForSelector('ol.results li');
  return page.locator('ol.results li').filter({ has: page.locator(`a[href="${path}"]`) });
}

describe('searching', () => {
  it(`finds the article by a word of its text, with a marked excerpt and its date`, async () => {
    const { page, problems } = watched;
    await watched.visit('/search/');
    await page.locator('input[type=search]').fill(target.word);
    const result = await resultFor(page, target.path);
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('.excerpt mark').count()).toBeGreaterThan(0);
    expect((await result.locator('.excerpt mark').first().textContent())?.toLowerCase()).toContain(
      target.word.toLowerCase().slice(0, 4),
    );
    expect(await result.locator('.date').textContent()).toBe(target.date);
    expect(target.date).not.toBe('');
    await expect
      .poll(() => page.locator('[role=status]').textContent())
      .toMatch(new RegExp(`^\\d+ results? for “${target.word}”$`));
    // The query is in the address, to share.
    expect(new URL(page.url()).searchParams.get('q')).toBe(target.word);
    expect(problems).toEqual([]);
  });

  it('works from the keyboard alone: Tab to the field, type, Enter, Tab to the first result', async () => {
    const { page, problems } = watched;
    await watched.visit('/search/');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('input[type=search]') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.type(target.word);
    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.results li a');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement === document.querySelector('ol.results li a')),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/search/');
    expect(problems).toEqual([]);
  });

  it('searches on load for the ?q= of the address', async () => {
    const { page, problems } = watched;
    await watched.visit(`/search/?q=${encodeURIComponent(target.word)}`);
    expect(await (await resultFor(page, target.path)).count()).toBe(1);
    expect(await page.locator('input[type=search]').inputValue()).toBe(target.word);
    expect(problems).toEqual([]);
  });

  it('says so when nothing is found', async () => {
    const { page, problems } = watched;
    await watched.visit('/search/?q=qqqxxzzv');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('No results for “qqqxxzzv”');
    expect(await page.locator('ol.results li').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('has no WCAG 2.2 A/AA violation with results shown', async () => {
    const { page, problems } = watched;
    await watched.visit(`/search/?q=${encodeURIComponent(target.word)}`);
    await resultFor(page, target.path);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('under the content security policy', () => {
  it("searches on the page's thread when the web worker cannot start, with no violation", async () => {
    // Pagefind runs its WebAssembly in a worker and falls back to the page's thread, where the
    // page's CSP applies: that path is what needs 'wasm-unsafe-eval' on /search/.
    const context = await browser.newContext({ baseURL });
    const violations: string[] = [];
    await context.exposeBinding('__violation', (_source, text: string) => violations.push(text));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { __violation(text: string): void }).__violation(
          `${event.effectiveDirective} ${event.blockedURI}`,
        ),
      ),
    );
    let workerRefused = 0;
    await context.route('**/pagefind/pagefind-worker.js', (route) => {
      workerRefused += 1;
      return route.fulfill({ status: 404, body: '' });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`/search/?q=${encodeURIComponent(target.word)}`);
    expect(await (await resultFor(page, target.path)).count()).toBe(1);
    // The results came without the worker: it was asked for, and refused.
    expect(workerRefused).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    // The worker's own 404 is logged by Chromium; nothing else may be.
    expect(errors.filter((text) => !/status of 404/.test(text))).toEqual([]);
    await context.close();
  });

  it.each(['/', target.path])('%s fetches nothing from /pagefind/', async (path) => {
    const { page, problems } = watched;
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(request.url());
    page.on('request', record);
    await watched.visit(path);
    await page.waitForLoadState('networkidle');
    page.off('request', record);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => new URL(url).pathname.startsWith('/pagefind/'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
