/**
 * The site search at scale: the size of Pagefind's bundle in a built site, and the time from a
 * word typed on a fresh /search/ (no cache, as a first visit) to its first result in Chromium.
 * That time includes loading Pagefind (script, worker, WebAssembly, index chunks, fragments) and
 * the interface's debounce, as a reader waits for them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDist } from '../helpers/server.ts';

export interface SearchFigures {
  /** Pages in the index. */
  pages: number;
  /** Files and bytes of dist/pagefind/. */
  files: number;
  bytes: number;
  /** Milliseconds from typing to the first result, one per run. */
  firstResultMs: number[];
}

const RUNS = 3;

/** Measures the search of the site built in `distDir`, searching for `word`. */
export async function measureSearch(distDir: string, word: string): Promise<SearchFigures> {
  const bundle = join(distDir, 'pagefind');
  const files = readdirSync(bundle, { recursive: true, encoding: 'utf8' })
    .map((name) => join(bundle, name))
    .filter((file) => statSync(file).isFile());
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const server = await serveDist(distDir);
  const browser = await launchBrowser();
  const firstResultMs: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/search/');
      await page.evaluate(() => {
        const times = window as unknown as { typed?: number; shown?: number };
        const results = document.querySelector('ol.results')!;
        document
          .querySelector('input[type=search]')!
          .addEventListener('input', () => (times.typed ??= performance.now()), { once: true });
        new MutationObserver(() => {
          if (results.querySelector('li')) times.shown ??= performance.now();
        }).observe(results, { childList: true, subtree: true });
      });
      await page.locator('input[type=search]').fill(word);
      await page.waitForSelector('ol.results li');
      firstResultMs.push(
        await page.evaluate(() => {
          const times = window as unknown as { typed: number; shown: number };
          return Math.round(times.shown - times.typed);
        }),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
    files: files.length,
    bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    firstResultMs,
  };
}
